import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { announceUnannouncedOrganisations, peopleService } from "@lamplight/people/testing";
import { isoDay, todayInProvince } from "@lamplight/regions";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders, type StartedSubgraph, type TestableService } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// A home's whole life through the gateway: proposed in Fucheng District (510703) of Mianyang,
// applied for, reviewed at three levels, approved, tendered, built, opened, equipped and assessed;
// every step out of turn refused. Then Mianyang's coverage, joining sites' homes and people's children.

let graph: StartedGraph;
let county: Record<string, string>;
let city: Record<string, string>;
let province: Record<string, string>;
let evaluator: Record<string, string>;
let siteId: string;

const APPLICANT = "5b0c2f8e-3f7a-4d42-9a4b-0d3c5e1f2a10";
const VENDORS = ["0a000000-0000-4000-8000-00000000000a", "0b000000-0000-4000-8000-00000000000b"];
// A vendor whose bid comes after the deadline.
const LATE_VENDOR = "0c000000-0000-4000-8000-00000000000c";
// An organisation people has never registered.
const UNREGISTERED = "0d000000-0000-4000-8000-00000000000d";

type ClientOf<Service> = Service extends TestableService<infer Client> ? Client : never;
const YEAR = new Date().getUTCFullYear();

const MOVE = `mutation($id: ID!, $to: SiteStatus!, $reason: String!) { transitionSite(id: $id, input: { to: $to, reason: $reason }) { status openedOn } }`;
const move = (to: string, headers: Record<string, string>, reason = `Moved to ${to}`) =>
  graph.execute(MOVE, { id: siteId, to, reason }, headers);

async function ok<Data = Record<string, any>>(
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<Data> {
  const { data, errors } = await graph.execute<Data>(query, variables, headers);
  expect(errors).toBeUndefined();
  return data as Data;
}

async function expectRefused(
  to: string,
  headers: Record<string, string>,
  expected: Record<string, unknown>,
): Promise<void> {
  const { data, errors } = await move(to, headers);
  expect(data).toBeNull();
  expect(errors?.[0]?.extensions).toMatchObject({ serviceName: "sites", ...expected });
}

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService]);
  // The applicant and the vendors are people's organisations: loaded as the people seed loads them
  // and announced as it does, so that sites hears of them before they are named.
  const people = graph.subgraphs.people as StartedSubgraph<ClientOf<typeof peopleService>>;
  await people.database.client.organisation.createMany({
    data: [
      { id: APPLICANT, name: "绵阳市涪城区教育和体育局", kind: "GOVERNMENT_UNIT", regionCode: "510700" },
      { id: VENDORS[0]!, name: "绵阳松林建设集团", kind: "ALLIANCE_COMPANY", regionCode: "510700" },
      { id: VENDORS[1]!, name: "绵阳涪江建设有限公司", kind: "ALLIANCE_COMPANY", regionCode: "510700" },
      { id: LATE_VENDOR, name: "绵阳迟到建设有限公司", kind: "ALLIANCE_COMPANY", regionCode: "510700" },
    ],
  });
  await announceUnannouncedOrganisations(people.database.client);
  await graph.settled();
  county = await bearerHeaders({ subject: "fucheng-officer", roles: ["COUNTY_OFFICER"], region: "510703" });
  city = await bearerHeaders({ subject: "mianyang-admin", roles: ["CITY_ADMIN"], region: "510700" });
  province = await bearerHeaders({ subject: "province-admin", roles: ["PROVINCE_ADMIN"] });
  evaluator = await bearerHeaders({ subject: "evaluator-1", roles: ["COUNTY_OFFICER"], region: "510704" });
});
afterAll(() => graph?.close());

