import { cities } from "@lamplight/regions";
import {
  DEMO_PROJECTS,
  DEMO_SEED,
  type DemoHome,
  demoHomes,
  demoOrganisations,
  OrganisationKind,
  personName,
  placeName,
  Random,
} from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import { Currency, DonationChannel, JournalEntryKind, Purpose } from "../generated/prisma/enums.js";
import { receiptNumber } from "../modules/donation/donation.repository.js";
import { BANK_ACCOUNT, incomeAccount } from "../modules/fund/fund.chart.js";
import { cityFundCode, type DemoFunds, FUNDING_SEED, LOVE_FUND } from "./demo-funds.js";

const YUAN = 100n;

/** What the love fund raised in total, as the programme reports it. */
export const LOVE_FUND_TOTAL_FEN = 27_000_000n * YUAN;
/** The 21 cities' special funds together, as the programme reports it. */
export const CITY_FUNDS_TOTAL_FEN = 115_000_000n * YUAN;
/** The month in which the love fund received 9,000,000+ yuan. */
export const BIG_MONTH = "2026-03";
/** What the love fund received in that month, as the demo has it: 9,436,232.00 yuan. */
export const BIG_MONTH_TOTAL_FEN = 9_436_232n * YUAN;

/** The demo world's organisations (seed-kit), which the people seed registers: donors are among them. */
const ORGANISATIONS = demoOrganisations();
const organisationNamed = (name: string): string => {
  const organisation = ORGANISATIONS.find((candidate) => candidate.name === name);
  if (!organisation) throw new Error(`the demo world has no organisation named ${name}`);
  return organisation.id;
};

/** The donors the programme names, by their name in the demo world. */
export const DONORS = {
  sportsBureau: organisationNamed("四川省体育局"),
  powerCompany: organisationNamed("蜀光电力有限公司"),
  propertyGroup: organisationNamed("锦安地产集团"),
  mobileOperator: organisationNamed("天府移动通信有限公司"),
  publishingGroup: organisationNamed("巴蜀出版传媒集团"),
  youthFoundation: organisationNamed("四川省青少年发展基金会"),
  charityFederation: organisationNamed("四川省慈善总会"),
} as const;

/** A city's alliance companies in the demo world: who gives to its special fund. */
const companiesOf = (cityCode: string): string[] =>
  ORGANISATIONS.filter(
    (organisation) =>
      organisation.kind === OrganisationKind.ALLIANCE_COMPANY && organisation.regionCode === cityCode,
  ).map((organisation) => organisation.id);

export interface Gift {
  fundCode: string;
  receivedOn: Date;
  amountFen: bigint;
  donorOrganisationId: string | null;
  donorName: string | null;
  anonymous: boolean;
  channel: DonationChannel;
  purpose: Purpose;
  siteId: string | null;
  projectId?: string | null;
  pledgeInstalmentId?: string | null;
  memo?: string;
}

/** What each of the programme's projects raises money for: a gift to a project has its purpose. */
export const PROJECT_PURPOSES: Readonly<Record<string, Purpose>> = {
  MOBILE_LIBRARY: Purpose.ACTIVITIES,
  PARENTS_WORKPLACE: Purpose.ACTIVITIES,
  SINGLE_MOTHERS_BASE: Purpose.BUILDING_HOMES,
  SPORTS_CENTRE: Purpose.SPORTS_CENTRE,
  OLYMPIC_JOURNEY: Purpose.SPORTS_CENTRE,
  FAMILY_CALLS: Purpose.EQUIPMENT,
  GOOD_BOOKS_AND_PLAYS: Purpose.ACTIVITIES,
  SUMMER_WINTER_CAMPS: Purpose.ACTIVITIES,
  SELF_PROTECTION: Purpose.ACTIVITIES,
  SCIENCE_MUSEUM_VISITS: Purpose.ACTIVITIES,
  HOME_EQUIPMENT: Purpose.EQUIPMENT,
};
export const projectId = (code: string) => DEMO_PROJECTS.find((project) => project.code === code)!.id;

