import { isoDay } from "@lamplight/regions";
import { chunks, DEMO_SEED, type Scale } from "@lamplight/seed-kit";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { demoDonations } from "./demo-donations.js";
import { type DemoFunds, demoFunds, fundingSeed } from "./demo-funds.js";
import {
  type DemoGrants,
  type DemoPledges,
  demoGrants,
  demoPledges,
  type SeededGift,
} from "./demo-grants.js";
import { type FundingWorld, fundingWorld } from "./demo-world.js";
import {
  type ProvinceChunk,
  type ProvinceTally,
  provinceDonations,
  provincePledges,
} from "./province-donations.js";

/** Loads the funds and their charts of accounts. Idempotent: existing rows are skipped. */
export async function seedFunds(
  prisma: PrismaClient,
  seed?: number,
): Promise<{ funds: number; accounts: number }> {
  const { funds, accounts } = demoFunds(seed);
  const { count: insertedFunds } = await prisma.fund.createMany({ data: funds, skipDuplicates: true });
  const { count: insertedAccounts } = await prisma.account.createMany({
    data: accounts,
    skipDuplicates: true,
  });
  return { funds: insertedFunds, accounts: insertedAccounts };
}

const withBigInts = (rows: readonly object[]) =>
  JSON.stringify(rows, (_key, value) => (typeof value === "bigint" ? value.toString() : value));
/** Rows as JSON; the replacer (slow) only when a row holds a BigInt, which plain JSON refuses. */
const json = (rows: readonly object[]) => {
  try {
    return JSON.stringify(rows);
  } catch (error) {
    if (error instanceof TypeError) return withBigInts(rows);
    throw error;
  }
};

/** The tables loaded in bulk, by name: never built from input. */
type BulkTable =
  | "JournalEntry"
  | "JournalLine"
  | "Donation"
  | "Designation"
  | "Grant"
  | "GrantDisbursement"
  | "ExpenditureReport"
  | "Pledge"
  | "PledgeInstalment"
  | "InKindGift"
  | "InKindDelivery";

/** Rows written per table and the time spent writing them, for the seed's report. */
export class TableTimes {
  readonly tables = new Map<string, { rows: number; ms: number }>();

  add(table: string, rows: number, ms: number): void {
    const seen = this.tables.get(table) ?? { rows: 0, ms: 0 };
    seen.rows += rows;
    seen.ms += ms;
    this.tables.set(table, seen);
  }

  /** Per table: rows, seconds and rows per second. */
  report(): { table: string; rows: number; seconds: number; rowsPerSecond: number }[] {
    return [...this.tables].map(([table, { rows, ms }]) => ({
      table,
      rows,
      seconds: Math.round(ms) / 1000,
      rowsPerSecond: ms > 0 ? Math.round((rows * 1000) / ms) : rows,
    }));
  }
}

/** Date columns take the day alone. */
const dated = <Row extends object>(rows: readonly Row[], ...columns: (keyof Row)[]) =>
  rows.map((row) => {
    const copy = { ...row } as Record<string, unknown>;
    for (const column of columns) {
      const value = copy[column as string];
      if (value instanceof Date) copy[column as string] = isoDay(value);
    }
    return copy;
  });

/**
 * Inserts many rows in ONE statement: the rows travel as a single JSON parameter that PostgreSQL
 * expands into the table's own row type. Ten times faster than createMany on the embedded database,
 * where every bound parameter costs. Every column must be given (defaults do not apply); existing
 * rows are skipped.
 */
async function bulkInsert(
  prisma: Pick<PrismaClient, "$executeRawUnsafe">,
  table: BulkTable,
  rows: readonly object[],
  times?: TableTimes,
): Promise<number> {
  if (rows.length === 0) return 0;
  const started = performance.now();
  const inserted = await prisma.$executeRawUnsafe(
    `INSERT INTO "${table}" SELECT * FROM json_populate_recordset(NULL::"${table}", $1::json) ON CONFLICT DO NOTHING`,
    json(rows),
  );
  times?.add(table, inserted, performance.now() - started);
  return inserted;
}

