import { countiesWithin } from "@lamplight/regions";
import { entities, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// A city of 50,000 children (Chengdu, spread over its counties) and 600 active volunteers.
const CHENGDU = "510100";
const COUNTIES = countiesWithin(CHENGDU).map((county) => county.code);
const CHILDREN = 50_000;

let people: StartedSubgraph<PrismaClient>;

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  // One statement for all of them: the figures, not the loading, are under test.
  await people.database.client.$executeRaw`
    INSERT INTO "Student" ("id", "name", "gender", "birthDate", "regionCode", "cityCode", "grade",
                           "guardianName", "guardianRelationship", "consentStatistics", "updatedAt")
    SELECT gen_random_uuid(), '童' || i, 'MALE', DATE '2015-01-01', (${COUNTIES}::text[])[1 + i % ${COUNTIES.length}],
           ${CHENGDU}, 4, '监护人', 'GRANDPARENT', i % 10 <> 0, now()
    FROM generate_series(0, ${CHILDREN - 1}) AS i`;
  await people.database.client.$executeRaw`
    INSERT INTO "Volunteer" ("id", "name", "kind", "status", "regionCode", "cityCode")
    SELECT gen_random_uuid(), '志愿者' || i,
           (ARRAY['COLLEGE_STUDENT','FIVE_ELDERS','TEACHER','DOCTOR']::"VolunteerKind"[])[1 + i % 4],
           CASE WHEN i % 6 = 0 THEN 'APPLIED'::"VolunteerStatus" ELSE 'ACTIVE'::"VolunteerStatus" END,
           (${COUNTIES}::text[])[1 + i % ${COUNTIES.length}], ${CHENGDU}
    FROM generate_series(0, 599) AS i`;
});
afterAll(() => people?.close());

describe("counting a city of 50,000 children", () => {
  const references = [CHENGDU, ...COUNTIES].map((code) => ({ __typename: "Region", code }));

  it("answers the city and all its counties with ONE SQL query for the batch", async () => {
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const before = people.statements();
    const { data, errors } = await entities(
      people.url,
      references,
      "... on Region { code childrenCount }",
      admin,
    );
    expect(errors).toBeUndefined();
    expect(people.statements() - before).toBe(1);
    expect(data?._entities[0]).toEqual({ code: CHENGDU, childrenCount: CHILDREN });
    const counties = data?._entities
      .slice(1)
      .reduce((sum: number, region: any) => sum + region.childrenCount, 0);
    expect(counties).toBe(CHILDREN);
  });

  it("publishes only the children counted with consent, still in one query", async () => {
    const before = people.statements();
    const { data } = await entities(people.url, references.slice(0, 1), "... on Region { childrenCount }");
    expect(people.statements() - before).toBe(1);
    expect(data?._entities[0]?.childrenCount).toBe(CHILDREN - CHILDREN / 10);
  });

  it("counts active volunteers by kind for the batch in one query", async () => {
    const before = people.statements();
    const { data, errors } = await entities(
      people.url,
      references,
      "... on Region { volunteerCount volunteersByKind { kind count } }",
    );
    expect(errors).toBeUndefined();
    expect(people.statements() - before).toBe(1);
    expect(data?._entities[0]?.volunteerCount).toBe(500);
    expect(data?._entities[0]?.volunteersByKind).toContainEqual({ kind: "COLLEGE_STUDENT", count: 100 });
    expect(data?._entities[0]?.volunteersByKind).toContainEqual({ kind: "LAWYER", count: 0 });
  });
});

describe("small volunteer counts", () => {
  it("are suppressed for roles that may not see individuals, and exact for officials", async () => {
    const county = [{ __typename: "Region", code: COUNTIES[0]! }];
    await people.database.client.volunteer.create({
      data: { name: "律师", kind: "LAWYER", status: "ACTIVE", regionCode: COUNTIES[0]!, cityCode: CHENGDU },
    });
    const selection = "... on Region { volunteersByKind { kind count } }";
    const lawyers = (data: any) =>
      data?._entities[0]?.volunteersByKind.find((entry: any) => entry.kind === "LAWYER").count;
    const partner = await identityHeaders({ kind: "partner", roles: ["PARTNER"], scopes: ["read:people"] });
    const volunteer = await identityHeaders({
      roles: ["VOLUNTEER"],
      volunteerId: "00000000-0000-4000-8000-000000000001",
    });
    for (const headers of [{}, partner, volunteer]) {
      expect(lawyers((await entities(people.url, county, selection, headers)).data)).toBeNull();
    }
    const officer = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: CHENGDU });
    expect(lawyers((await entities(people.url, county, selection, officer)).data)).toBe(1);
  });
});