/**
 * Designates some individual gifts to a campaign project of the same purpose ("projects are funded
 * by society"), from a stream of its own: amounts, days and ids stay exactly as before.
 */
function designateToProjects(gifts: Gift[], seed: number): void {
  const random = new Random(seed + 2);
  const byPurpose = new Map<Purpose, string[]>();
  for (const [code, purpose] of Object.entries(PROJECT_PURPOSES)) {
    byPurpose.set(purpose, [...(byPurpose.get(purpose) ?? []), projectId(code)]);
  }
  for (const gift of gifts) {
    if (gift.siteId || gift.donorOrganisationId || gift.purpose === Purpose.GENERAL) continue;
    const projects = byPurpose.get(gift.purpose);
    if (projects && random.chance(0.3)) gift.projectId = random.pick(projects);
  }
}

const day = (iso: string) => new Date(`${iso}T00:00:00.000Z`);

/**
 * The love fund's named gifts. The brief's month: in March 2026 the fund received 9,000,000+ yuan,
 * the power company's 4,000,000 and the property group's 4,000,000 (both for building homes) and
 * the provincial sports bureau's 1,000,000 for the sports activity centre. That 1,000,000 comes
 * out of the sports lottery's public-welfare money, but it was given TO the love fund (the
 * programme counts it in the love fund's month), so it is recorded here as the bureau's gift into
 * LOVE_FUND, designated SPORTS_CENTRE; the SPORTS_LOTTERY fund is the restricted fund the lottery
 * money is granted from, and receives no gifts in the demo.
 */
export const NAMED_LOVE_FUND_GIFTS: readonly Gift[] = [
  [DONORS.powerCompany, "2026-03-06", 4_000_000, Purpose.BUILDING_HOMES],
  [DONORS.propertyGroup, "2026-03-18", 4_000_000, Purpose.BUILDING_HOMES],
  [DONORS.sportsBureau, "2026-03-25", 1_000_000, Purpose.SPORTS_CENTRE, "SPORTS_CENTRE"],
  // A few more large corporate gifts over the years (the IP phones, the mobile libraries…).
  [DONORS.publishingGroup, "2024-09-12", 800_000, Purpose.ACTIVITIES],
  [DONORS.youthFoundation, "2024-12-20", 1_000_000, Purpose.ACTIVITIES],
  [DONORS.charityFederation, "2025-01-15", 1_500_000, Purpose.GENERAL],
  [DONORS.mobileOperator, "2025-06-01", 1_200_000, Purpose.EQUIPMENT],
].map(([donorOrganisationId, receivedOn, yuan, purpose, project]) => ({
  fundCode: LOVE_FUND,
  receivedOn: day(receivedOn as string),
  amountFen: BigInt(yuan as number) * YUAN,
  donorOrganisationId: donorOrganisationId as string,
  donorName: null,
  anonymous: false,
  channel: DonationChannel.BANK_TRANSFER,
  purpose: purpose as Purpose,
  siteId: null,
  projectId: project ? projectId(project as string) : null,
}));

const SMALL_CHANNELS: readonly (readonly [DonationChannel, number])[] = [
  [DonationChannel.ONLINE, 50],
  [DonationChannel.PAYROLL_GIVING, 20],
  [DonationChannel.BANK_TRANSFER, 20],
  [DonationChannel.CASH, 10],
];
export const SMALL_PURPOSES: readonly (readonly [Purpose, number])[] = [
  [Purpose.GENERAL, 40],
  [Purpose.BUILDING_HOMES, 20],
  [Purpose.ACTIVITIES, 20],
  [Purpose.EQUIPMENT, 15],
  [Purpose.SPORTS_CENTRE, 5],
];
/** Purposes a gift to one particular home can have. */
export const HOME_PURPOSES = new Set<Purpose>([
  Purpose.BUILDING_HOMES,
  Purpose.EQUIPMENT,
  Purpose.ACTIVITIES,
]);

export const FIRST_DAY = day("2024-01-01");
export const LAST_DAY = day("2026-11-28");

