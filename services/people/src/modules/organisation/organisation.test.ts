import { entities, expectNotFoundAt, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { demoOrganisations, GOVERNMENT_MEMBER_UNITS } from "../../seed/demo-organisations.js";
import { peopleService } from "../../testing.js";

let people: StartedSubgraph<PrismaClient>;
const demo = demoOrganisations();

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  await people.database.client.organisation.createMany({ data: demo });
});
afterAll(() => people?.close());

const LIST = `query($filter: OrganisationFilter, $first: Int, $after: String) {
  organisations(filter: $filter, first: $first, after: $after) {
    totalCount edges { node { id name kind region { code } } } pageInfo { hasNextPage endCursor }
  }
}`;

describe("organisations", () => {
  it("are public: the leading group's 13 member units and the alliance's 60+", async () => {
    const units = await people.execute(LIST, { filter: { kind: "GOVERNMENT_UNIT" }, first: 100 });
    expect(units.errors).toBeUndefined();
    expect(units.data?.organisations.totalCount).toBe(13);
    expect(units.data?.organisations.edges.map((edge: any) => edge.node.name).sort()).toEqual(
      [...GOVERNMENT_MEMBER_UNITS].sort(),
    );
    const all = await people.execute(LIST, { first: 0 });
    expect(all.data?.organisations.totalCount - 13).toBeGreaterThanOrEqual(60);
  });

  it("filters by region: a city's own members and those of its counties, not the province's", async () => {
    const city = demo.find((organisation) => organisation.regionCode !== "510000")!.regionCode;
    const { data } = await people.execute(LIST, { filter: { region: city }, first: 100 });
    const expected = demo.filter((organisation) => organisation.regionCode === city).length;
    expect(data?.organisations.totalCount).toBe(expected);
    expect(data?.organisations.edges.every((edge: any) => edge.node.region.code === city)).toBe(true);

    const province = await people.execute(LIST, { filter: { region: "510000" }, first: 0 });
    expect(province.data?.organisations.totalCount).toBe(demo.length);
  });

  it("searches names, any case", async () => {
    const { data } = await people.execute(LIST, { filter: { search: "慈善" } });
    expect(data?.organisations.edges.map((edge: any) => edge.node.name)).toEqual(["四川省慈善总会"]);
  });

  it("pages by name with stable cursors", async () => {
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: any = await people.execute(LIST, { first: 25, after });
      seen.push(...page.data.organisations.edges.map((edge: any) => edge.node.id));
      if (!page.data.organisations.pageInfo.hasNextPage) break;
      after = page.data.organisations.pageInfo.endCursor;
    }
    expect(seen).toHaveLength(demo.length);
    expect(new Set(seen).size).toBe(demo.length);
  });

  it("refuses a region that is not one", async () => {
    const { errors } = await people.execute(LIST, { filter: { region: "519999" } });
    expect(errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "filter.region" });
  });
});

describe("Organisation entity", () => {
  it("resolves references in one SQL query, and organisation(id) answers null for unknown ids", async () => {
    const before = people.statements();
    const { data, errors } = await entities(
      people.url,
      [
        ...demo.map(({ id }) => ({ __typename: "Organisation", id })),
        { __typename: "Organisation", id: "x" },
      ],
      "... on Organisation { id name kind }",
    );
    expectNotFoundAt({ data, errors }, [demo.length]);
    expect(people.statements() - before).toBe(1);
    expect(data?._entities.slice(0, -1).map((organisation) => organisation?.name)).toEqual(
      demo.map(({ name }) => name),
    );
    expect(data?._entities.at(-1)).toBeNull();

    const one = await people.execute(
      `{ a: organisation(id: "${demo[0]!.id}") { name kind region { code } } b: organisation(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(one.data).toEqual({
      a: { name: "四川省公安厅", kind: "GOVERNMENT_UNIT", region: { code: "510000" } },
      b: null,
    });
  });
});
