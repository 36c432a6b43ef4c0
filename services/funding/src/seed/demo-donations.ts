import { cities, dayOf, provinceInstant } from "@lamplight/regions";
import { personName, placeName, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import { Currency, DonationChannel, JournalEntryKind, Purpose } from "../generated/prisma/enums.js";
import { receiptNumber } from "../modules/donation/donation.repository.js";
import { BANK_ACCOUNT, incomeAccount } from "../modules/fund/fund.chart.js";
import { cityFundCode, type DemoFunds, FUNDING_SEED, LOVE_FUND, SPORTS_LOTTERY } from "./demo-funds.js";
import { companiesOf, defaultWorld, type FundingWorld, projectId } from "./demo-world.js";

const YUAN = 100n;

/** The provincial sports bureau's gift from the sports lottery's public-welfare money. */
export const SPORTS_BUREAU_GIFT_FEN = 1_000_000n * YUAN;
/**
 * What the programme reports the love fund raised in total: the love fund's own gifts and the
 * sports bureau's 1,000,000, which is held in the sports lottery's restricted fund (see
 * `namedGifts`).
 */
export const REPORTED_LOVE_FUND_TOTAL_FEN = 27_000_000n * YUAN;
/** What the love fund's own books received: 26,000,000 yuan. */
export const LOVE_FUND_TOTAL_FEN = REPORTED_LOVE_FUND_TOTAL_FEN - SPORTS_BUREAU_GIFT_FEN;
/** The 21 cities' special funds together, as the programme reports it. */
export const CITY_FUNDS_TOTAL_FEN = 115_000_000n * YUAN;
/** The month in which the love fund received 9,000,000+ yuan. */
export const BIG_MONTH = "2026-03";
/**
 * What the programme reports the love fund received in that month, as the demo has it:
 * 9,436,232.00 yuan, the sports bureau's 1,000,000 (in the restricted fund) among it.
 */
export const BIG_MONTH_TOTAL_FEN = 9_436_232n * YUAN;
/** What the love fund's own books received in that month: 8,436,232.00 yuan. */
export const BIG_MONTH_LOVE_FUND_FEN = BIG_MONTH_TOTAL_FEN - SPORTS_BUREAU_GIFT_FEN;

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
export { projectId };

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

/**
 * The named corporate gifts. The brief's month: in March 2026 the programme's love fund received
 * 9,000,000+ yuan, the power company's 4,000,000 and the property group's 4,000,000 (both for
 * building homes) and the provincial sports bureau's 1,000,000 for the sports activity centre.
 *
 * The bureau's 1,000,000 is sports lottery public-welfare money: it comes with its purpose fixed by
 * where it comes from, must be accounted for apart from donations, and may be spent on nothing
 * else. So it is received into the sports lottery's restricted fund (SPORTS_LOTTERY, the fund the
 * demo keeps for exactly this money; a second restricted fund would hold the same money under
 * another name), designated to the sports activity centre itself (a site of seed-kit's world), and
 * the centre's grant is made from that fund; no love-fund money can reach it or be drawn from it.
 *
 * The programme still counts the million in the love fund's figures, so the figures read: the love
 * fund's own books 26,000,000 in all and 8,436,232 in March 2026; together with the restricted fund
 * the provincial funds took 27,000,000 and 9,436,232 that month, the programme's figures
 * (`fundingTotals(groupBy: CITY)` has them under 510000, `groupBy: FUND` per fund).
 */
export function namedGifts(world: FundingWorld): Gift[] {
  const { donors } = world;
  const gift = (
    donorOrganisationId: string,
    receivedOn: string,
    yuan: number,
    purpose: Purpose,
    designation: { fundCode?: string; siteId?: string } = {},
  ): Gift => ({
    fundCode: designation.fundCode ?? LOVE_FUND,
    receivedOn: dayOf(receivedOn),
    amountFen: BigInt(yuan) * YUAN,
    donorOrganisationId,
    donorName: null,
    anonymous: false,
    channel: DonationChannel.BANK_TRANSFER,
    purpose,
    siteId: designation.siteId ?? null,
    projectId: null,
  });
  return [
    gift(donors.powerCompany, "2026-03-06", 4_000_000, Purpose.BUILDING_HOMES),
    gift(donors.propertyGroup, "2026-03-18", 4_000_000, Purpose.BUILDING_HOMES),
    gift(donors.sportsBureau, "2026-03-25", Number(SPORTS_BUREAU_GIFT_FEN / YUAN), Purpose.SPORTS_CENTRE, {
      fundCode: SPORTS_LOTTERY,
      siteId: world.facilities.sportsCentre.id,
    }),
    // A few more large corporate gifts over the years (the IP phones, the mobile libraries…).
    gift(donors.publishingGroup, "2024-09-12", 800_000, Purpose.ACTIVITIES),
    gift(donors.youthFoundation, "2024-12-20", 1_000_000, Purpose.ACTIVITIES),
    gift(donors.charityFederation, "2025-01-15", 1_500_000, Purpose.GENERAL),
    gift(donors.mobileOperator, "2025-06-01", 1_200_000, Purpose.EQUIPMENT),
  ];
}

/** What the named gifts give the love fund itself, in one month (YYYY-MM) or in all. */
export const namedLoveFundFen = (gifts: readonly Gift[], month: string | null = null): bigint =>
  gifts
    .filter(
      (gift) =>
        gift.fundCode === LOVE_FUND && (month === null || gift.receivedOn.toISOString().startsWith(month)),
    )
    .reduce((sum, gift) => sum + gift.amountFen, 0n);

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

export const FIRST_DAY = dayOf("2024-01-01");
export const LAST_DAY = dayOf("2026-11-28");

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
export function cityGifts(random: Random, world: FundingWorld): Gift[] {
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
    const donors = companiesOf(world, city.code);
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
  const postedAt = provinceInstant(gift.receivedOn, 15 * 60);
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
  world: FundingWorld = defaultWorld(),
): DemoDonations {
  const random = new Random(seed + 1);
  const homeIds = world.homes.map((home) => home.id);
  const named = namedGifts(world);
  const individuals = individualGifts(random, LOVE_FUND_TOTAL_FEN - namedLoveFundFen(named), homeIds);
  designateToProjects(individuals, seed);
  const gifts = [...named, ...individuals, ...cityGifts(random, world)].sort(
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
