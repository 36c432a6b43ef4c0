import { addDays, todayInProvince } from "@lamplight/regions";
import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// A child in Yanting (510723) with a high psychological and a low learning need; volunteers around
// Mianyang: only those offering a skill for one of the needs are suggested.
const CHILD = "a1000000-0000-4000-8000-000000000001";
const HOME = "a1000000-0000-4000-8000-0000000000aa";
let people: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;
const ids: Record<string, string> = {};

async function volunteer(key: string, data: Partial<Prisma.VolunteerUncheckedCreateInput>, trained = true) {
  const created = await people.database.client.volunteer.create({
    data: {
      name: key,
      kind: "COLLEGE_STUDENT",
      status: "ACTIVE",
      regionCode: "510703",
      cityCode: "510700",
      weeklyHours: 2,
      backgroundCheckedOn: addDays(todayInProvince(), -30),
      backgroundCheckExpiresOn: addDays(todayInProvince(), 300),
      ...data,
    },
  });
  if (trained) {
    await people.database.client.volunteerTraining.create({
      data: {
        volunteerId: created.id,
        topic: "CHILD_PROTECTION",
        title: "儿童保护",
        completedOn: addDays(todayInProvince(), -60),
      },
    });
  }
  ids[key] = created.id;
}

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  officer = await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: "510723" });
  await people.database.client.student.create({
    data: {
      id: CHILD,
      name: "黄小兰",
      gender: "FEMALE",
      birthDate: new Date("2015-09-09"),
      regionCode: "510723",
      cityCode: "510700",
      siteId: HOME,
      grade: 5,
      guardianName: "黄奶奶",
      guardianRelationship: "GRANDPARENT",
      needs: {
        create: [
          { category: "PSYCHOLOGICAL", level: "HIGH", assessedOn: new Date("2026-06-01") },
          { category: "LEARNING", level: "LOW", assessedOn: new Date("2026-06-01") },
        ],
      },
    },
  });
  await volunteer("counsellor", {
    kind: "PSYCHOLOGICAL_COUNSELLOR",
    skills: ["COUNSELLING"],
    regionCode: "510723",
  });
  await volunteer("tutor", { kind: "TEACHER", skills: ["TUTORING"], regionCode: "510723", weeklyHours: 6 });
  await volunteer("far", { skills: ["COUNSELLING"] });
  await volunteer("untrained", { skills: ["COUNSELLING"], regionCode: "510723" }, false);
  await volunteer("inactive", { skills: ["COUNSELLING"], status: "INACTIVE", regionCode: "510723" });
  await volunteer("chengdu", { skills: ["COUNSELLING"], regionCode: "510104", cityCode: "510100" });
  await volunteer("no matching skill", { skills: ["LEGAL_AID"], regionCode: "510723" });
});
afterAll(() => people?.close());

const SUGGEST = /* GraphQL */ `
  query($studentId: ID, $siteId: ID, $first: Int, $after: String) {
    suggestVolunteers(studentId: $studentId, siteId: $siteId, first: $first, after: $after) {
      totalCount
      edges { cursor node { volunteer { id } score reasons } }
      pageInfo { hasNextPage endCursor }
    }
  }
`;

describe("suggestVolunteers", () => {
  it("ranks eligible volunteers of the child's city by need, skill, region and availability, with reasons", async () => {
    const { data, errors } = await people.execute(SUGGEST, { studentId: CHILD }, officer);
    expect(errors, JSON.stringify(errors)).toBeUndefined();
    const nodes = data?.suggestVolunteers.edges.map((edge: any) => edge.node);
    expect(nodes.map((node: any) => node.volunteer.id)).toEqual([ids.counsellor, ids.tutor, ids.far]);
    expect(nodes[0].reasons).toEqual([
      "counselling skill for a high psychological need",
      "a psychological counsellor for a psychological need",
      "lives in the child's county",
      "available 2 hours a week",
      "3 places left for pairing",
    ]);
    expect(data?.suggestVolunteers.totalCount).toBe(3);
  });

  it("pages through the ranking with cursors", async () => {
    const first = await people.execute(SUGGEST, { studentId: CHILD, first: 2 }, officer);
    expect(first.data?.suggestVolunteers.pageInfo.hasNextPage).toBe(true);
    const rest = await people.execute(
      SUGGEST,
      { studentId: CHILD, first: 2, after: first.data?.suggestVolunteers.pageInfo.endCursor },
      officer,
    );
    expect(rest.data?.suggestVolunteers.edges.map((edge: any) => edge.node.volunteer.id)).toEqual([ids.far]);
  });

  it("suggests for a home's children, for its site manager", async () => {
    const manager = await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [HOME] });
    const { data, errors } = await people.execute(SUGGEST, { siteId: HOME }, manager);
    expect(errors).toBeUndefined();
    expect(data?.suggestVolunteers.edges[0].node.volunteer.id).toBe(ids.counsellor);
  });

  it("wants exactly one of studentId and siteId, and a child in the caller's scope", async () => {
    const both = await people.execute(SUGGEST, { studentId: CHILD, siteId: HOME }, officer);
    expect(both.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const chengdu = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" });
    const other = await people.execute(SUGGEST, { studentId: CHILD }, chengdu);
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
