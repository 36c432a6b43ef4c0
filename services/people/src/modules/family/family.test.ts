import { entities, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// Six children in Fucheng District (510703): five consented to statistics, one did not.
const CHILD = "f1000000-0000-4000-8000-000000000000";
let people: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  officer = await identityHeaders({
    subject: "fucheng-officer",
    roles: ["COUNTY_OFFICER"],
    regionScope: "510703",
  });
  await people.database.client.student.createMany({
    data: Array.from({ length: 6 }, (_, index) => ({
      id: `f1000000-0000-4000-8000-00000000000${index}`,
      name: `家童${index}`,
      gender: "MALE" as const,
      birthDate: new Date("2015-02-02"),
      regionCode: "510703",
      cityCode: "510700",
      grade: 5,
      guardianName: "外婆",
      guardianRelationship: "GRANDPARENT" as const,
      consentStatistics: index > 0,
    })),
  });
});
afterAll(() => people?.close());

describe("guardians and migrant parents", () => {
  it("adds a guardian and a migrant parent, staff only, and audits them", async () => {
    const guardian = await people.execute(
      `mutation($id: ID!, $input: GuardianInput!) { addGuardian(studentId: $id, input: $input) { name relationship livesWithChild phone } }`,
      { id: CHILD, input: { name: "外公", relationship: "GRANDPARENT", phone: "13811112222" } },
      officer,
    );
    expect(guardian.errors).toBeUndefined();
    expect(guardian.data?.addGuardian).toEqual({
      name: "外公",
      relationship: "GRANDPARENT",
      livesWithChild: true,
      phone: "13811112222",
    });
    const parent = await people.execute(
      `mutation($id: ID!, $input: MigrantParentInput!) { addMigrantParent(studentId: $id, input: $input) { name role workCity employer phone } }`,
      {
        id: CHILD,
        input: { name: "王建国", role: "FATHER", workCity: "浙江省宁波市", employer: "宁波建筑劳务有限公司" },
      },
      officer,
    );
    expect(parent.data?.addMigrantParent).toEqual({
      name: "王建国",
      role: "FATHER",
      workCity: "浙江省宁波市",
      employer: "宁波建筑劳务有限公司",
      phone: null,
    });
    const audit = await people.database.client.auditEntry.findMany({
      where: { actorId: "fucheng-officer", action: "MUTATION" },
      orderBy: { at: "asc" },
    });
    expect(audit.map((entry) => [entry.operation, entry.outcome])).toEqual([
      ["addGuardian", "OK"],
      ["addMigrantParent", "OK"],
    ]);
  });

  it("refuses staff outside the child's region, and volunteers", async () => {
    const chengdu = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" });
    const volunteer = await identityHeaders({ roles: ["VOLUNTEER"], volunteerId: CHILD });
    for (const headers of [chengdu, volunteer]) {
      const { errors } = await people.execute(
        `mutation($id: ID!) { addGuardian(studentId: $id, input: { name: "某人", relationship: OTHER }) { name } }`,
        { id: CHILD },
        headers,
      );
      expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("reads the family of a page of children in one query each, REDACTED for the public", async () => {
    const selection = "... on Student { guardians { name phone } migrantParents { workCity } }";
    const references = Array.from({ length: 6 }, (_, index) => ({
      __typename: "Student",
      id: `f1000000-0000-4000-8000-00000000000${index}`,
    }));
    // Reads of personal fields are audited (a write per request): compare with a read of the name alone.
    const baseline = people.statements();
    await entities(people.url, references, "... on Student { name }", officer);
    const before = people.statements();
    const { data, errors } = await entities(
      people.url,
      references,
      `... on Student { name } ${selection}`,
      officer,
    );
    expect(errors).toBeUndefined();
    // One query for all the guardians and one for all the migrant parents, whatever the number of children.
    expect(people.statements() - before - (before - baseline)).toBe(2);
    expect(data?._entities[0]).toEqual({
      name: "家童0",
      guardians: [{ name: "外公", phone: "13811112222" }],
      migrantParents: [{ workCity: "浙江省宁波市" }],
    });
    const anonymous = await entities(people.url, [{ __typename: "Student", id: CHILD }], selection);
    expect(anonymous.data?._entities[0]).toEqual({ guardians: null, migrantParents: null });
    expect(anonymous.errors?.map((error) => error.extensions?.code)).toEqual(["REDACTED", "REDACTED"]);
  });
});

describe("consent", () => {
  const COUNT = `... on Region { childrenCount }`;

  it("leaves children without statistics consent out of the published figures, not out of staff figures", async () => {
    const region = [{ __typename: "Region", code: "510703" }];
    expect((await entities(people.url, region, COUNT)).data?._entities[0]?.childrenCount).toBe(5);
    expect((await entities(people.url, region, COUNT, officer)).data?._entities[0]?.childrenCount).toBe(6);

    const { data, errors } = await people.execute(
      `mutation($id: ID!) { updateConsent(studentId: $id, input: { sharePartners: false, photos: true, statistics: false }) { consent { sharePartners photos statistics } } }`,
      { id: "f1000000-0000-4000-8000-000000000005" },
      officer,
    );
    expect(errors).toBeUndefined();
    expect(data?.updateConsent.consent).toEqual({ sharePartners: false, photos: true, statistics: false });
    // Four consenting children: now small enough to suppress for the public.
    expect((await entities(people.url, region, COUNT)).data?._entities[0]?.childrenCount).toBeNull();
  });
});