/** A standard normal draw (Box–Muller). */
export function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random.next())) * Math.cos(2 * Math.PI * random.next());
}

/** An individual's gift in yuan: log-normal around 850, from 50 to 5,000, usually a round sum. */
function smallGiftYuan(random: Random): number {
  const raw = Math.min(5000, Math.max(50, Math.exp(Math.log(850) + normal(random))));
  if (random.chance(0.05)) return random.pick([520, 1314, 666, 888]);
  const step = raw >= 1000 ? 100 : raw >= 200 ? 50 : 10;
  return Math.max(50, Math.round(raw / step) * step);
}

function individualGifts(random: Random, totalFen: bigint, homeIds: readonly string[]): Gift[] {
  const gifts: Gift[] = [];
  let remaining = totalFen;
  while (remaining > 0n) {
    let amountFen = BigInt(smallGiftYuan(random)) * YUAN;
    // The last gift makes the total exact.
    if (amountFen > remaining || remaining - amountFen < 50n * YUAN) amountFen = remaining;
    remaining -= amountFen;
    const anonymous = random.chance(0.15);
    const purpose = random.weighted(SMALL_PURPOSES);
    const name = personName(random);
    gifts.push({
      fundCode: LOVE_FUND,
      receivedOn: random.date(FIRST_DAY, LAST_DAY),
      amountFen,
      donorOrganisationId: null,
      // A third of the anonymous gifts left no name at all (a donation box, an unsigned transfer).
      donorName: anonymous && random.chance(0.33) ? null : name,
      anonymous,
      channel: random.weighted(SMALL_CHANNELS),
      purpose,
      siteId: HOME_PURPOSES.has(purpose) && random.chance(0.25) ? random.pick(homeIds) : null,
    });
  }
  return gifts;
}

/** The cities' special funds: a dozen or so gifts each from local companies, 115,000,000 yuan in all. */
export function cityGifts(random: Random): Gift[] {
  const cityList = cities();
  const weights = cityList.map((city) => BigInt(city.population));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0n);
  const gifts: Gift[] = [];
  let allocated = 0n;
  cityList.forEach((city, index) => {
    // Whole yuan per city, the last city taking the rounding.
    const cityTotal =
      index === cityList.length - 1
        ? CITY_FUNDS_TOTAL_FEN - allocated
        : ((CITY_FUNDS_TOTAL_FEN * weights[index]!) / totalWeight / YUAN) * YUAN;
    allocated += cityTotal;
    // The city's own alliance companies; a city with none hears from its chambers of commerce.
    const donors = companiesOf(city.code);
    const count = random.int(8, 15);
    let remaining = cityTotal;
    for (let gift = 0; gift < count; gift++) {
      const share =
        gift === count - 1 ? remaining : (remaining / BigInt(count - gift) / (1000n * YUAN)) * 1000n * YUAN;
      remaining -= share;
      const company = random.chance(0.8) && donors.length > 0;
      gifts.push({
        fundCode: cityFundCode(city.code),
        receivedOn: random.date(FIRST_DAY, LAST_DAY),
        amountFen: share,
        donorOrganisationId: company ? random.pick(donors) : null,
        donorName: company ? null : `${placeName(random)}商会`,
        anonymous: false,
        channel: DonationChannel.BANK_TRANSFER,
        purpose: random.chance(0.6) ? Purpose.BUILDING_HOMES : Purpose.GENERAL,
        siteId: null,
      });
    }
  });
  return gifts;
}

