import { entities, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";

let sites: StartedSubgraph<PrismaClient>;

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  await sites.database.client.site.createMany({
    data: ["510703", "510703", "510781", "510104"].map((regionCode, index) => ({
      name: `区${index}留守学生之家`,
      regionCode,
      cityCode: `${regionCode.slice(0, 4)}00`,
      address: "四川省",
      hostModel: "SCHOOL" as const,
      capacity: 20,
    })),
  });
});
afterAll(() => sites?.close());

describe("Region", () => {
  it("walks the hierarchy from a county up to the province and down again", async () => {
    const { data, errors } = await sites.execute(
      `{ region(code: "510703") { code name pinyin level parent { code name level parent { code level parent { code } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.region).toEqual({
      code: "510703",
      name: "涪城区",
      pinyin: "Fucheng District",
      level: "COUNTY",
      parent: {
        code: "510700",
        name: "绵阳市",
        level: "CITY",
        parent: { code: "510000", level: "PROVINCE", parent: null },
      },
    });
  });

  it("lists the province's 21 cities", async () => {
    const { data } = await sites.execute(`{ province { children { code name } } }`);
    expect(data?.province.children).toHaveLength(21);
    expect(data?.province.children[6]).toEqual({ code: "510800", name: "广元市" });
  });

  it("answers null for a code that is not a region", async () => {
    const { data, errors } = await sites.execute(`{ region(code: "999999") { code } }`);
    expect(errors).toBeUndefined();
    expect(data?.region).toBeNull();
  });

  it("pages the homes within a region at every level", async () => {
    const { data } = await sites.execute(
      `{ county: region(code: "510703") { sites { totalCount } } city: region(code: "510700") { sites(first: 1) { totalCount edges { node { region { code } } } pageInfo { hasNextPage } } } province { sites { totalCount } } }`,
    );
    expect(data?.county.sites.totalCount).toBe(2);
    expect(data?.city.sites).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(data?.province.sites.totalCount).toBe(4);
  });

  it("resolves Region references from the reference data, without touching the database", async () => {
    const before = sites.statements();
    const { data } = await entities(
      sites.url,
      [
        { __typename: "Region", code: "510700" },
        { __typename: "Region", code: "000000" },
      ],
      "... on Region { code name level }",
    );
    expect(data?._entities).toEqual([{ code: "510700", name: "绵阳市", level: "CITY" }, null]);
    expect(sites.statements()).toBe(before);
  });
});