export interface FundingSeeded {
  funds: number;
  accounts: number;
  donations: number;
  journalLines: number;
  grants: number;
  pledges: number;
  inKindGifts: number;
}

/** Writes one chunk of gifts in one transaction: entries, then all their lines in one statement (the
 * balance trigger checks each statement's entries), then the donations. */
async function insertGifts(prisma: PrismaClient, chunk: ProvinceChunk, times?: TableTimes) {
  return prisma.$transaction(
    async (tx) => {
      await bulkInsert(tx, "JournalEntry", chunk.entries, times);
      const lines = await bulkInsert(tx, "JournalLine", chunk.lines, times);
      const donations = await bulkInsert(tx, "Donation", dated(chunk.donations, "receivedOn"), times);
      return { lines, donations };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

/** Grants with their payments, spending reports and gifts in kind, and the pledges, in one transaction. */
async function insertGrants(
  prisma: PrismaClient,
  granted: DemoGrants,
  times?: TableTimes,
): Promise<{ grants: number; lines: number; inKindGifts: number }> {
  return prisma.$transaction(
    async (tx) => {
      await bulkInsert(tx, "Designation", granted.designations, times);
      const grants = await bulkInsert(tx, "Grant", dated(granted.grants, "awardDate"), times);
      await bulkInsert(tx, "JournalEntry", granted.entries, times);
      const lines = await bulkInsert(tx, "JournalLine", granted.lines, times);
      await bulkInsert(tx, "GrantDisbursement", dated(granted.disbursements, "paidOn"), times);
      await bulkInsert(tx, "ExpenditureReport", dated(granted.reports, "spentOn"), times);
      const inKindGifts = await bulkInsert(tx, "InKindGift", dated(granted.inKindGifts, "receivedOn"), times);
      await bulkInsert(tx, "InKindDelivery", dated(granted.deliveries, "deliveredOn"), times);
      return { grants, lines, inKindGifts };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}

async function insertPledges(
  prisma: PrismaClient,
  promises: Pick<DemoPledges, "pledges" | "instalments">,
  times?: TableTimes,
) {
  const pledges = await bulkInsert(prisma, "Pledge", dated(promises.pledges, "pledgedOn"), times);
  await bulkInsert(prisma, "PledgeInstalment", dated(promises.instalments, "dueOn"), times);
  return pledges;
}

export interface SeedFundingOptions {
  /** The funding seed itself (FUNDING_SEED by default); else derived from `scale.seed`. */
  seed?: number;
  /** `demo` (the default) or `province`; its seed number and homes are used by both. */
  scale?: Scale;
  /** Gifts per chunk (one transaction each) at province scale. */
  chunkSize?: number;
  times?: TableTimes;
}

/**
 * Loads the funds and gifts, with their journal entries and receipt counters, then the grants,
 * pledges and gifts in kind drawn on them. At demo scale (the default) idempotent: rows keep their
 * seeded ids and existing ones are skipped. Gifts are left alone once real ones have been recorded
 * (their receipt numbers would collide with the seeded ones), and at province scale once any gift is
 * there. Every home, facility, organisation and project a row names is one of seed-kit's demo world
 * for the scale's seed number and homes (`fundingWorld`), as sites, people and campaigns load it.
 */
export async function seedFunding(
  prisma: PrismaClient,
  options: SeedFundingOptions = {},
): Promise<FundingSeeded> {
  const seed = options.seed ?? (options.scale ? fundingSeed(options.scale.seed) : undefined);
  const world = fundingWorld(options.scale?.seed ?? DEMO_SEED, options.scale?.homes);
  const times = options.times;
  const started = performance.now();
  const seeded = await seedFunds(prisma, seed);
  times?.add("Fund", seeded.funds, 0);
  times?.add("Account", seeded.accounts, performance.now() - started);
  const nothing = { ...seeded, donations: 0, journalLines: 0, grants: 0, pledges: 0, inKindGifts: 0 };
  if (options.scale?.name === "province") {
    if ((await prisma.donation.count()) > 0) return nothing;
    return seedProvince(prisma, { ...options.scale, seed: seed ?? fundingSeed() }, world, seeded, options);
  }
  const recorded = await prisma.donation.count({ where: { recordedBy: { not: "seed" } } });
  if (recorded > 0) return nothing;
  const funds = demoFunds(seed);
  const promises = demoPledges(funds, seed, world.donors);
  const { entries, lines, donations, counters } = demoDonations(funds, seed, promises.instalmentOf, world);
  const linesOf = new Map<string, typeof lines>();
  for (const line of lines) {
    const list = linesOf.get(line.entryId) ?? [];
    list.push(line);
    linesOf.set(line.entryId, list);
  }
  // Pledges first: the gifts that keep them name their instalments.
  const pledges = await insertPledges(prisma, promises, times);
  let insertedLines = 0;
  let insertedDonations = 0;
  const donationBatches = chunks(donations, 5000);
  for (const [index, batch] of chunks(entries, 5000).entries()) {
    const inserted = await insertGifts(
      prisma,
      {
        entries: batch,
        lines: batch.flatMap((entry) => linesOf.get(entry.id!) ?? []),
        donations: donationBatches[index]!,
      },
      times,
    );
    insertedLines += inserted.lines;
    insertedDonations += inserted.donations;
  }
  await insertCounters(prisma, counters, times);

  // Grants, payments, reports and gifts in kind, drawn on the gifts just loaded.
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
    seed,
    { world },
  );
  const inserted = await insertGrants(prisma, granted, times);
  return {
    ...seeded,
    donations: insertedDonations,
    journalLines: insertedLines + inserted.lines,
    grants: inserted.grants,
    pledges,
    inKindGifts: inserted.inKindGifts,
  };
}

async function insertCounters(
  prisma: PrismaClient,
  counters: Prisma.ReceiptCounterCreateManyInput[],
  times?: TableTimes,
) {
  const started = performance.now();
  const { count } = await prisma.receiptCounter.createMany({ data: counters, skipDuplicates: true });
  times?.add("ReceiptCounter", count, performance.now() - started);
}

/**
 * The programme at its real size: the gifts stream from a generator chunk by chunk (one transaction
 * each), then the grants draw on the pools the stream added up.
 */
async function seedProvince(
  prisma: PrismaClient,
  scale: Scale,
  world: FundingWorld,
  seeded: { funds: number; accounts: number },
  options: SeedFundingOptions,
): Promise<FundingSeeded> {
  const { times } = options;
  const funds: DemoFunds = demoFunds(scale.seed);
  const promises = demoPledges(funds, scale.seed, world.donors);
  const monthly = provincePledges(funds, scale.seed, scale.donations);
  const pledges =
    (await insertPledges(prisma, promises, times)) + (await insertPledges(prisma, monthly, times));
  const tally: ProvinceTally = { counters: [], pools: [], donations: 0 };
  let lines = 0;
  let donations = 0;
  // One chunk is written while the next is generated: the generator pauses every few hundred gifts.
  let writing: Promise<void> = Promise.resolve();
  for (const chunk of provinceDonations(
    funds,
    {
      seed: scale.seed,
      donations: scale.donations,
      world,
      chunkSize: options.chunkSize ?? 10_000,
      pledges: monthly,
      pledgeInstalmentOf: promises.instalmentOf,
    },
    tally,
  )) {
    if (chunk === null) {
      await new Promise((resolve) => setImmediate(resolve));
      continue;
    }
    await writing;
    writing = insertGifts(prisma, chunk, times).then((inserted) => {
      lines += inserted.lines;
      donations += inserted.donations;
    });
    // Awaited on the next chunk or after the last; this only marks a failure as handled meanwhile.
    writing.catch(() => undefined);
  }
  await writing;
  await insertCounters(prisma, tally.counters, times);
  const granted = demoGrants(funds, tally.pools as SeededGift[], scale.seed, { world, province: true });
  const inserted = await insertGrants(prisma, granted, times);
  return {
    ...seeded,
    donations,
    journalLines: lines + inserted.lines,
    grants: inserted.grants,
    pledges,
    inKindGifts: inserted.inKindGifts,
  };
}
