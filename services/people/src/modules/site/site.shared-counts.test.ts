import {
  announceSites,
  entities,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// The subgraph as it runs in production: counts shared between requests for a minute here (long
// enough that only a mutation can explain a fresh count).
const HOME = "e0000000-0000-4000-8000-00000000000e";
const CREATE = /* GraphQL */ `
  mutation($input: CreateStudentInput!) { createStudent(input: $input) { id } }
`;
const child = (n: number) => ({
  name: `共享计数${n}`,
  gender: "FEMALE",
  birthDate: `2016-03-${String(n + 1).padStart(2, "0")}`,
  regionCode: "510722",
  siteId: HOME,
  grade: 4,
  guardianName: "王秀兰",
  guardianRelationship: "GRANDPARENT",
  consent: { statistics: true },
});

let people: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;

beforeAll(async () => {
  people = await startSubgraph(peopleService, { aggregateCacheSeconds: 60 });
  admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  await announceSites(people, [{ id: HOME, countyCode: "510722" }]);
  for (let n = 0; n < 6; n++) {
    const { errors } = await people.execute(CREATE, { input: child(n) }, admin);
    expect(errors).toBeUndefined();
  }
});
afterAll(() => people?.close());

const countAs = async (headers: Record<string, string>) => {
  const { data, errors } = await entities(
    people.url,
    [{ __typename: "Site", id: HOME }],
    "... on Site { childrenCount }",
    headers,
  );
  expect(errors).toBeUndefined();
  return data?._entities[0]?.childrenCount;
};

describe("counts shared between requests", () => {
  it("are computed once for every caller, each still seeing what their role allows", async () => {
    const before = people.statements();
    expect(await countAs(admin)).toBe(6);
    expect(people.statements() - before).toBe(1);
    // The public gets the published figure (6 ≥ the threshold of 5): the province's published
    // table is computed once, in one more query...
    expect(await countAs({})).toBe(6);
    expect(people.statements() - before).toBe(2);
    // ...and then shared: neither caller costs another query.
    expect(await countAs({})).toBe(6);
    expect(await countAs(admin)).toBe(6);
    expect(people.statements() - before).toBe(2);
  });

  it("are computed again after a mutation of this subgraph, and suppressed again when small", async () => {
    const extra = await people.execute(CREATE, { input: child(6) }, admin);
    expect(extra.errors).toBeUndefined();
    expect(await countAs(admin)).toBe(7);
    // Three guardians withdraw consent to statistics: the public's count (only consenting children)
    // falls below the threshold and is hidden; officials still see every child.
    const withdrawing = await people.database.client.student.findMany({ where: { siteId: HOME }, take: 3 });
    const withdraw = /* GraphQL */ `
      mutation($studentId: ID!, $input: UpdateConsentInput!) { updateConsent(studentId: $studentId, input: $input) { id } }
    `;
    for (const { id } of withdrawing) {
      const input = { sharePartners: false, photos: false, statistics: false };
      const { errors } = await people.execute(withdraw, { studentId: id, input }, admin);
      expect(errors).toBeUndefined();
    }
    expect(await countAs(admin)).toBe(7);
    expect(await countAs({})).toBeNull();
  });

  it("keep a count written behind the subgraph's back until they expire", async () => {
    expect(await countAs(admin)).toBe(7);
    await people.database.client.student.deleteMany({ where: { siteId: HOME } });
    // Another replica's write: this process learns of it within AGGREGATE_CACHE_SECONDS.
    expect(await countAs(admin)).toBe(7);
  });
});
