import { DAY_MS, provinceInstant } from "@lamplight/regions";
import { DEMO_PROJECTS, personName, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import { DonationChannel, Purpose } from "../generated/prisma/enums.js";
import { receiptNumber } from "../modules/donation/donation.repository.js";
import {
  BIG_MONTH,
  BIG_MONTH_LOVE_FUND_FEN,
  cityGifts,
  FIRST_DAY,
  type Gift,
  giftRows,
  HOME_PURPOSES,
  LAST_DAY,
  LOVE_FUND_TOTAL_FEN,
  namedGifts,
  namedLoveFundFen,
  normal,
  PROJECT_PURPOSES,
  projectId,
  SMALL_PURPOSES,
} from "./demo-donations.js";
import { type DemoFunds, LOVE_FUND } from "./demo-funds.js";
import type { SeededGift } from "./demo-grants.js";
import type { FundingWorld } from "./demo-world.js";

const YUAN = 100n;

/** Online giving dominates at province scale (the 99 Giving Day, monthly giving in apps). */
const PROVINCE_CHANNELS: readonly (readonly [DonationChannel, number])[] = [
  [DonationChannel.ONLINE, 75],
  [DonationChannel.PAYROLL_GIVING, 10],
  [DonationChannel.CASH, 10],
  [DonationChannel.BANK_TRANSFER, 5],
];
/** Amounts people like to give, in yuan. */
const LUCKY_YUAN = [1, 5, 6, 8, 9, 10, 20, 50, 52, 66, 88, 99, 100, 520, 1314] as const;
/** The most one individual's drawn gift can be, in yuan (the stream's last gift takes what is left). */
const LARGEST_INDIVIDUAL_YUAN = 50_000;
/** The spread of individual gifts around the stream's running mean (log-normal). */
const SIGMA = 1;

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const word = (random: Random) => {
  const value = Math.floor(random.next() * 4294967296);
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 255]! + HEX[(value >>> 8) & 255]! + HEX[value & 255]!;
};
/**
 * A version-7-shaped UUID: the milliseconds first, then random bits. Ids that follow the days keep
 * the primary-key and foreign-key indexes appending at their right edge instead of touching pages
 * all over them, which is what keeps a million gifts loading at a steady pace.
 */
function timeUuid(milliseconds: number, random: Random): string {
  const time = milliseconds.toString(16).padStart(12, "0");
  const a = word(random);
  const b = word(random);
  const c = word(random);
  const variant = HEX[(Number.parseInt(b.slice(0, 2), 16) & 0x3f) | 0x80]!;
  return `${time.slice(0, 8)}-${time.slice(8)}-7${a.slice(1, 4)}-${variant}${b.slice(2, 4)}-${b.slice(4)}${c}`;
}

/** One pledge in how many gifts: the demo's two pledges among its 10,790 gifts, about 1 in 5,000. */
const GIFTS_PER_PLEDGE = 5000;
const MONTHLY_YUAN = [10, 20, 30, 50, 100, 200] as const;

export interface ProvincePledges {
  pledges: Prisma.PledgeCreateManyInput[];
  instalments: Prisma.PledgeInstalmentCreateManyInput[];
  /** The instalments due each day (by the day's time), with their donor: the gifts that pay them. */
  dueOn: Map<number, { id: string; amountFen: bigint; pledge: Prisma.PledgeCreateManyInput }[]>;
}

/**
 * Monthly giving (月捐): individuals who promise a sum every month for a year to the love fund, one
 * pledge per 5,000 gifts. Each instalment due by the last seeded day is paid on its day by a gift of
 * that sum naming it, the first always and then until the donor lapses (one in twenty per month);
 * later ones stay open.
 */
