import {
  DEMO_ORGANISATION_SEED,
  DEMO_PROJECTS,
  DEMO_SEED,
  demoFacilities,
  demoHomes,
  demoOrganisations,
} from "@lamplight/seed-kit";
import { announceSites, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { expectLedgerBalanced } from "../modules/donation/donation.fixtures.js";
import { APPROVE_GRANT, PROPOSE_GRANT } from "../modules/grant/grant.fixtures.js";
import { fundingService } from "../testing.js";
import {
  BIG_MONTH,
  BIG_MONTH_LOVE_FUND_FEN,
  BIG_MONTH_TOTAL_FEN,
  CITY_FUNDS_TOTAL_FEN,
  demoDonations,
  LOVE_FUND_TOTAL_FEN,
  REPORTED_LOVE_FUND_TOTAL_FEN,
  SPORTS_BUREAU_GIFT_FEN,
} from "./demo-donations.js";
import { demoFunds, fundingSeed } from "./demo-funds.js";
import { demoGrants, demoPledges } from "./demo-grants.js";
import { fundingWorld } from "./demo-world.js";
import { seedFunding } from "./index.js";

/**
 * The ids of other domains a seed number's world has, drawn from seed-kit as the subgraphs that own
 * them load them: the sites seed's homes and facilities, the people seed's organisations (whose seed
 * moves with the seed number), the campaigns seed's projects.
 */
function worldIds(seed = DEMO_SEED, homeCount?: number) {
  const homes = demoHomes(seed, homeCount);
  return {
    sites: new Set([...homes, ...demoFacilities(seed, homes).all].map((site) => site.id)),
    organisations: new Set(
      demoOrganisations(DEMO_ORGANISATION_SEED + (seed - DEMO_SEED)).map((organisation) => organisation.id),
    ),
    projects: new Set(DEMO_PROJECTS.map((project) => project.id)),
  };
}

/** Every site, organisation and project id of the funding demo rows of a seed number and homes. */
function namedIds(seed = DEMO_SEED, homeCount?: number) {
  const world = fundingWorld(seed, homeCount);
  const funds = demoFunds(fundingSeed(seed));
  const pledges = demoPledges(funds, fundingSeed(seed), world.donors);
  const { donations } = demoDonations(funds, fundingSeed(seed), pledges.instalmentOf, world);
  const granted = demoGrants(
    funds,
    donations.map((donation) => ({
      fundId: donation.fundId,
      purpose: donation.purpose,
      siteId: donation.siteId ?? null,
      projectId: donation.projectId ?? null,
      amountFen: BigInt(donation.amountFen),
      receivedOn: donation.receivedOn as Date,
    })),
    fundingSeed(seed),
    { world },
  );
  const present = (ids: (string | null | undefined)[]) => ids.filter((id): id is string => Boolean(id));
  const designated = [...donations, ...pledges.pledges, ...granted.designations, ...granted.grants];
  return {
    sites: present([...designated.map((row) => row.siteId), ...granted.deliveries.map((row) => row.siteId)]),
    organisations: present(
      [...donations, ...pledges.pledges, ...granted.inKindGifts].map((row) => row.donorOrganisationId),
    ),
    projects: present(designated.map((row) => row.projectId)),
  };
}

describe("the demo data", () => {
  const funds = demoFunds();
  const { donations, lines } = demoDonations(funds);
  const loveFund = funds.funds.find((fund) => fund.code === "LOVE_FUND")!;

  it("is the same on every run, ids included", () => {
    expect(demoFunds()).toEqual(funds);
    expect(demoDonations(demoFunds()).donations.slice(0, 50)).toEqual(donations.slice(0, 50));
  });

  it("names only homes, facilities, organisations and projects of seed-kit's world, at any seed number", () => {
    for (const [seed, homes] of [
      [DEMO_SEED, undefined],
      [7, 30],
    ] as const) {
      const world = worldIds(seed, homes);
      const named = namedIds(seed, homes);
      expect(named.sites.length).toBeGreaterThan(50);
      expect(named.organisations.length).toBeGreaterThan(100);
      expect(named.projects.length).toBeGreaterThan(100);
      expect(named.sites.filter((id) => !world.sites.has(id))).toEqual([]);
      expect(named.organisations.filter((id) => !world.organisations.has(id))).toEqual([]);
      expect(named.projects.filter((id) => !world.projects.has(id))).toEqual([]);
    }
  });

  it("has the love fund, 21 city funds and the sports lottery's restricted fund", () => {
    expect(funds.funds.map((fund) => fund.kind)).toEqual([
      "PROVINCIAL_LOVE_FUND",
      ...Array(21).fill("CITY_SPECIAL_FUND"),
      "RESTRICTED",
    ]);
    expect(funds.accounts).toHaveLength(23 * 16);
  });

  it("gives the love fund about 10,000 gifts, mostly small, some anonymous, some to demo homes", () => {
    const gifts = donations.filter((donation) => donation.fundId === loveFund.id);
    expect(gifts.length).toBeGreaterThan(8000);
    expect(gifts.length).toBeLessThan(12_000);
    const small = gifts.filter((gift) => BigInt(gift.amountFen) <= 500_000n);
    expect(small.length / gifts.length).toBeGreaterThan(0.99);
    const anonymous = gifts.filter((gift) => gift.anonymous).length / gifts.length;
    expect(anonymous).toBeGreaterThan(0.1);
    expect(anonymous).toBeLessThan(0.2);
    expect(gifts.filter((gift) => gift.siteId).length).toBeGreaterThan(500);
    expect(lines.reduce((sum, line) => sum + BigInt(line.amountFen), 0n)).toBe(0n);
  });
});

describe("seedFunding", () => {
  let funding: StartedSubgraph<PrismaClient>;
  beforeAll(async () => {
    funding = await startSubgraph(fundingService);
  });
  afterAll(() => funding?.close());

  it("loads in well under a minute, balanced, and skips what is already there", async () => {
    const started = Date.now();
    const first = await seedFunding(funding.database.client);
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(first.funds).toBe(23);
    expect(first.donations).toBe(demoDonations(demoFunds()).donations.length);
    await expectLedgerBalanced(funding.database.client);
    expect(first.grants).toBeGreaterThan(50);
    expect(first.pledges).toBe(2);
    expect(first.inKindGifts).toBe(3);
    expect(await seedFunding(funding.database.client)).toEqual({
      funds: 0,
      accounts: 0,
      donations: 0,
      journalLines: 0,
      grants: 0,
      pledges: 0,
      inKindGifts: 0,
    });
  }, 120_000);

  it("reproduces the programme's figures, the sports bureau's million in the restricted fund", async () => {
    const loveFund = await funding.execute(
      `{ fund(code: "LOVE_FUND") { id raised { amount } balance { fen } granted { fen } available { fen } } }`,
    );
    // The love fund's own books; the programme's 27,000,000 counts the restricted fund's million too.
    expect(loveFund.data?.fund.raised).toEqual({ amount: "26000000.00" });
    // The bank holds what was raised less what grants have paid out.
    const paid = await funding.database.client.grantDisbursement.aggregate({
      _sum: { amountFen: true },
      where: { grant: { fundId: loveFund.data?.fund.id } },
    });
    expect(BigInt(loveFund.data?.fund.balance.fen)).toBe(LOVE_FUND_TOTAL_FEN - (paid._sum.amountFen ?? 0n));
    expect(loveFund.data?.fund.granted.fen).toBeGreaterThan(600_000_000);
    expect(loveFund.data?.fund.available.fen + loveFund.data?.fund.granted.fen).toBe(2_600_000_000);
    expect(LOVE_FUND_TOTAL_FEN).toBe(2_600_000_000n);

    const month = await funding.execute(
      `{ fundingTotals(groupBy: MONTH, fundCode: "LOVE_FUND", from: "2026-03-01", to: "2026-03-31") { key amount { fen } } }`,
    );
    const [march] = month.data?.fundingTotals ?? [];
    expect(march.key).toBe(BIG_MONTH);
    expect(march.amount.fen).toBe(843_623_200);
    expect(BigInt(march.amount.fen)).toBe(BIG_MONTH_LOVE_FUND_FEN);

    // The programme's figures are the provincial funds': the love fund and the restricted fund.
    const provincial = await funding.execute(`{
      all: fundingTotals(groupBy: FUND) { key amount { fen } }
      march: fundingTotals(groupBy: CITY, from: "2026-03-01", to: "2026-03-31") { key amount { fen } }
    }`);
    const byFund = new Map<string, number>(
      provincial.data?.all.map((total: any) => [total.key, total.amount.fen]),
    );
    expect(byFund.get("SPORTS_LOTTERY")).toBe(100_000_000);
    expect(BigInt(byFund.get("LOVE_FUND")! + byFund.get("SPORTS_LOTTERY")!)).toBe(
      REPORTED_LOVE_FUND_TOTAL_FEN,
    );
    const marchProvincial = provincial.data?.march.find((total: any) => total.key === "510000");
    expect(marchProvincial.amount.fen).toBe(943_623_200);
    expect(BigInt(marchProvincial.amount.fen)).toBe(BIG_MONTH_TOTAL_FEN);
    expect(marchProvincial.amount.fen).toBeGreaterThanOrEqual(900_000_000);

    // The month's three named gifts, who gave them and into which fund.
    const { donors, facilities } = fundingWorld();
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const named = [];
    for (const [fundCode, donor] of [
      ["LOVE_FUND", donors.powerCompany],
      ["LOVE_FUND", donors.propertyGroup],
      ["SPORTS_LOTTERY", donors.sportsBureau],
    ]) {
      const { data } = await funding.execute(
        `query($fund: String!, $donor: ID!) { donations(filter: { fundCode: $fund, donorOrganisationId: $donor, from: "2026-03-01", to: "2026-03-31" }) {
          edges { node { fund { code } amount { amount } designation { purpose site { id } projectId } } } } }`,
        { fund: fundCode, donor },
        admin,
      );
      named.push(...(data?.donations.edges.map((edge: any) => edge.node) ?? []));
    }
    const toHomes = { purpose: "BUILDING_HOMES", site: null, projectId: null };
    expect(named).toEqual([
      { fund: { code: "LOVE_FUND" }, amount: { amount: "4000000.00" }, designation: toHomes },
      { fund: { code: "LOVE_FUND" }, amount: { amount: "4000000.00" }, designation: toHomes },
      {
        fund: { code: "SPORTS_LOTTERY" },
        amount: { amount: "1000000.00" },
        designation: { purpose: "SPORTS_CENTRE", site: { id: facilities.sportsCentre.id }, projectId: null },
      },
    ]);
    const bureauInLoveFund = await funding.execute(
      `query($donor: ID!) { donations(filter: { fundCode: "LOVE_FUND", donorOrganisationId: $donor }) { totalCount } }`,
      { donor: donors.sportsBureau },
      admin,
    );
    expect(bureauInLoveFund.data?.donations.totalCount).toBe(0);

    const cities = await funding.execute(`{ fundingTotals(groupBy: CITY) { key amount { fen } } }`);
    const cityTotal = cities.data?.fundingTotals
      .filter((total: any) => total.key !== "510000")
      .reduce((sum: number, total: any) => sum + total.amount.fen, 0);
    expect(cities.data?.fundingTotals).toHaveLength(22);
    expect(BigInt(cityTotal)).toBe(CITY_FUNDS_TOTAL_FEN);
  });

  it("has grants to demo homes, projects and cities, pledges and gifts in kind, all balanced", async () => {
    const kinds = await funding.execute(
      `{ grantTotals(groupBy: RECIPIENT_KIND) { key grants awarded { fen } } }`,
    );
    expect(kinds.data?.grantTotals.map((total: any) => total.key)).toEqual(["CITY", "PROJECT", "SITE"]);
    // The project raises from individuals and is granted 80% of it, like every project.
    const sports = await funding.execute(
      `{ _entities(representations: [{ __typename: "Project", id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a04" }]) { ... on Project { raised { fen } granted { fen } } } }`,
    );
    const project = sports.data?._entities[0];
    expect(project.raised.fen).toBeGreaterThan(0);
    expect(project.granted.fen).toBeLessThanOrEqual(project.raised.fen * 0.8);
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const pledges = await funding.execute(
      `{ pledges(fundCode: "LOVE_FUND") { edges { node { total { amount } instalments { fulfilled } } } } }`,
      {},
      admin,
    );
    expect(
      pledges.data?.pledges.edges.map((edge: any) => edge.node.instalments.map((i: any) => i.fulfilled)),
    ).toEqual([
      [true, false, false],
      [true, false, false],
    ]);
    const gifts = await funding.execute(
      `{ inKindGifts(fundCode: "LOVE_FUND") { edges { node { category quantity delivered } } } }`,
    );
    expect(gifts.data?.inKindGifts.edges.map((edge: any) => edge.node.category).sort()).toEqual([
      "BOOKS",
      "MOBILE_LIBRARY",
      "PHONES",
    ]);
    const province = await funding.execute(
      `{ _entities(representations: [{ __typename: "Region", code: "510000" }]) { ... on Region { fundsRaised { fen } fundsGranted { fen } } } }`,
    );
    // 142,000,000: the provincial funds' 27,000,000 (the restricted fund's million among it) and the cities'.
    expect(BigInt(province.data?._entities[0].fundsRaised.fen)).toBe(
      REPORTED_LOVE_FUND_TOTAL_FEN + CITY_FUNDS_TOTAL_FEN,
    );
    expect(province.data?._entities[0].fundsGranted.fen).toBeGreaterThan(0);
    await expectLedgerBalanced(funding.database.client);
  });
  it("grants the sports bureau's million from the restricted fund to the sports activity centre", async () => {
    const { sportsCentre } = fundingWorld().facilities;
    const { data, errors } = await funding.execute(
      `query($centre: ID!) {
        lottery: fund(code: "SPORTS_LOTTERY") { kind raised { fen } granted { fen } available { fen } }
        _entities(representations: [{ __typename: "Site", id: $centre }]) { ... on Site {
          fundsReceived { fen } fundsGranted { fen }
          grants { totalCount edges { node { fund { code } recipientKind purpose amount { fen } awardDate site { id } region { code } } } }
        } }
      }`,
      { centre: sportsCentre.id },
    );
    expect(errors).toBeUndefined();
    expect(data?.lottery).toEqual({
      kind: "RESTRICTED",
      raised: { fen: 100_000_000 },
      granted: { fen: 100_000_000 },
      available: { fen: 0 },
    });
    const centre = data?._entities[0];
    expect(centre.fundsReceived.fen).toBe(Number(SPORTS_BUREAU_GIFT_FEN));
    expect(centre.fundsGranted.fen).toBe(Number(SPORTS_BUREAU_GIFT_FEN));
    expect(centre.grants.totalCount).toBe(1);
    expect(centre.grants.edges[0].node).toEqual({
      fund: { code: "SPORTS_LOTTERY" },
      recipientKind: "SITE",
      purpose: "SPORTS_CENTRE",
      amount: { fen: 100_000_000 },
      awardDate: "2026-04-01",
      site: { id: sportsCentre.id },
      region: { code: "510104" },
    });
  });

  it("delivers the publishing group's 21 mobile libraries to the 21 mobile-library sites, one each", async () => {
    const { mobileLibraries } = fundingWorld().facilities;
    expect(mobileLibraries).toHaveLength(21);
    const { data, errors } = await funding.execute(
      `query($sites: [_Any!]!) {
        inKindGifts(fundCode: "LOVE_FUND") { edges { node { category quantity delivered
          deliveries(first: 50) { totalCount edges { node { quantity site { id } } } } } } }
        _entities(representations: $sites) { ... on Site { id inKindReceived { fen } } }
      }`,
      { sites: mobileLibraries.map((library) => ({ __typename: "Site", id: library.id })) },
    );
    expect(errors).toBeUndefined();
    const libraries = data?.inKindGifts.edges
      .map((edge: any) => edge.node)
      .find((gift: any) => gift.category === "MOBILE_LIBRARY");
    expect(libraries).toMatchObject({ quantity: 21, delivered: 21, deliveries: { totalCount: 21 } });
    expect(libraries.deliveries.edges.map((edge: any) => edge.node.site.id).sort()).toEqual(
      mobileLibraries.map((library) => library.id).sort(),
    );
    expect(libraries.deliveries.edges.every((edge: any) => edge.node.quantity === 1)).toBe(true);
    // 2,100,000 yuan of libraries, 100,000 to each.
    expect(data?._entities.map((site: any) => site.inKindReceived.fen)).toEqual(Array(21).fill(10_000_000));
  });

  it("names in its rows only sites, organisations and projects of seed-kit's world", async () => {
    const world = worldIds();
    const client = funding.database.client;
    const rows = await client.$queryRaw<{ kind: string; id: string }[]>`
      SELECT 'site' AS kind, "siteId"::text AS id FROM "Donation" WHERE "siteId" IS NOT NULL
      UNION SELECT 'site', "siteId"::text FROM "Pledge" WHERE "siteId" IS NOT NULL
      UNION SELECT 'site', "siteId"::text FROM "Designation" WHERE "siteId" IS NOT NULL
      UNION SELECT 'site', "siteId"::text FROM "Grant" WHERE "siteId" IS NOT NULL
      UNION SELECT 'site', "siteId"::text FROM "InKindDelivery"
      UNION SELECT 'organisation', "donorOrganisationId"::text FROM "Donation" WHERE "donorOrganisationId" IS NOT NULL
      UNION SELECT 'organisation', "donorOrganisationId"::text FROM "Pledge" WHERE "donorOrganisationId" IS NOT NULL
      UNION SELECT 'organisation', "donorOrganisationId"::text FROM "InKindGift" WHERE "donorOrganisationId" IS NOT NULL
      UNION SELECT 'project', "projectId"::text FROM "Donation" WHERE "projectId" IS NOT NULL
      UNION SELECT 'project', "projectId"::text FROM "Pledge" WHERE "projectId" IS NOT NULL
      UNION SELECT 'project', "projectId"::text FROM "Designation" WHERE "projectId" IS NOT NULL
      UNION SELECT 'project', "projectId"::text FROM "Grant" WHERE "projectId" IS NOT NULL`;
    const known = { site: world.sites, organisation: world.organisations, project: world.projects };
    const of = (kind: keyof typeof known) => rows.filter((row) => row.kind === kind);
    expect(of("site").length).toBeGreaterThan(1000);
    expect(of("organisation").length).toBeGreaterThan(30);
    expect(of("project")).toHaveLength(11);
    expect(rows.filter((row) => !known[row.kind as keyof typeof known].has(row.id))).toEqual([]);
  });

  it("takes gifts in kind and grants for the world's facilities once sites has announced them", async () => {
    const { mobileLibraries, sportsCentre, trainingBase } = fundingWorld().facilities;
    await announceSites(
      funding,
      [...mobileLibraries, sportsCentre, trainingBase].map((facility) => ({
        id: facility.id,
        name: facility.name,
        kind: facility.kind,
        countyCode: facility.regionCode,
        cityCode: facility.cityCode,
        status: facility.status,
      })),
    );
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const recorded = await funding.execute(
      `mutation($input: RecordInKindGiftInput!) { recordInKindGift(input: $input) { id } }`,
      {
        input: {
          idempotencyKey: "seed-test-library-books",
          fundCode: "LOVE_FUND",
          donorName: "巴蜀书城",
          category: "BOOKS",
          description: "流动图书馆补充图书",
          quantity: 2,
          estimatedValue: { fen: 400_000 },
          receivedOn: "2026-10-08",
        },
      },
      admin,
    );
    expect(recorded.errors).toBeUndefined();
    for (const site of [mobileLibraries[5]!, trainingBase]) {
      const { data, errors } = await funding.execute(
        `mutation($input: DeliverInKindGiftInput!) { deliverInKindGift(input: $input) { quantity site { id } } }`,
        {
          input: {
            giftId: recorded.data?.recordInKindGift.id,
            siteId: site.id,
            quantity: 1,
            deliveredOn: "2026-10-20",
          },
        },
        admin,
      );
      expect(errors).toBeUndefined();
      expect(data?.deliverInKindGift).toEqual({ quantity: 1, site: { id: site.id } });
    }

    // A further lottery gift to the centre, granted to it: the centre is in its county, 510104.
    const gift = await funding.execute(
      `mutation($input: RecordDonationInput!) { recordDonation(input: $input) { id } }`,
      {
        input: {
          idempotencyKey: "seed-test-lottery-2026-10",
          donorOrganisationId: null,
          donorName: "四川省体育彩票管理中心",
          anonymous: false,
          amount: { fen: 5_000_000, currency: "CNY" },
          receivedOn: "2026-10-09",
          channel: "BANK_TRANSFER",
          fundCode: "SPORTS_LOTTERY",
          designation: { purpose: "SPORTS_CENTRE", siteId: sportsCentre.id },
        },
      },
      admin,
    );
    expect(gift.errors).toBeUndefined();
    const proposed = await funding.execute(
      PROPOSE_GRANT,
      {
        input: {
          idempotencyKey: "seed-test-centre-grant",
          fundCode: "SPORTS_LOTTERY",
          designation: { purpose: "SPORTS_CENTRE", siteId: sportsCentre.id },
          recipientKind: "SITE",
          siteId: sportsCentre.id,
          regionCode: "510104",
          title: "体育活动中心器材更新",
          description: "更新篮球架与乒乓球台",
          amount: { fen: 5_000_000 },
        },
      },
      await identityHeaders({
        subject: "lottery-officer-1",
        roles: ["FINANCE_OFFICER"],
        regionScope: "510000",
      }),
    );
    expect(proposed.errors).toBeUndefined();
    expect(proposed.data?.proposeGrant).toMatchObject({
      site: { id: sportsCentre.id },
      region: { code: "510104" },
    });
    const approved = await funding.execute(
      APPROVE_GRANT,
      { id: proposed.data?.proposeGrant.id },
      await identityHeaders({
        subject: "lottery-officer-2",
        roles: ["FINANCE_OFFICER"],
        regionScope: "510000",
      }),
    );
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveGrant.status).toBe("APPROVED");

    // The lottery money stays the lottery's: the love fund has no sports-centre money for the centre.
    const fromLoveFund = await funding.execute(
      PROPOSE_GRANT,
      {
        input: {
          idempotencyKey: "seed-test-centre-from-love-fund",
          fundCode: "LOVE_FUND",
          designation: { purpose: "SPORTS_CENTRE", siteId: sportsCentre.id },
          recipientKind: "SITE",
          siteId: sportsCentre.id,
          regionCode: "510104",
          title: "体育活动中心运行经费",
          description: "爱心基金拨付",
          amount: { fen: 100_000 },
        },
      },
      admin,
    );
    expect(fromLoveFund.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.amount",
      availableFen: 0,
    });
    await expectLedgerBalanced(funding.database.client);
  });
});
