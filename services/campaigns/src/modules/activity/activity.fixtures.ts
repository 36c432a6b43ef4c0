import { identityHeaders, type StartedSubgraph } from "@lamplight/testing";
import { expect } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** Shared by this service's tests: planning an activity and reading its occurrences. */
export const CREATE_ACTIVITY = /* GraphQL */ `
  mutation Create($input: CreateActivityInput!) {
    createActivity(input: $input) {
      id title kind recurrence startsOn endsOn capacity volunteerCapacity
      occurrences(first: 100) { totalCount edges { node { id date startsAt endsAt } } }
    }
  }
`;

/** Yanting County (Mianyang) and two of its homes; one home in Fucheng District (Mianyang). */
export const YANTING = "510723";
export const FUCHENG = "510703";
export const HOME_A = "a0000000-0000-4000-8000-000000000001";
export const HOME_B = "a0000000-0000-4000-8000-000000000002";
export const HOME_C = "a0000000-0000-4000-8000-000000000003";

/** The homes these tests hold activities at, as the sites subgraph announces them. */
export const FIXTURE_HOMES = [
  { id: HOME_A, countyCode: YANTING, name: "鹤塘社区留守学生之家" },
  { id: HOME_B, countyCode: YANTING, name: "金鸡镇留守学生之家" },
  { id: HOME_C, countyCode: FUCHENG, name: "青义镇留守学生之家" },
];

let titles = 0;

/** A valid one-off activity at HOME_A on a future day, with the given changes. */
export function activityInput(overrides: Record<string, unknown> = {}) {
  titles += 1;
  return {
    title: `暖冬读书会 ${titles}`,
    kind: "READING",
    regionCode: YANTING,
    homeIds: [HOME_A],
    organiserName: "盐亭县团委",
    capacity: 10,
    volunteerCapacity: 2,
    startsOn: "2027-03-06",
    startMinute: 9 * 60,
    durationMinutes: 120,
    ...overrides,
  };
}

export interface CreatedActivity {
  id: string;
  occurrences: { totalCount: number; edges: { node: { id: string; date: string; startsAt: string } }[] };
}

/** Creates an activity as a province admin and returns it with its occurrences. */
export async function createActivity(
  subgraph: StartedSubgraph<PrismaClient>,
  overrides: Record<string, unknown> = {},
): Promise<CreatedActivity> {
  const admin = await identityHeaders({ subject: "fixture-admin", roles: ["PROVINCE_ADMIN"] });
  const { data, errors } = await subgraph.execute(
    CREATE_ACTIVITY,
    { input: activityInput(overrides) },
    admin,
  );
  expect(errors).toBeUndefined();
  return data!.createActivity as CreatedActivity;
}
