import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";
import { homeIn, type Officials, officials } from "../site/site.fixtures.js";

let sites: StartedSubgraph<PrismaClient>;
let who: Officials;
let youxian: Record<string, string>;

const ASSESS = `mutation($id: ID!, $input: AssessSiteInput!) { assessSite(siteId: $id, input: $input) { id year level total scores { criterionCode score } } }`;
const scores = (safety: number, care: number, activities: number, facilities: number, records: number) => [
  { criterionCode: "SAFETY", score: safety },
  { criterionCode: "CARE", score: care },
  { criterionCode: "ACTIVITIES", score: activities },
  { criterionCode: "FACILITIES", score: facilities },
  { criterionCode: "RECORDS", score: records },
];
const assess = (
  id: string,
  level: string,
  values: ReturnType<typeof scores>,
  headers: Record<string, string>,
) =>
  sites.execute(
    ASSESS,
    { id, input: { year: 2025, level, scores: values, comments: "台账齐全，活动丰富" } },
    headers,
  );

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  who = await officials();
  youxian = await identityHeaders({
    subject: "youxian-officer",
    roles: ["COUNTY_OFFICER"],
    regionScope: "510704",
  });
});
afterAll(() => sites?.close());

describe("assessments and excellent homes", () => {
  let homes: string[];

  beforeAll(async () => {
    homes = [
      await homeIn(sites, who, "OPEN", { name: "甲" }),
      await homeIn(sites, who, "OPEN", { name: "乙" }),
      await homeIn(sites, who, "OPEN", { name: "丙", regionCode: "510704" }),
    ];
  });

  it("records county and city assessments, scored per criterion", async () => {
    const { data, errors } = await assess(homes[0]!, "COUNTY", scores(24, 23, 18, 14, 13), who.county);
    expect(errors).toBeUndefined();
    expect(data?.assessSite).toMatchObject({ year: 2025, level: "COUNTY", total: 92 });
    expect((await assess(homes[0]!, "CITY", scores(22, 22, 17, 13, 14), who.city)).errors).toBeUndefined();
    expect(
      (await assess(homes[1]!, "COUNTY", scores(20, 20, 15, 12, 12), who.county)).errors,
    ).toBeUndefined();
    expect((await assess(homes[2]!, "COUNTY", scores(25, 24, 19, 14, 14), youxian)).errors).toBeUndefined();
  });

  it("refuses a second assessment at a level, a score above the maximum, a missing criterion, the wrong assessor", async () => {
    expect(
      (await assess(homes[0]!, "COUNTY", scores(1, 1, 1, 1, 1), who.county)).errors?.[0]?.extensions?.code,
    ).toBe("CONFLICT");
    const over = await assess(homes[1]!, "CITY", scores(30, 1, 1, 1, 1), who.city);
    expect(over.errors?.[0]?.message).toBe("input.scores: SAFETY is scored out of 25");
    const short = await assess(homes[1]!, "CITY", scores(1, 1, 1, 1, 1).slice(1), who.city);
    expect(short.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.scores" });
    const wrong = await assess(homes[1]!, "CITY", scores(1, 1, 1, 1, 1), who.county);
    expect(wrong.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const proposed = await homeIn(sites, who, "BUILDING");
    const notOpen = await assess(proposed, "COUNTY", scores(1, 1, 1, 1, 1), who.county);
    expect(notOpen.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      currentStatus: "BUILDING",
    });
  });

  it("ranks the year's homes in the city by the mean of their totals", async () => {
    const { data, errors } = await sites.execute(
      `{ assessmentRanking(year: 2025, region: "510700") { totalCount edges { node { rank score assessments site { name } } } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.assessmentRanking.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { rank: 1, score: 96, assessments: 1, site: { name: "丙" } },
      { rank: 2, score: 90, assessments: 2, site: { name: "甲" } },
      { rank: 3, score: 79, assessments: 1, site: { name: "乙" } },
    ]);
    const county = await sites.execute(`{ assessmentRanking(year: 2025, region: "510703") { totalCount } }`);
    expect(county.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "region" });
  });

  it("lets the province select the year's excellent homes", async () => {
    const SELECT = `mutation($input: SelectExcellentHomesInput!) { selectExcellentHomes(input: $input) { year citation site { name } } }`;
    const input = { year: 2025, siteIds: [homes[2], homes[0]], citation: "2025年度优秀留守学生之家" };
    const byCity = await sites.execute(SELECT, { input }, who.city);
    expect(byCity.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const { data, errors } = await sites.execute(SELECT, { input }, who.province);
    expect(errors).toBeUndefined();
    expect(data?.selectExcellentHomes).toHaveLength(2);
    const unassessed = await homeIn(sites, who, "OPEN");
    const refused = await sites.execute(SELECT, { input: { ...input, siteIds: [unassessed] } }, who.province);
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.siteIds" });
    const listed = await sites.execute(
      `query($id: ID!) { excellentHomes(year: 2025) { totalCount } site(id: $id) { excellentYears assessments { totalCount edges { node { level total } } } } }`,
      { id: homes[0] },
    );
    expect(listed.data).toMatchObject({
      excellentHomes: { totalCount: 2 },
      site: { excellentYears: [2025], assessments: { totalCount: 2 } },
    });
  });
});