export function provincePledges(funds: DemoFunds, seed: number, donations: number): ProvincePledges {
  const random = new Random(seed + 13);
  const loveFund = funds.funds.find((fund) => fund.code === LOVE_FUND)!;
  const result: ProvincePledges = { pledges: [], instalments: [], dueOn: new Map() };
  const count = Math.max(1, Math.round(donations / GIFTS_PER_PLEDGE));
  const lastStart = Date.UTC(2026, 5, 28);
  for (let index = 0; index < count; index++) {
    const pledgedOn = random.date(FIRST_DAY, new Date(lastStart));
    const dayOfMonth = Math.min(28, pledgedOn.getUTCDate());
    const monthlyFen = BigInt(random.pick(MONTHLY_YUAN)) * YUAN;
    const anonymous = random.chance(0.15);
    const id = random.uuid();
    const pledge: Prisma.PledgeCreateManyInput = {
      id,
      fundId: loveFund.id,
      donorOrganisationId: null,
      donorName: personName(random),
      anonymous,
      purpose: random.weighted(SMALL_PURPOSES),
      siteId: null,
      projectId: null,
      totalFen: monthlyFen * 12n,
      currency: "CNY",
      pledgedOn,
      idempotencyKey: `seed:${id}`,
      recordedBy: "seed",
      // The afternoon of the day it was pledged (15:00 in the province).
      recordedAt: provinceInstant(pledgedOn, 15 * 60),
    };
    result.pledges.push(pledge);
    let paying = true;
    for (let number = 1; number <= 12; number++) {
      const due = new Date(
        Date.UTC(pledgedOn.getUTCFullYear(), pledgedOn.getUTCMonth() + number - 1, dayOfMonth),
      );
      const instalmentId = random.uuid();
      result.instalments.push({ id: instalmentId, pledgeId: id, number, dueOn: due, amountFen: monthlyFen });
      // The first month is paid with the promise; then one donor in twenty lapses each month.
      paying = paying && (number === 1 || !random.chance(0.05));
      if (!paying || due < pledgedOn || due > LAST_DAY) continue;
      const list = result.dueOn.get(due.getTime()) ?? [];
      list.push({ id: instalmentId, amountFen: monthlyFen, pledge });
      result.dueOn.set(due.getTime(), list);
    }
  }
  return result;
}

export interface ProvinceChunk {
  entries: Prisma.JournalEntryCreateManyInput[];
  lines: Prisma.JournalLineCreateManyInput[];
  donations: Prisma.DonationCreateManyInput[];
}

/** What the stream learnt on the way: the receipt counters and the pools the grants draw on. */
export interface ProvinceTally {
  counters: Prisma.ReceiptCounterCreateManyInput[];
  /** One gift per pool at its first day with the pool's whole sum, one of 0 fen at its last day. */
  pools: SeededGift[];
  donations: number;
}

/** How many gifts fall on each day: more over time as the programme grows, December and 99 Giving Day busier. */
function dayWeights(): { day: Date; weight: number; big: boolean }[] {
  const days: { day: Date; weight: number; big: boolean }[] = [];
  const span = (LAST_DAY.getTime() - FIRST_DAY.getTime()) / DAY_MS;
  for (let time = FIRST_DAY.getTime(); time <= LAST_DAY.getTime(); time += DAY_MS) {
    const day = new Date(time);
    const month = day.getUTCMonth() + 1;
    const date = day.getUTCDate();
    let weight = 1 + (time - FIRST_DAY.getTime()) / DAY_MS / span;
    if (month === 12) weight *= 1.5;
    if (month === 9 && date >= 7 && date <= 9) weight *= 8;
    days.push({ day, weight, big: day.toISOString().startsWith(BIG_MONTH) });
  }
  return days;
}

/** A stream of gifts that reaches its total exactly: each draw is around what is left per gift left. */
class Budget {
  constructor(
    public remainingFen: bigint,
    public remainingGifts: number,
  ) {}

  draw(random: Random): bigint {
    if (this.remainingGifts <= 0) throw new Error("no gifts left in this stream");
    if (this.remainingGifts === 1) return this.take(this.remainingFen);
    const meanYuan = Number(this.remainingFen / YUAN) / this.remainingGifts;
    let yuan: number;
    // The lucky sums near the running mean (a 520 among one-yuan gifts would skew the rest).
    const lucky = LUCKY_YUAN.filter((sum) => sum <= meanYuan * 3);
    if (lucky.length > 0 && random.chance(0.05)) yuan = random.pick(lucky);
    else {
      const raw = meanYuan * Math.exp(SIGMA * normal(random) - (SIGMA * SIGMA) / 2);
      const step = raw >= 1000 ? 100 : raw >= 200 ? 10 : raw >= 50 ? 5 : 1;
      yuan = Math.min(LARGEST_INDIVIDUAL_YUAN, Math.max(1, Math.round(raw / step) * step));
    }
    // Every gift still to come keeps at least one yuan.
    const most = this.remainingFen - BigInt(this.remainingGifts - 1) * YUAN;
    const fen = BigInt(yuan) * YUAN;
    return this.take(fen > most ? most : fen);
  }