/** A gift's journal entry (bank debited, the purpose's income credited), its two lines and its row. */
export function giftRows(
  gift: Gift,
  fund: { id: string },
  receipt: string,
  newId: () => string,
  accountOf: (code: string) => string,
): {
  entry: Prisma.JournalEntryCreateManyInput;
  lines: Prisma.JournalLineCreateManyInput[];
  donation: Prisma.DonationCreateManyInput;
} {
  const entryId = newId();
  const donationId = newId();
  // Recorded on the afternoon of the day the money arrived (15:00 in the province).
  const postedAt = new Date(gift.receivedOn.getTime() + 7 * 3_600_000);
  return {
    entry: {
      id: entryId,
      fundId: fund.id,
      postedAt,
      memo: `Donation ${receipt}`,
      kind: JournalEntryKind.DONATION,
      reversesId: null,
      createdBy: "seed",
    },
    lines: [
      {
        id: newId(),
        entryId,
        accountId: accountOf(BANK_ACCOUNT),
        amountFen: gift.amountFen,
        currency: Currency.CNY,
      },
      {
        id: newId(),
        entryId,
        accountId: accountOf(incomeAccount(gift.purpose)),
        amountFen: -gift.amountFen,
        currency: Currency.CNY,
      },
    ],
    donation: {
      id: donationId,
      idempotencyKey: `seed:${donationId}`,
      fundId: fund.id,
      donorOrganisationId: gift.donorOrganisationId,
      donorName: gift.donorName,
      anonymous: gift.anonymous,
      amountFen: gift.amountFen,
      currency: Currency.CNY,
      receivedOn: gift.receivedOn,
      channel: gift.channel,
      purpose: gift.purpose,
      siteId: gift.siteId,
      projectId: gift.projectId ?? null,
      pledgeInstalmentId: gift.pledgeInstalmentId ?? null,
      receiptNumber: receipt,
      journalEntryId: entryId,
      recordedBy: "seed",
      recordedAt: postedAt,
    },
  };
}

export interface DemoDonations {
  entries: Prisma.JournalEntryCreateManyInput[];
  lines: Prisma.JournalLineCreateManyInput[];
  donations: Prisma.DonationCreateManyInput[];
  counters: Prisma.ReceiptCounterCreateManyInput[];
}

/**
 * Every demo gift with its journal entry, lines, receipt number and the receipt counters, computed
 * in memory for bulk inserts. Receipts are numbered per fund and year of receipt in date order.
 */
export function demoDonations(
  funds: DemoFunds,
  seed = FUNDING_SEED,
  pledgeInstalmentOf: (gift: {
    donorOrganisationId: string | null;
    receivedOn: Date;
  }) => string | null = () => null,
  homes: readonly DemoHome[] = demoHomes(DEMO_SEED),
): DemoDonations {
  const random = new Random(seed + 1);
  const homeIds = homes.map((home) => home.id);
  const named = NAMED_LOVE_FUND_GIFTS.reduce((sum, gift) => sum + gift.amountFen, 0n);
  const individuals = individualGifts(random, LOVE_FUND_TOTAL_FEN - named, homeIds);
  designateToProjects(individuals, seed);
  const gifts = [...NAMED_LOVE_FUND_GIFTS, ...individuals, ...cityGifts(random)].sort(
    (a, b) => a.receivedOn.getTime() - b.receivedOn.getTime(),
  );

  const fundByCode = new Map(funds.funds.map((fund) => [fund.code, fund]));
  const accountOf = new Map(
    funds.accounts.map((account) => [`${account.fundId}|${account.code}`, account.id]),
  );
  const counters = new Map<string, { fundId: string; year: number; lastNumber: number }>();
  const result: DemoDonations = { entries: [], lines: [], donations: [], counters: [] };
  for (const gift of gifts) {
    const fund = fundByCode.get(gift.fundCode)!;
    const year = gift.receivedOn.getUTCFullYear();
    const counterKey = `${fund.id}|${year}`;
    const counter = counters.get(counterKey) ?? { fundId: fund.id, year, lastNumber: 0 };
    counter.lastNumber += 1;
    counters.set(counterKey, counter);
    const receipt = receiptNumber(fund.code, year, counter.lastNumber);
    const rows = giftRows(
      gift,
      fund,
      receipt,
      () => random.uuid(),
      (code) => accountOf.get(`${fund.id}|${code}`)!,
    );
    rows.donation.pledgeInstalmentId = pledgeInstalmentOf(gift);
    result.entries.push(rows.entry);
    result.lines.push(...rows.lines);
    result.donations.push(rows.donation);
  }
  result.counters = [...counters.values()];
  return result;
}
