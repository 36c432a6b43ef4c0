import { countiesWithin } from "@lamplight/regions";
import {
  entities,
  expectNotFoundAt,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// 2,000 children spread over Mianyang's counties, and 3 in Chengdu's Jinjiang District.
const MIANYANG = "510700";
const MIANYANG_COUNTIES = countiesWithin(MIANYANG).map((county) => county.code);
const JINJIANG = "510104";
const ids = Array.from(
  { length: 2003 },
  (_, index) => `10000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
);
const countyOf = (index: number) =>
  index < 2000 ? MIANYANG_COUNTIES[index % MIANYANG_COUNTIES.length]! : JINJIANG;

let people: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  await people.database.client.student.createMany({
    data: ids.map((id, index) => ({
      id,
      name: `区童${index}`,
      gender: index % 2 ? ("MALE" as const) : ("FEMALE" as const),
      birthDate: new Date("2015-06-01"),
      regionCode: countyOf(index),
      cityCode: `${countyOf(index).slice(0, 4)}00`,
      grade: 5,
      guardianName: "监护人",
      guardianRelationship: "GRANDPARENT" as const,
      consentStatistics: true,
    })),
  });
  // Every fourth Mianyang child has a psychological need, assessed twice (counted once); every
  // tenth a learning need; two of the Jinjiang children a safety need.
  await people.database.client.need.createMany({
    data: ids.flatMap((studentId, index) => [
      ...(index < 2000 && index % 4 === 0
        ? (["2026-01-10", "2026-06-10"] as const).map((day) => ({
            studentId,
            category: "PSYCHOLOGICAL" as const,
            level: "MEDIUM" as const,
            assessedOn: new Date(day),
          }))
        : []),
      ...(index < 2000 && index % 10 === 0
        ? [
            {
              studentId,
              category: "LEARNING" as const,
              level: "LOW" as const,
              assessedOn: new Date("2026-03-03"),
            },
          ]
        : []),
      ...(index >= 2001
        ? [
            {
              studentId,
              category: "SAFETY" as const,
              level: "HIGH" as const,
              assessedOn: new Date("2026-03-03"),
            },
          ]
        : []),
    ]),
  });
});
afterAll(() => people?.close());

const regions = [MIANYANG, MIANYANG_COUNTIES[0]!, JINJIANG, "510100", "510000", "999999"];
const references = regions.map((code) => ({ __typename: "Region", code }));
const inFirstCounty = ids.slice(0, 2000).filter((_, index) => index % MIANYANG_COUNTIES.length === 0).length;

describe("Region.childrenCount", () => {
  it("counts a county, a city and the province for a whole batch of regions in ONE SQL query", async () => {
    const before = people.statements();
    const { data, errors } = await entities(
      people.url,
      references,
      "... on Region { code childrenCount }",
      admin,
    );
    expectNotFoundAt({ data, errors }, [references.length - 1]);
    expect(people.statements() - before).toBe(1);
    expect(data?._entities).toEqual([
      { code: MIANYANG, childrenCount: 2000 },
      { code: MIANYANG_COUNTIES[0], childrenCount: inFirstCounty },
      { code: JINJIANG, childrenCount: 3 },
      { code: "510100", childrenCount: 3 },
      { code: "510000", childrenCount: 2003 },
      null,
    ]);
  });

  it("suppresses a count of 3 for the public and aggregate-only roles, not for a province admin", async () => {
    const partner = await identityHeaders({ kind: "partner", roles: ["PARTNER"], scopes: ["read:sites"] });
    const finance = await identityHeaders({ roles: ["FINANCE_OFFICER"], regionScope: "510000" });
    for (const headers of [{}, partner, finance]) {
      const { data } = await entities(
        people.url,
        references.slice(0, 5),
        "... on Region { childrenCount }",
        headers,
      );
      // Chengdu's 3 would be the province's 2,003 minus Mianyang's 2,000: both are withheld with it
      // (decision 0035), since Mianyang's staff know their 2,000 exactly.
      expect(data?._entities.map((region) => region?.childrenCount)).toEqual([
        null,
        inFirstCounty,
        null,
        null,
        null,
      ]);
    }
    const { data } = await entities(
      people.url,
      [{ __typename: "Region", code: JINJIANG }],
      "... on Region { childrenCount }",
      admin,
    );
    expect(data?._entities[0]?.childrenCount).toBe(3);
  });

  it("answers zero, not a suppressed null, for a region with no children", async () => {
    const { data } = await entities(
      people.url,
      [{ __typename: "Region", code: "513300" }],
      "... on Region { childrenCount }",
    );
    expect(data?._entities[0]?.childrenCount).toBe(0);
  });
});

describe("Region.childrenByNeed", () => {
  const SELECTION = "... on Region { code childrenByNeed { category count } }";

  it("counts the children with each need, every category listed, in ONE SQL query for the batch", async () => {
    const before = people.statements();
    const { data, errors } = await entities(people.url, references.slice(0, 5), SELECTION, admin);
    expect(errors).toBeUndefined();
    expect(people.statements() - before).toBe(1);
    expect(data?._entities[0]).toEqual({
      code: MIANYANG,
      // 500 children with a psychological need, though each was assessed twice.
      childrenByNeed: [
        { category: "PSYCHOLOGICAL", count: 500 },
        { category: "SAFETY", count: 0 },
        { category: "LEARNING", count: 200 },
        { category: "HEALTH", count: 0 },
        { category: "CULTURAL_LIFE", count: 0 },
      ],
    });
    expect(data?._entities[4]?.childrenByNeed).toContainEqual({ category: "SAFETY", count: 2 });
  });

  it("suppresses small counts for the public", async () => {
    const { data } = await entities(people.url, [{ __typename: "Region", code: JINJIANG }], SELECTION);
    expect(data?._entities[0]?.childrenByNeed).toEqual([
      { category: "PSYCHOLOGICAL", count: 0 },
      { category: "SAFETY", count: null },
      { category: "LEARNING", count: 0 },
      { category: "HEALTH", count: 0 },
      { category: "CULTURAL_LIFE", count: 0 },
    ]);
  });

  it("answers both figures for a batch with one query each", async () => {
    const before = people.statements();
    const { errors } = await entities(
      people.url,
      references,
      "... on Region { childrenCount childrenByNeed { category count } }",
    );
    expectNotFoundAt({ errors }, [references.length - 1]);
    expect(people.statements() - before).toBe(2);
  });
});