  /** A gift of a set sum (an instalment), if the gifts still to come keep a yuan each. */
  fixed(fen: bigint): boolean {
    if (this.remainingGifts <= 1 || fen > this.remainingFen - BigInt(this.remainingGifts - 1) * YUAN)
      return false;
    this.take(fen);
    return true;
  }

  private take(fen: bigint): bigint {
    this.remainingFen -= fen;
    this.remainingGifts -= 1;
    return fen;
  }
}

/**
 * The province's gifts, generated day by day in chunks (never all in memory), each with its
 * journal entry and a receipt number gapless per fund and year in date order. The provincial funds
 * keep the programme's figures exactly: 27,000,000.00 yuan in all and 9,436,232.00 in March 2026,
 * the love fund's own 26,000,000.00 and 8,436,232.00 from six named corporate gifts and as many
 * small individual gifts as the scale asks for, and the sports bureau's 1,000,000 in the sports
 * lottery's restricted fund (see `namedGifts`); the cities' special funds keep their 115,000,000
 * from local companies and chambers of commerce.
 * Yields a full chunk, or null every 500 gifts: a pause in which the caller lets the previous
 * chunk's transaction move on, so that generating and writing overlap.
 */
export function* provinceDonations(
  funds: DemoFunds,
  options: {
    seed: number;
    donations: number;
    /** The demo world of the scale: its homes take gifts, its organisations give them. */
    world: FundingWorld;
    chunkSize: number;
    /** Monthly pledges whose instalments the individual gifts pay. */
    pledges?: ProvincePledges;
    pledgeInstalmentOf: (gift: { donorOrganisationId: string | null; receivedOn: Date }) => string | null;
  },
  tally: ProvinceTally,
): Generator<ProvinceChunk | null> {
  const random = new Random(options.seed + 11);
  // Ids follow the day of the gift, one millisecond apart, never going back.
  let clock = 0;
  let today = 0;
  const newId = () => {
    clock = Math.max(clock + 1, today);
    return timeUuid(clock, random);
  };
  const homeIds = options.world.homes.map((home) => home.id);
  const named = namedGifts(options.world);
  const fixed = [...named, ...cityGifts(random, options.world)];
  const individuals = options.donations - fixed.length;
  if (individuals < 1000) {
    throw new Error(`the province scale needs at least ${fixed.length + 1000} donations`);
  }
  const fixedOn = new Map<number, Gift[]>();
  for (const gift of fixed) {
    fixedOn.set(gift.receivedOn.getTime(), [...(fixedOn.get(gift.receivedOn.getTime()) ?? []), gift]);
  }

  // Gifts per day by cumulative rounding, so that they add up to the count exactly.
  const days = dayWeights();
  const totalWeight = days.reduce((sum, day) => sum + day.weight, 0);
  let cumulative = 0;
  let given = 0;
  const counts = days.map((day) => {
    cumulative += day.weight;
    const upTo = Math.round((individuals * cumulative) / totalWeight);
    const count = upTo - given;
    given = upTo;
    return count;
  });
  const bigMonthFen = BIG_MONTH_LOVE_FUND_FEN - namedLoveFundFen(named, BIG_MONTH);
  const bigMonthGifts = counts.reduce((sum, count, index) => sum + (days[index]!.big ? count : 0), 0);
  const streams = {
    bigMonth: new Budget(bigMonthFen, bigMonthGifts),
    rest: new Budget(
      LOVE_FUND_TOTAL_FEN - namedLoveFundFen(named) - bigMonthFen,
      individuals - bigMonthGifts,
    ),
  };

  const projectsFor = new Map<Purpose, string[]>();
  for (const project of DEMO_PROJECTS) {
    const purpose = PROJECT_PURPOSES[project.code];
    if (purpose) projectsFor.set(purpose, [...(projectsFor.get(purpose) ?? []), projectId(project.code)]);
  }
  const fundByCode = new Map(funds.funds.map((fund) => [fund.code, fund]));
  const accountOf = new Map(
    funds.accounts.map((account) => [`${account.fundId}|${account.code}`, account.id]),
  );
  const counters = new Map<string, Prisma.ReceiptCounterCreateManyInput>();
  const pools = new Map<string, { first: SeededGift; last: SeededGift }>();

  let chunk: ProvinceChunk = { entries: [], lines: [], donations: [] };
  const record = (gift: Gift) => {
    const fund = fundByCode.get(gift.fundCode)!;
    const year = gift.receivedOn.getUTCFullYear();
    today = gift.receivedOn.getTime();
    const counterKey = `${fund.id}|${year}`;
    const counter = counters.get(counterKey) ?? { fundId: fund.id, year, lastNumber: 0 };
    counter.lastNumber += 1;
    counters.set(counterKey, counter);
    const rows = giftRows(
      gift,
      fund,
      receiptNumber(fund.code, year, counter.lastNumber),
      newId,
      (code) => accountOf.get(`${fund.id}|${code}`)!,
    );
    rows.donation.pledgeInstalmentId = gift.pledgeInstalmentId ?? options.pledgeInstalmentOf(gift);
    // Plain numbers (safe up to 90 trillion yuan) serialise without a replacer.
    rows.donation.amountFen = Number(gift.amountFen);
    for (const line of rows.lines) line.amountFen = Number(line.amountFen);
    chunk.entries.push(rows.entry);
    chunk.lines.push(...rows.lines);
    chunk.donations.push(rows.donation);
    tally.donations += 1;

    const projectId = gift.projectId ?? null;
    const poolKey = `${fund.id}|${gift.purpose}|${gift.siteId ?? ""}|${projectId ?? ""}`;
    const pool = pools.get(poolKey);
    const shape = { fundId: fund.id, purpose: gift.purpose, siteId: gift.siteId, projectId };
    if (pool) {
      pool.first.amountFen += gift.amountFen;
      pool.last.receivedOn = gift.receivedOn;
    } else {
      pools.set(poolKey, {
        first: { ...shape, amountFen: gift.amountFen, receivedOn: gift.receivedOn },
        last: { ...shape, amountFen: 0n, receivedOn: gift.receivedOn },
      });
    }
  };

  for (const [index, { day, big }] of days.entries()) {
    for (const gift of fixedOn.get(day.getTime()) ?? []) record(gift);
    const stream = big ? streams.bigMonth : streams.rest;
    let count = counts[index]!;
    // First the monthly instalments due that day, each paid by a gift of its sum naming it.
    for (const due of options.pledges?.dueOn.get(day.getTime()) ?? []) {
      if (count === 0 || !stream.fixed(due.amountFen)) break;
      count -= 1;
      record({
        fundCode: LOVE_FUND,
        receivedOn: day,
        amountFen: due.amountFen,
        donorOrganisationId: null,
        donorName: due.pledge.anonymous && random.chance(0.33) ? null : (due.pledge.donorName ?? null),
        anonymous: due.pledge.anonymous ?? false,
        channel: random.chance(0.7) ? DonationChannel.ONLINE : DonationChannel.PAYROLL_GIVING,
        purpose: due.pledge.purpose,
        siteId: null,
        projectId: null,
        pledgeInstalmentId: due.id,
      });
    }
    for (; count > 0; count--) {
      const amountFen = stream.draw(random);
      const anonymous = random.chance(0.15);
      const purpose = random.weighted(SMALL_PURPOSES);
      const name = personName(random);
      const siteId = HOME_PURPOSES.has(purpose) && random.chance(0.25) ? random.pick(homeIds) : null;
      const projects = projectsFor.get(purpose);
      const toProject = !siteId && purpose !== Purpose.GENERAL && projects && random.chance(0.3);
      record({
        fundCode: LOVE_FUND,
        receivedOn: day,
        amountFen,
        donorOrganisationId: null,
        donorName: anonymous && random.chance(0.33) ? null : name,
        anonymous,
        channel: random.weighted(PROVINCE_CHANNELS),
        purpose,
        siteId,
        projectId: toProject ? random.pick(projects) : null,
      });
      if (chunk.donations.length >= options.chunkSize) {
        yield chunk;
        chunk = { entries: [], lines: [], donations: [] };
      } else if (chunk.donations.length % 500 === 0) yield null;
    }
  }
  if (chunk.donations.length > 0) yield chunk;
  if (streams.bigMonth.remainingFen !== 0n || streams.rest.remainingFen !== 0n) {
    throw new Error("the province's gifts did not reach the programme's totals");
  }
  tally.counters = [...counters.values()];
  tally.pools = [...pools.values()].flatMap((pool) => [pool.first, pool.last]);
}
