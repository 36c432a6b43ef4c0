import { entities, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";
import { homeIn, type Officials, officials } from "../site/site.fixtures.js";

let sites: StartedSubgraph<PrismaClient>;
let who: Officials;

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  who = await officials();
  // Fucheng District (510703): two open homes (40 and 80 places, one a demonstration home and
  // fully equipped), one building; Youxian District (510704): one suspended; a mobile library.
  const equipped = await homeIn(sites, who, "OPEN", { capacity: 40, demonstration: true });
  await homeIn(sites, who, "OPEN", { capacity: 80 });
  await homeIn(sites, who, "BUILDING", { capacity: 30 });
  await homeIn(sites, who, "SUSPENDED", { capacity: 50, regionCode: "510704" });
  await homeIn(sites, who, "OPEN", { kind: "MOBILE_LIBRARY", capacity: 1, name: "绵阳市流动爱心图书馆" });
  const standard = await sites.database.client.equipmentItem.findMany();
  await sites.database.client.inventoryItem.createMany({
    data: standard.map((item) => ({ siteId: equipped, itemCode: item.code, count: item.minimumCount })),
  });
});
afterAll(() => sites?.close());

describe("Region.coverage", () => {
  it("counts homes by status, places, demonstration homes, compliance and other facilities", async () => {
    const { data, errors } = await sites.execute(
      `{ region(code: "510700") { coverage { homes openHomes capacity demonstrationHomes compliantHomes equipmentComplianceRate
          mobileLibraries activityCentres byStatus { status count } } } }`,
    );
    expect(errors).toBeUndefined();
    const coverage = data?.region.coverage;
    expect(coverage).toMatchObject({
      homes: 4,
      openHomes: 2,
      capacity: 120,
      demonstrationHomes: 1,
      compliantHomes: 1,
      equipmentComplianceRate: 0.5,
      mobileLibraries: 1,
      activityCentres: 0,
    });
    expect(coverage.byStatus).toHaveLength(10);
    expect(coverage.byStatus.filter((entry: { count: number }) => entry.count > 0)).toEqual([
      { status: "BUILDING", count: 1 },
      { status: "OPEN", count: 2 },
      { status: "SUSPENDED", count: 1 },
    ]);
  });

  it("reads every region's coverage from one query", async () => {
    const before = sites.statements();
    const { data } = await sites.execute(`{ province { children { code coverage { homes } } } }`);
    expect(
      data?.province.children.find((city: { code: string }) => city.code === "510700").coverage.homes,
    ).toBe(4);
    expect(sites.statements() - before).toBe(1);
  });
});

describe("coverage with the people subgraph's child counts (@requires)", () => {
  it("computes places per child and the homes needed from the count in the representation", async () => {
    const { data, errors } = await entities(
      sites.url,
      [
        { __typename: "Region", code: "510703", childrenCount: 400 },
        { __typename: "Region", code: "510704", childrenCount: null },
        { __typename: "Region", code: "510700", childrenCount: 100 },
      ],
      "... on Region { code coverageRatio homesNeeded }",
    );
    expect(errors).toBeUndefined();
    expect(data?._entities).toEqual([
      { code: "510703", coverageRatio: 0.3, homesNeeded: 5 },
      { code: "510704", coverageRatio: null, homesNeeded: null },
      { code: "510700", coverageRatio: 1.2, homesNeeded: 0 },
    ]);
  });

  it("ranks the regions below by need from the children's counts, in the order of `children`", async () => {
    const { data: listed } = await sites.execute(`{ region(code: "510700") { children { code } } }`);
    const codes = ((listed?.region.children ?? []) as { code: string }[]).map((child) => child.code);
    const counts: Record<string, number | null> = { "510703": 400, "510704": null, "510722": 90 };
    const { data, errors } = await entities(
      sites.url,
      [
        {
          __typename: "Region",
          code: "510700",
          children: codes.map((code) => ({ childrenCount: counts[code] ?? 0 })),
        },
      ],
      "... on Region { mostInNeed(first: 3) { region { code name } children capacity coverageRatio homesNeeded } }",
    );
    expect(errors).toBeUndefined();
    expect(data?._entities[0]?.mostInNeed).toEqual([
      {
        region: { code: "510703", name: "涪城区" },
        children: 400,
        capacity: 120,
        coverageRatio: 0.3,
        homesNeeded: 5,
      },
      {
        region: { code: "510722", name: "三台县" },
        children: 90,
        capacity: 0,
        coverageRatio: 0,
        homesNeeded: 2,
      },
      expect.objectContaining({ children: 0, homesNeeded: 0, coverageRatio: null }),
    ]);
    const tooMany = await entities(
      sites.url,
      [{ __typename: "Region", code: "510700", children: [] }],
      "... on Region { mostInNeed(first: 500) { children } }",
    );
    expect(tooMany.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
  });
});
