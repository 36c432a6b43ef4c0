import { addDays, dayOf, getRegion, isoDay, provinceInstant } from "@lamplight/regions";
import { type DemoFacility, type DemoHome, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import {
  Currency,
  ExpenditureCategory,
  GrantRecipientKind,
  GrantStatus,
  InKindCategory,
  JournalEntryKind,
  Purpose,
} from "../generated/prisma/enums.js";
import {
  BANK_ACCOUNT,
  GRANT_ADVANCES,
  GRANTS_PAYABLE,
  grantsAccount,
  IN_KIND_DELIVERED,
  IN_KIND_GOODS,
  IN_KIND_INCOME,
} from "../modules/fund/fund.chart.js";
import { PROJECT_PURPOSES } from "./demo-donations.js";
import { type DemoFunds, FUNDING_SEED, LOVE_FUND, SPORTS_LOTTERY } from "./demo-funds.js";
import { type Donors, defaultWorld, type FundingWorld, projectId } from "./demo-world.js";

const YUAN = 100n;
const LAST_DAY = dayOf("2026-11-28");
/** Days later, but never past the demo's last day. */
const addDaysUpToLastDay = (date: Date, days: number) => {
  const later = addDays(date, days);
  return later.getTime() > LAST_DAY.getTime() ? LAST_DAY : later;
};
/** Afternoon in the province (15:00, UTC+8) of a day. */
const afternoon = (date: Date) => provinceInstant(date, 15 * 60);

/** A gift of the demo, as the grants need it. */
interface SeededGift {
  fundId: string;
  purpose: Purpose;
  siteId: string | null;
  projectId: string | null;
  amountFen: bigint;
  receivedOn: Date;
}

export interface DemoGrants {
  designations: Prisma.DesignationCreateManyInput[];
  grants: Prisma.GrantCreateManyInput[];
  disbursements: Prisma.GrantDisbursementCreateManyInput[];
  reports: Prisma.ExpenditureReportCreateManyInput[];
  inKindGifts: Prisma.InKindGiftCreateManyInput[];
  deliveries: Prisma.InKindDeliveryCreateManyInput[];
  entries: Prisma.JournalEntryCreateManyInput[];
  lines: Prisma.JournalLineCreateManyInput[];
}

export interface DemoPledges {
  pledges: Prisma.PledgeCreateManyInput[];
  instalments: Prisma.PledgeInstalmentCreateManyInput[];
  /** The instalment a seeded gift pays, by donor and day: the named gifts that keep a promise. */
  instalmentOf(gift: { donorOrganisationId: string | null; receivedOn: Date }): string | null;
}

/**
 * The pledges of the demo: the publishing group promised 2,400,000 for activities in three yearly
 * instalments (its 800,000 of September 2024 paid the first), and the mobile operator 3,600,000
 * for equipment (its 1,200,000 of June 2025 paid the first); the later instalments are open.
 */
export function demoPledges(
  funds: DemoFunds,
  seed = FUNDING_SEED,
  donors: Donors = defaultWorld().donors,
): DemoPledges {
  const random = new Random(seed + 4);
  const loveFund = funds.funds.find((fund) => fund.code === LOVE_FUND)!;
  const plans = [
    {
      donor: donors.publishingGroup,
      purpose: Purpose.ACTIVITIES,
      pledgedOn: "2024-09-01",
      yuan: 800_000,
      dues: ["2024-09-12", "2025-09-12", "2026-12-31"],
    },
    {
      donor: donors.mobileOperator,
      purpose: Purpose.EQUIPMENT,
      pledgedOn: "2025-05-20",
      yuan: 1_200_000,
      dues: ["2025-06-01", "2026-06-01", "2027-06-01"],
    },
  ];
  const pledges: DemoPledges["pledges"] = [];
  const instalments: DemoPledges["instalments"] = [];
  const paidBy = new Map<string, string>();
  for (const plan of plans) {
    const id = random.uuid();
    pledges.push({
      id,
      fundId: loveFund.id,
      donorOrganisationId: plan.donor,
      donorName: null,
      anonymous: false,
      purpose: plan.purpose,
      siteId: null,
      projectId: null,
      totalFen: BigInt(plan.yuan * plan.dues.length) * YUAN,
      currency: Currency.CNY,
      pledgedOn: dayOf(plan.pledgedOn),
      idempotencyKey: `seed:${id}`,
      recordedBy: "seed",
      recordedAt: afternoon(dayOf(plan.pledgedOn)),
    });
    plan.dues.forEach((due, index) => {
      const instalmentId = random.uuid();
      instalments.push({
        id: instalmentId,
        pledgeId: id,
        number: index + 1,
        dueOn: dayOf(due),
        amountFen: BigInt(plan.yuan) * YUAN,
      });
      if (index === 0) paidBy.set(`${plan.donor}|${due}`, instalmentId);
    });
  }
  return {
    pledges,
    instalments,
    instalmentOf: (gift) => paidBy.get(`${gift.donorOrganisationId}|${isoDay(gift.receivedOn)}`) ?? null,
  };
}

/** Records one grant from its designation's pool, if the pool still holds the money. */
type RecordGrant = (
  key: Pick<SeededGift, "fundId" | "purpose" | "siteId" | "projectId">,
  amountFen: bigint,
  recipient: { kind: GrantRecipientKind; siteId?: string; projectId?: string; regionCode: string },
  title: string,
  awardOn: Date,
  paidShare: number,
  reportedShare: number,
) => void;

/** Records one gift in kind, received into the love fund's books and delivered to homes or facilities. */
type RecordInKind = (
  donor: string | null,
  category: InKindCategory,
  description: string,
  quantity: number,
  valueYuan: number,
  receivedOn: Date,
  deliveries: { site: DemoHome | DemoFacility; quantity: number }[],
  donorName?: string | null,
) => void;

/**
 * The demo's grants, payments, spending reports and gifts in kind, with their journal entries, built
 * from the seeded gifts so that no pool of designated money grants more than it received:
 * - the love fund's building-homes money (the power company's and the property group's 8,000,000
 *   among it) builds 40 homes at 150,000 each, awarded from April 2026, paid and mostly accounted for;
 * - every demo home whose own gifts reached 2,000 yuan is granted them;
 * - each campaign project is granted 80% of what was given to it;
 * - the sports lottery's restricted fund grants the sports activity centre (the facility, a site)
 *   the sports bureau's 1,000,000 in full;
 * - every city's special fund grants its city 40% of its building-homes money;
 * - gifts in kind: a mobile library for each of the 21 cities, delivered to the city's mobile
 *   library (a site of its own), 55 IP phones for demonstration homes, 20,000 books for 100 homes.
 * Every home, facility and donor named is one of the world's (`fundingWorld`).
 */
export function demoGrants(
  funds: DemoFunds,
  gifts: readonly SeededGift[],
  seed = FUNDING_SEED,
  options: { world?: FundingWorld; province?: boolean } = {},
): DemoGrants {
  const random = new Random(seed + 3);
  const world = options.world ?? defaultWorld();
  const { homes, facilities, donors } = world;
  const homeById = new Map(homes.map((home) => [home.id, home]));
  const fundById = new Map(funds.funds.map((fund) => [fund.id, fund]));
  const loveFund = funds.funds.find((fund) => fund.code === LOVE_FUND)!;
  const sportsLottery = funds.funds.find((fund) => fund.code === SPORTS_LOTTERY)!;
  const accountOf = (fundId: string, code: string) =>
    funds.accounts.find((account) => account.fundId === fundId && account.code === code)!.id;
  const result: DemoGrants = {
    designations: [],
    grants: [],
    disbursements: [],
    reports: [],
    inKindGifts: [],
    deliveries: [],
    entries: [],
    lines: [],
  };

  // The pools, with what they received and when the last of it arrived.
  const pools = new Map<
    string,
    { gift: SeededGift; receivedFen: bigint; lastDay: Date; grantedFen: bigint; id: string | null }
  >();
  const poolKey = (gift: Pick<SeededGift, "fundId" | "purpose" | "siteId" | "projectId">) =>
    `${gift.fundId}|${gift.purpose}|${gift.siteId ?? ""}|${gift.projectId ?? ""}`;
  for (const gift of gifts) {
    const key = poolKey(gift);
    const pool = pools.get(key) ?? {
      gift,
      receivedFen: 0n,
      lastDay: gift.receivedOn,
      grantedFen: 0n,
      id: null,
    };
    pool.receivedFen += gift.amountFen;
    if (gift.receivedOn > pool.lastDay) pool.lastDay = gift.receivedOn;
    pools.set(key, pool);
  }

  const post = (
    fundId: string,
    kind: JournalEntryKind,
    memo: string,
    on: Date,
    debit: string,
    credit: string,
    amountFen: bigint,
    grantId: string | null,
  ): string => {
    const id = random.uuid();
    result.entries.push({
      id,
      fundId,
      postedAt: afternoon(on),
      memo,
      kind,
      reversesId: null,
      createdBy: "seed",
      grantId,
    });
    result.lines.push(
      {
        id: random.uuid(),
        entryId: id,
        accountId: accountOf(fundId, debit),
        amountFen,
        currency: Currency.CNY,
      },
      {
        id: random.uuid(),
        entryId: id,
        accountId: accountOf(fundId, credit),
        amountFen: -amountFen,
        currency: Currency.CNY,
      },
    );
    return id;
  };

  let number = 0;
  const grant: RecordGrant = (key, amountFen, recipient, title, awardOn, paidShare, reportedShare) => {
    const pool = pools.get(poolKey(key));
    if (!pool || amountFen <= 0n || pool.grantedFen + amountFen > pool.receivedFen) return;
    pool.grantedFen += amountFen;
    if (!pool.id) {
      pool.id = random.uuid();
      result.designations.push({
        id: pool.id,
        fundId: key.fundId,
        purpose: key.purpose,
        siteId: key.siteId,
        projectId: key.projectId,
        createdAt: afternoon(pool.gift.receivedOn),
      });
    }
    const fund = fundById.get(key.fundId)!;
    const id = random.uuid();
    number += 1;
    result.grants.push({
      id,
      reference: `G-${fund.code}-${awardOn.getUTCFullYear()}-${String(number).padStart(8, "0")}`,
      fundId: fund.id,
      designationId: pool.id,
      purpose: key.purpose,
      recipientKind: recipient.kind,
      siteId: recipient.siteId ?? null,
      projectId: recipient.projectId ?? null,
      regionCode: recipient.regionCode,
      title,
      description: `${title}（${fund.name}）`,
      amountFen,
      releasedFen: 0n,
      currency: Currency.CNY,
      status: GrantStatus.APPROVED,
      proposedBy: "seed",
      proposedAt: afternoon(addDaysUpToLastDay(awardOn, -7)),
      decidedBy: "seed",
      decidedAt: afternoon(awardOn),
      awardDate: awardOn,
      decisionNote: null,
      idempotencyKey: `seed:${id}`,
    });
    post(
      fund.id,
      JournalEntryKind.GRANT_AWARD,
      `Grant ${title} awarded`,
      awardOn,
      grantsAccount(key.purpose),
      GRANTS_PAYABLE,
      amountFen,
      id,
    );
    const paidFen = (amountFen * BigInt(Math.round(paidShare * 100))) / 100n;
    if (paidFen > 0n) {
      const paidOn = addDaysUpToLastDay(awardOn, 14);
      const entryId = post(
        fund.id,
        JournalEntryKind.GRANT_DISBURSEMENT,
        `Grant ${title} paid`,
        paidOn,
        GRANT_ADVANCES,
        BANK_ACCOUNT,
        paidFen,
        id,
      );
      const disbursementId = random.uuid();
      result.disbursements.push({
        id: disbursementId,
        grantId: id,
        amountFen: paidFen,
        currency: Currency.CNY,
        paidOn,
        journalEntryId: entryId,
        idempotencyKey: `seed:${disbursementId}`,
        recordedBy: "seed",
        recordedAt: afternoon(paidOn),
      });
      const reportedFen = (paidFen * BigInt(Math.round(reportedShare * 100))) / 100n;
      if (reportedFen > 0n) {
        const spentOn = addDaysUpToLastDay(paidOn, 45);
        const reportEntry = post(
          fund.id,
          JournalEntryKind.GRANT_EXPENDITURE,
          `Grant ${title} spending reported`,
          spentOn,
          GRANTS_PAYABLE,
          GRANT_ADVANCES,
          reportedFen,
          id,
        );
        const reportId = random.uuid();
        result.reports.push({
          id: reportId,
          grantId: id,
          amountFen: reportedFen,
          currency: Currency.CNY,
          spentOn,
          category:
            key.purpose === Purpose.BUILDING_HOMES
              ? ExpenditureCategory.CONSTRUCTION
              : key.purpose === Purpose.EQUIPMENT
                ? ExpenditureCategory.EQUIPMENT
                : ExpenditureCategory.ACTIVITIES,
          description: `${title}：支出报告`,
          journalEntryId: reportEntry,
          idempotencyKey: `seed:${reportId}`,
          recordedBy: "seed",
          recordedAt: afternoon(spentOn),
        });
      }
    }
  };

  const home = (site: DemoHome | DemoFacility) => ({
    kind: GrantRecipientKind.SITE,
    siteId: site.id,
    regionCode: site.regionCode,
  });
  const openHomes = homes.filter((site) => site.status === "OPEN");

  // 40 homes built from the love fund's building-homes money, from April 2026.
  const building = { fundId: loveFund.id, purpose: Purpose.BUILDING_HOMES, siteId: null, projectId: null };
  for (let index = 0; index < 40; index++) {
    const site = openHomes[(index * 37) % openHomes.length]!;
    const awardOn = addDaysUpToLastDay(dayOf("2026-04-01"), index * 3);
    grant(
      building,
      150_000n * YUAN,
      home(site),
      `${site.name}建设`,
      awardOn,
      index < 30 ? 1 : 0.5,
      index < 20 ? 0.9 : 0,
    );
  }
  // Each home's own gifts, once they reach 2,000 yuan (the sports centre's money is granted below).
  for (const pool of pools.values()) {
    const { gift } = pool;
    if (!gift.siteId || pool.receivedFen < 2000n * YUAN) continue;
    const site = homeById.get(gift.siteId);
    if (!site) continue;
    const amount = (pool.receivedFen / (100n * YUAN)) * 100n * YUAN;
    grant(gift, amount, home(site), `${site.name}定向捐赠拨付`, addDaysUpToLastDay(pool.lastDay, 30), 1, 0.6);
  }
  // The projects: 80% of what each was given.
  for (const [code, purpose] of Object.entries(PROJECT_PURPOSES)) {
    const key = { fundId: loveFund.id, purpose, siteId: null, projectId: projectId(code) };
    const pool = pools.get(poolKey(key));
    if (!pool) continue;
    const amount = ((pool.receivedFen * 80n) / 100n / (1000n * YUAN)) * 1000n * YUAN;
    grant(
      key,
      amount,
      { kind: GrantRecipientKind.PROJECT, projectId: projectId(code), regionCode: "510000" },
      `项目拨款：${code}`,
      addDaysUpToLastDay(pool.lastDay, 7),
      0.8,
      0.5,
    );
  }
  // The sports bureau's lottery money, designated to the sports activity centre: all of it to the
  // centre, from the restricted fund it was received into, a week after it arrived.
  const centre = facilities.sportsCentre;
  const lottery = {
    fundId: sportsLottery.id,
    purpose: Purpose.SPORTS_CENTRE,
    siteId: centre.id,
    projectId: null,
  };
  const lotteryPool = pools.get(poolKey(lottery));
  if (lotteryPool) {
    grant(
      lottery,
      lotteryPool.receivedFen,
      home(centre),
      `${centre.name}体育彩票公益金拨付`,
      addDaysUpToLastDay(lotteryPool.lastDay, 7),
      0.8,
      0.5,
    );
  }
  // Every city's special fund grants its city 40% of its building-homes money.
  for (const fund of funds.funds.filter((each) => each.kind === "CITY_SPECIAL_FUND")) {
    const key = { fundId: fund.id, purpose: Purpose.BUILDING_HOMES, siteId: null, projectId: null };
    const pool = pools.get(poolKey(key));
    if (!pool) continue;
    const amount = ((pool.receivedFen * 40n) / 100n / (1000n * YUAN)) * 1000n * YUAN;
    const city = getRegion(fund.ownerRegionCode)!;
    grant(
      key,
      amount,
      { kind: GrantRecipientKind.CITY, regionCode: city.code },
      `${city.name}留守学生之家建设专项`,
      addDaysUpToLastDay(pool.lastDay, 10),
      1,
      0.75,
    );
  }

  // Gifts in kind, each received into the love fund's books and delivered to homes.
  const inKind: RecordInKind = (
    donor,
    category,
    description,
    quantity,
    valueYuan,
    receivedOn,
    deliveries,
    donorName = null,
  ) => {
    const value = BigInt(valueYuan) * YUAN;
    const id = random.uuid();
    const entryId = post(
      loveFund.id,
      JournalEntryKind.IN_KIND_RECEIPT,
      `Gift in kind: ${description}`,
      receivedOn,
      IN_KIND_GOODS,
      IN_KIND_INCOME,
      value,
      null,
    );
    result.inKindGifts.push({
      id,
      fundId: loveFund.id,
      donorOrganisationId: donor,
      donorName,
      anonymous: false,
      category,
      description,
      quantity,
      estimatedValueFen: value,
      currency: Currency.CNY,
      receivedOn,
      journalEntryId: entryId,
      idempotencyKey: `seed:${id}`,
      recordedBy: "seed",
      recordedAt: afternoon(receivedOn),
    });
    let delivered = 0;
    for (const delivery of deliveries) {
      const share =
        (value * BigInt(delivered + delivery.quantity)) / BigInt(quantity) -
        (value * BigInt(delivered)) / BigInt(quantity);
      delivered += delivery.quantity;
      const deliveredOn = addDaysUpToLastDay(receivedOn, 20);
      const deliveryEntry = post(
        loveFund.id,
        JournalEntryKind.IN_KIND_DELIVERY,
        `Delivered ${delivery.quantity} × ${description}`,
        deliveredOn,
        IN_KIND_DELIVERED,
        IN_KIND_GOODS,
        share,
        null,
      );
      result.deliveries.push({
        id: random.uuid(),
        giftId: id,
        siteId: delivery.site.id,
        quantity: delivery.quantity,
        valueFen: share,
        deliveredOn,
        journalEntryId: deliveryEntry,
        recordedBy: "seed",
        recordedAt: afternoon(deliveredOn),
      });
    }
  };
  // Each city's library goes to its mobile-library site, arriving the day it opens (1 June 2025).
  inKind(
    donors.publishingGroup,
    InKindCategory.MOBILE_LIBRARY,
    "流动爱心图书馆（每车图书3,000册），每市一辆",
    facilities.mobileLibraries.length,
    facilities.mobileLibraries.length * 100_000,
    dayOf("2025-05-12"),
    facilities.mobileLibraries.map((site) => ({ site, quantity: 1 })),
  );
  const phoneHomes = homes.filter((site) => site.demonstration && site.cityCode !== "510700").slice(0, 55);
  inKind(
    donors.mobileOperator,
    InKindCategory.PHONES,
    "亲情电话：IP电话一部，含一年优惠资费",
    phoneHomes.length,
    phoneHomes.length * 3000,
    dayOf("2025-06-10"),
    phoneHomes.map((site) => ({ site, quantity: 1 })),
  );
  const bookHomes = openHomes.slice(200, 300);
  inKind(
    donors.charityFederation,
    InKindCategory.BOOKS,
    "课外读物20,000册",
    20_000,
    400_000,
    dayOf("2025-09-01"),
    bookHomes.slice(0, 80).map((site) => ({ site, quantity: 200 })),
  );
  if (options.province) provinceGrants(funds, openHomes, grant, inKind);
  return result;
}

/**
 * What the province adds to the demo's grants and gifts in kind, home by home (so they grow with
 * `--homes`): every city's special fund pays each of its open homes 20,000 yuan of running costs from
 * its general money while that money lasts, and each city's sporting-goods traders give every open
 * home of the city a set of sports equipment (3,000 yuan a set), received into the love fund.
 */
function provinceGrants(
  funds: DemoFunds,
  openHomes: readonly DemoHome[],
  grant: RecordGrant,
  inKind: RecordInKind,
): void {
  const fundOfCity = new Map(
    funds.funds
      .filter((fund) => fund.kind === "CITY_SPECIAL_FUND")
      .map((fund) => [fund.ownerRegionCode, fund]),
  );
  const homesOfCity = new Map<string, DemoHome[]>();
  openHomes.forEach((site, index) => {
    homesOfCity.set(site.cityCode, [...(homesOfCity.get(site.cityCode) ?? []), site]);
    const fund = fundOfCity.get(site.cityCode);
    if (!fund) return;
    grant(
      { fundId: fund.id, purpose: Purpose.GENERAL, siteId: null, projectId: null },
      20_000n * YUAN,
      { kind: GrantRecipientKind.SITE, siteId: site.id, regionCode: site.regionCode },
      `${site.name}运行经费`,
      addDaysUpToLastDay(dayOf("2026-01-05"), index % 120),
      1,
      index % 3 === 0 ? 0 : 0.7,
    );
  });
  for (const [cityCode, sites] of homesOfCity) {
    const city = getRegion(cityCode)!;
    inKind(
      null,
      InKindCategory.SPORTS_EQUIPMENT,
      `体育器材（每家一套：篮球、跳绳、乒乓球台），${city.name}`,
      sites.length,
      sites.length * 3000,
      dayOf("2025-04-20"),
      sites.map((site) => ({ site, quantity: 1 })),
      `${city.name}体育用品商会`,
    );
  }
}

export type { SeededGift };
