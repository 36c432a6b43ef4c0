import { entities, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// 50 homes in Mianyang's Fucheng District (510703): home i has i % 10 children, so a few are empty,
// some have fewer than five (suppressed for the public) and some more.
const homes = Array.from(
  { length: 50 },
  (_, index) => `f0000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
);
const childrenAt = (index: number) => index % 10;
const references = homes.map((id) => ({ __typename: "Site", id }));

let people: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  await people.database.client.student.createMany({
    data: homes.flatMap((siteId, index) =>
      Array.from({ length: childrenAt(index) }, (_, child) => ({
        name: `家${String(index).padStart(2, "0")}童${child}`,
        gender: "MALE" as const,
        birthDate: new Date("2016-01-01"),
        regionCode: "510703",
        cityCode: "510700",
        siteId,
        grade: 4,
        guardianName: "监护人",
        guardianRelationship: "GRANDPARENT" as const,
        consentStatistics: true,
      })),
    ),
  });
});
afterAll(() => people?.close());

describe("Site.childrenCount", () => {
  it("counts the children of 50 homes with exactly one SQL query", async () => {
    const before = people.statements();
    const { data, errors } = await entities(
      people.url,
      references,
      "... on Site { id childrenCount }",
      admin,
    );
    expect(errors).toBeUndefined();
    expect(people.statements() - before).toBe(1);
    expect(data?._entities.map((site) => site?.childrenCount)).toEqual(
      homes.map((_, index) => childrenAt(index)),
    );
  });

  it("suppresses small counts for the public and partners, and keeps zero", async () => {
    const partner = await identityHeaders({ kind: "partner", roles: ["PARTNER"], scopes: ["read:sites"] });
    for (const headers of [{}, partner]) {
      const { data } = await entities(
        people.url,
        references.slice(0, 10),
        "... on Site { childrenCount }",
        headers,
      );
      expect(data?._entities.map((site) => site?.childrenCount)).toEqual([
        0,
        null,
        null,
        null,
        null,
        5,
        6,
        7,
        8,
        9,
      ]);
    }
  });

  it("answers zero for an id that names no home or is not an id", async () => {
    const { data, errors } = await entities(
      people.url,
      [
        { __typename: "Site", id: "00000000-0000-4000-8000-000000000000" },
        { __typename: "Site", id: "home-1" },
      ],
      "... on Site { id childrenCount students { totalCount } }",
      admin,
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { id: "00000000-0000-4000-8000-000000000000", childrenCount: 0, students: { totalCount: 0 } },
      { id: "home-1", childrenCount: 0, students: { totalCount: 0 } },
    ]);
  });
});

describe("Site.students", () => {
  const SELECTION =
    "... on Site { id childrenCount students(first: 3) { totalCount edges { node { name } } pageInfo { hasNextPage } } }";

  it("pages the children of 50 homes in one SQL query (and counts them in one more)", async () => {
    const before = people.statements();
    const { data, errors } = await entities(
      people.url,
      references,
      "... on Site { id childrenCount students(first: 3) { edges { cursor node { id } } pageInfo { hasNextPage } } }",
      await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510700" }),
    );
    expect(errors).toBeUndefined();
    // One for the counts, one for every home's first page.
    expect(people.statements() - before).toBe(2);
    expect(data?._entities.map((site) => site?.students.edges.length)).toEqual(
      homes.map((_, index) => Math.min(3, childrenAt(index))),
    );
    expect(data?._entities.map((site) => site?.students.pageInfo.hasNextPage)).toEqual(
      homes.map((_, index) => childrenAt(index) > 3),
    );
  });

  it("is empty for those who may not see the home's children, who still get the count", async () => {
    const cases: [string, Record<string, string>][] = [
      ["public", {}],
      ["partner", await identityHeaders({ kind: "partner", roles: ["PARTNER"], scopes: ["read:sites"] })],
      ["finance", await identityHeaders({ roles: ["FINANCE_OFFICER"], regionScope: "510000" })],
      ["other city", await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510100" })],
      ["other home", await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [homes[8]!] })],
    ];
    for (const [who, headers] of cases) {
      const { data, errors } = await entities(people.url, [references[9]!], SELECTION, headers);
      expect(errors, who).toBeUndefined();
      expect(data?._entities[0], who).toEqual({
        id: homes[9],
        childrenCount: 9,
        students: { totalCount: 0, edges: [], pageInfo: { hasNextPage: false } },
      });
    }
  });

  it("lists a home's children for its site manager, by name, and pages on with the cursor", async () => {
    const manager = await identityHeaders({ roles: ["SITE_MANAGER"], siteIds: [homes[9]!] });
    const { data } = await entities(people.url, [references[9]!, references[8]!], SELECTION, manager);
    expect(data?._entities[0]).toEqual({
      id: homes[9],
      childrenCount: 9,
      students: {
        totalCount: 9,
        edges: [{ node: { name: "家09童0" } }, { node: { name: "家09童1" } }, { node: { name: "家09童2" } }],
        pageInfo: { hasNextPage: true },
      },
    });
    // Not the manager of home 8: its children stay hidden, its count does not (a role that sees individuals).
    expect(data?._entities[1]).toMatchObject({ childrenCount: 8, students: { totalCount: 0, edges: [] } });

    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await entities(
        people.url,
        [references[9]!],
        `... on Site { students(first: 4${after ? `, after: "${after}"` : ""}) { edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
        manager,
      );
      const students = page.data._entities[0].students;
      seen.push(...students.edges.map((edge: { node: { name: string } }) => edge.node.name));
      if (!students.pageInfo.hasNextPage) break;
      after = students.pageInfo.endCursor;
    }
    expect(seen).toEqual(Array.from({ length: 9 }, (_, child) => `家09童${child}`));
  });

  it("answers the same fields from a batched page as from any other read", async () => {
    const { data, errors } = await entities(
      people.url,
      [references[1]!],
      "... on Site { students { edges { node { id name gender birthDate grade region { code } site { id } createdAt consent { photos } } } } }",
      admin,
    );
    expect(errors).toBeUndefined();
    const node = data?._entities[0]?.students.edges[0].node;
    const row = await people.database.client.student.findUniqueOrThrow({ where: { id: node.id } });
    expect(node).toEqual({
      id: row.id,
      name: "家01童0",
      gender: "MALE",
      birthDate: "2016-01-01",
      grade: 4,
      region: { code: "510703" },
      site: { id: homes[1] },
      createdAt: row.createdAt.toISOString(),
      consent: { photos: false },
    });
  });

  it("refuses a cursor it did not issue", async () => {
    const { errors } = await entities(
      people.url,
      [references[9]!],
      `... on Site { students(after: "bm90LWEtY3Vyc29y") { totalCount } }`,
      admin,
    );
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("audits the names read, one entry per child", async () => {
    const manager = await identityHeaders({
      subject: "manager-9",
      roles: ["SITE_MANAGER"],
      siteIds: [homes[9]!],
    });
    await entities(people.url, [references[9]!], SELECTION, manager);
    const entries = await people.database.client.auditEntry.findMany({ where: { actorId: "manager-9" } });
    expect(entries).toHaveLength(3);
    expect(entries.every((entry) => entry.entity === "Student" && entry.fields.join() === "name")).toBe(true);
  });
});