describe("a home from application to open, equipped and assessed", () => {
  it("is proposed and applied for; approving it early is refused", async () => {
    const created = await ok(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id status } }`,
      {
        input: {
          name: "松林村留守学生之家",
          regionCode: "510703",
          address: "四川省绵阳市涪城区松林镇松林村",
          hostModel: "VILLAGE_COMMITTEE",
          capacity: 40,
        },
      },
      county,
    );
    siteId = created.createSite.id;
    expect(created.createSite.status).toBe("PROPOSED");
    await expectRefused("OPEN", province, {
      code: "BAD_USER_INPUT",
      currentStatus: "PROPOSED",
      requestedStatus: "OPEN",
    });
    await expectRefused("APPLIED", county, {
      code: "BAD_USER_INPUT",
      unmet: "an application has been submitted",
    });

    const unknown = await graph.execute(
      `mutation($siteId: ID!, $input: SubmitApplicationInput!) { submitApplication(siteId: $siteId, input: $input) { id } }`,
      {
        siteId,
        input: {
          applicantOrganisationId: UNREGISTERED,
          hostModel: "SCHOOL",
          proposedAddress: "四川省绵阳市涪城区松林镇中心小学",
          proposedCapacity: 60,
        },
      },
      county,
    );
    expect(unknown.data).toBeNull();
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      serviceName: "sites",
      code: "NOT_FOUND",
      field: "input.applicantOrganisationId",
    });

    const applied = await ok(
      `mutation($siteId: ID!, $input: SubmitApplicationInput!) { submitApplication(siteId: $siteId, input: $input) { id site { status capacity } applicant { name } } }`,
      {
        siteId,
        input: {
          applicantOrganisationId: APPLICANT,
          hostModel: "SCHOOL",
          proposedAddress: "四川省绵阳市涪城区松林镇中心小学",
          proposedLocation: { latitude: 31.47, longitude: 104.68 },
          proposedCapacity: 60,
          documents: [
            {
              title: "场地平面图",
              kind: "SITE_PLAN",
              url: "https://docs.example.org/plan.pdf",
              mediaType: "application/pdf",
            },
            {
              title: "承办协议",
              kind: "HOST_AGREEMENT",
              url: "https://docs.example.org/host.pdf",
              mediaType: "application/pdf",
            },
          ],
        },
      },
      county,
    );
    expect(applied.submitApplication.site).toEqual({ status: "APPLIED", capacity: 60 });
    // The applicant's name comes from the people subgraph.
    expect(applied.submitApplication.applicant).toEqual({ name: "绵阳市涪城区教育和体育局" });
    await expectRefused("APPROVED", province, {
      code: "BAD_USER_INPUT",
      currentStatus: "APPLIED",
      requestedStatus: "APPROVED",
    });
    expect((await move("UNDER_REVIEW", county)).data?.transitionSite.status).toBe("UNDER_REVIEW");

    const applicationId = applied.submitApplication.id;
    const REVIEW = `mutation($id: ID!, $input: ReviewApplicationInput!) { reviewApplication(applicationId: $id, input: $input) { level decision } }`;
    await expectRefused("APPROVED", province, { code: "BAD_USER_INPUT", currentStatus: "UNDER_REVIEW" });
    for (const [level, headers] of [
      ["COUNTY", county],
      ["CITY", city],
      ["PROVINCE", province],
    ] as const) {
      await ok(
        REVIEW,
        { id: applicationId, input: { level, decision: "APPROVE", comments: "符合建设标准" } },
        headers,
      );
    }
    await expectRefused("APPROVED", city, { code: "FORBIDDEN", minLevel: "PROVINCE" });
    expect((await move("APPROVED", province, "省级联席会议审批通过")).data?.transitionSite.status).toBe(
      "APPROVED",
    );
    await expectRefused("APPROVED", province, {
      code: "BAD_USER_INPUT",
      currentStatus: "APPROVED",
      requestedStatus: "APPROVED",
    });
  });

  it("is tendered, awarded and built", async () => {
    await expectRefused("BUILDING", city, { code: "BAD_USER_INPUT", currentStatus: "APPROVED" });
    await expectRefused("TENDERING", county, { code: "FORBIDDEN", minLevel: "CITY" });
    expect((await move("TENDERING", city)).data?.transitionSite.status).toBe("TENDERING");
    await expectRefused("BUILDING", city, {
      code: "BAD_USER_INPUT",
      unmet: "a construction contract has been awarded",
    });

    const tender = await ok(
      `mutation($input: CreateTenderInput!) { createTender(input: $input) { id criteria { id kind } lots { edges { node { id } } } } }`,
      {
        input: {
          title: "松林村留守学生之家建设工程",
          purpose: "CONSTRUCTION",
          regionCode: "510700",
          deadline: new Date(Date.now() + 86_400_000).toISOString(),
          lots: [{ title: "土建与装修", siteId }],
          criteria: [
            { name: "报价", kind: "PRICE", weight: 40 },
            { name: "技术方案", kind: "SCORED", weight: 60 },
          ],
          evaluators: [{ evaluatorId: "evaluator-1", organisationId: VENDORS[0] }],
        },
      },
      city,
    );
    const lotId = tender.createTender.lots.edges[0].node.id;
    const technical = tender.createTender.criteria[1].id;
    const bids: string[] = [];
    for (const [index, fen] of [18_000_000, 20_000_000].entries()) {
      const bid = await ok(
        `mutation($lot: ID!, $vendor: ID!, $fen: SafeInt!) { submitBid(lotId: $lot, input: { vendorOrganisationId: $vendor, amount: { fen: $fen } }) { id } }`,
        { lot: lotId, vendor: VENDORS[index], fen },
        city,
      );
      bids.push(bid.submitBid.id);
    }
    const sites = graph.subgraphs.sites!;
    await (sites.database.client as any).tender.update({
      where: { id: tender.createTender.id },
      data: { deadline: new Date(Date.now() - 1000) },
    });
    const late = await graph.execute(
      `mutation($lot: ID!, $vendor: ID!) { submitBid(lotId: $lot, input: { vendorOrganisationId: $vendor, amount: { fen: 100 } }) { id } }`,
      { lot: lotId, vendor: LATE_VENDOR },
      city,
    );
    expect(late.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const SCORE = `mutation($bid: ID!, $c: ID!, $s: Int!) { scoreBid(bidId: $bid, input: { scores: [{ criterionId: $c, score: $s }] }) { score } }`;
    const own = await graph.execute(SCORE, { bid: bids[0], c: technical, s: 100 }, evaluator);
    expect(own.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // The evaluator cannot score vendor A's bid; a second evaluator joins the panel for it.
    await (sites.database.client as any).tenderEvaluator.create({
      data: { tenderId: tender.createTender.id, evaluatorId: "evaluator-2" },
    });
    const second = await bearerHeaders({ subject: "evaluator-2", roles: ["CITY_ADMIN"], region: "510700" });
    await ok(SCORE, { bid: bids[0], c: technical, s: 70 }, second);
    await ok(SCORE, { bid: bids[1], c: technical, s: 95 }, evaluator);
    await ok(SCORE, { bid: bids[1], c: technical, s: 90 }, second);
    // A: 40 × 100 + 60 × 70 → 82.00; B: 40 × 90 + 60 × 92.5 → 91.50.
    const ranking = await ok(
      `query($id: ID!) { tender(id: $id) { lots { edges { node { ranking { edges { node { rank weightedScore bid { id } } } } } } } } }`,
      { id: tender.createTender.id },
      city,
    );
    expect(
      ranking.tender.lots.edges[0].node.ranking.edges.map((edge: any) => [
        edge.node.bid.id,
        edge.node.weightedScore,
      ]),
    ).toEqual([
      [bids[1], 91.5],
      [bids[0], 82],
    ]);
    await ok(
      `mutation($lot: ID!, $bid: ID!) { awardLot(lotId: $lot, bidId: $bid) { amount { amount } } }`,
      { lot: lotId, bid: bids[1] },
      city,
    );
    expect((await move("BUILDING", city, "合同已签订")).data?.transitionSite.status).toBe("BUILDING");
  });

  it("opens, is equipped through unified procurement, and is assessed", async () => {
    await expectRefused("CLOSED", city, { code: "BAD_USER_INPUT", currentStatus: "BUILDING" });
    const opened = await move("OPEN", county, "竣工验收合格");
    expect(opened.data?.transitionSite.status).toBe("OPEN");
    expect(opened.data?.transitionSite.openedOn).toBe(isoDay(todayInProvince()));

    const standard = await ok(`{ equipmentStandard { code minimumCount } }`, {}, {});
    const order = await ok(
      `mutation($input: CreateProcurementOrderInput!) { createProcurementOrder(input: $input) { shipments { edges { node { id } } } } }`,
      {
        input: {
          title: "留守学生之家设备统一采购",
          shipments: [
            {
              siteId,
              lines: standard.equipmentStandard.map((item: any) => ({
                itemCode: item.code,
                count: item.minimumCount,
              })),
            },
          ],
        },
      },
      city,
    );
    const shipmentId = order.createProcurementOrder.shipments.edges[0].node.id;
    const manager = await bearerHeaders({
      subject: "songlin-manager",
      roles: ["SITE_MANAGER"],
      sites: [siteId],
    });
    const SHIP = `mutation($id: ID!, $status: ShipmentStatus!) { updateShipment(id: $id, status: $status) { status } }`;
    const early = await graph.execute(SHIP, { id: shipmentId, status: "INSTALLED" }, manager);
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", currentStatus: "ORDERED" });
    const notTheirs = await graph.execute(SHIP, { id: shipmentId, status: "SHIPPED" }, manager);
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await ok(SHIP, { id: shipmentId, status: "SHIPPED" }, county);
    const skipped = await graph.execute(SHIP, { id: shipmentId, status: "INSTALLED" }, county);
    expect(skipped.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      currentStatus: "SHIPPED",
    });
    await ok(SHIP, { id: shipmentId, status: "DELIVERED" }, manager);
    await ok(SHIP, { id: shipmentId, status: "INSTALLED" }, manager);

    const ASSESS = `mutation($id: ID!, $input: AssessSiteInput!) { assessSite(siteId: $id, input: $input) { total } }`;
    const scores = [
      { criterionCode: "SAFETY", score: 23 },
      { criterionCode: "CARE", score: 22 },
      { criterionCode: "ACTIVITIES", score: 18 },
      { criterionCode: "FACILITIES", score: 15 },
      { criterionCode: "RECORDS", score: 12 },
    ];
    await ok(
      ASSESS,
      { id: siteId, input: { year: YEAR, level: "COUNTY", scores, comments: "设施齐全" } },
      county,
    );
    await ok(
      ASSESS,
      { id: siteId, input: { year: YEAR, level: "CITY", scores, comments: "管理规范" } },
      city,
    );
    const twice = await graph.execute(
      ASSESS,
      { id: siteId, input: { year: YEAR, level: "CITY", scores, comments: "x" } },
      city,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    await ok(
      `mutation($input: SelectExcellentHomesInput!) { selectExcellentHomes(input: $input) { year } }`,
      { input: { year: YEAR, siteIds: [siteId], citation: `${YEAR}年度优秀留守学生之家` } },
      province,
    );

    const home = await ok(
      `query($id: ID!, $year: Int!) { site(id: $id) { status hostModel capacity excellentYears
          equipmentCompliance { compliant sixOnes missing { short } }
          history { edges { node { toStatus actorId } } } }
        assessmentRanking(year: $year, region: "510700") { edges { node { rank score excellent site { id } } } } }`,
      { id: siteId, year: YEAR },
      city,
    );
    expect(home.site).toMatchObject({
      status: "OPEN",
      hostModel: "SCHOOL",
      capacity: 60,
      excellentYears: [YEAR],
      equipmentCompliance: { compliant: true, sixOnes: true, missing: [] },
    });
    expect(home.site.history.edges.map((edge: any) => edge.node.toStatus)).toEqual([
      "PROPOSED",
      "APPLIED",
      "UNDER_REVIEW",
      "APPROVED",
      "TENDERING",
      "BUILDING",
      "OPEN",
    ]);
    expect(home.assessmentRanking.edges[0].node).toEqual({
      rank: 1,
      score: 90,
      excellent: true,
      site: { id: siteId },
    });
    await expectRefused("CLOSED", county, { code: "FORBIDDEN", minLevel: "CITY" });
    await expectRefused("REJECTED", province, {
      code: "BAD_USER_INPUT",
      currentStatus: "OPEN",
      requestedStatus: "REJECTED",
    });
  });
});

describe("a city's coverage, joining sites and people", () => {
  it("shows homes, places and compliance from sites and the coverage ratio from people's child counts", async () => {
    const people = graph.subgraphs.people!;
    await (people.database.client as any).student.createMany({
      data: Array.from({ length: 150 }, (_, index) => ({
        name: `学生${index}`,
        gender: index % 2 ? "FEMALE" : "MALE",
        birthDate: new Date("2015-05-05"),
        regionCode: "510703",
        cityCode: "510700",
        siteId,
        grade: 4,
        guardianName: "监护人",
        guardianRelationship: "GRANDPARENT",
      })),
    });
    const { data, errors } = await graph.execute(
      `{ region(code: "510700") { name childrenCount coverageRatio homesNeeded
          coverage { homes openHomes capacity compliantHomes equipmentComplianceRate byStatus { status count } }
          children { code name childrenCount coverageRatio homesNeeded coverage { openHomes capacity } } } }`,
      {},
      province,
    );
    expect(errors).toBeUndefined();
    expect(data?.region).toMatchObject({
      name: "绵阳市",
      childrenCount: 150,
      coverageRatio: 0.4,
      homesNeeded: 2,
      coverage: { homes: 1, openHomes: 1, capacity: 60, compliantHomes: 1, equipmentComplianceRate: 1 },
    });
    const fucheng = data?.region.children.find((child: any) => child.code === "510703");
    expect(fucheng).toEqual({
      code: "510703",
      name: "涪城区",
      childrenCount: 150,
      coverageRatio: 0.4,
      homesNeeded: 2,
      coverage: { openHomes: 1, capacity: 60 },
    });
    const ranked = await graph.execute(
      `{ region(code: "510700") { mostInNeed(first: 2) { region { code name } children capacity coverageRatio homesNeeded } } }`,
      {},
      province,
    );
    expect(ranked.errors).toBeUndefined();
    expect(ranked.data?.region.mostInNeed[0]).toEqual({
      region: { code: "510703", name: "涪城区" },
      children: 150,
      capacity: 60,
      coverageRatio: 0.4,
      homesNeeded: 2,
    });
    expect(ranked.data?.region.mostInNeed).toHaveLength(2);
    // The same order, sorting the children by homesNeeded.
    const neediest = [...(data?.region.children ?? [])].sort(
      (a: any, b: any) => (b.homesNeeded ?? -1) - (a.homesNeeded ?? -1),
    );
    expect(neediest[0].code).toBe("510703");
  });
});
