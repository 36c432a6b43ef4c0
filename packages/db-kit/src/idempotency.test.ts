import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdapterFactory } from "./adapter.js";
import type { DatabaseTarget } from "./config.js";
import { createOnce } from "./idempotency.js";

const pgUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), "db-kit-idempotency-"));
const query = (sql: string) => ({ sql, args: [], argTypes: [] }) as never;
// A table of its own per run: on PostgreSQL other test runs share the database.
const table = `gift_${process.pid}_${Date.now()}`;
const constraint = `${table}_key_key`;

const target: DatabaseTarget = pgUrl
  ? { kind: "postgres", url: pgUrl, schema: "public" }
  : { kind: "pglite", dataDir: path.join(dir, "db") };
const factory = createAdapterFactory(target);
const adapter = await factory.connect();
type Transaction = Awaited<ReturnType<typeof adapter.startTransaction>>;

beforeAll(async () => {
  await adapter.executeRaw(
    query(`CREATE TABLE "${table}" ("id" text PRIMARY KEY, "key" text NOT NULL CONSTRAINT "${constraint}" UNIQUE,
      "amount" int NOT NULL)`),
  );
});
afterAll(async () => {
  await adapter.executeRaw(query(`DROP TABLE IF EXISTS "${table}"`));
  await adapter.dispose();
  rmSync(dir, { recursive: true, force: true });
});

interface Gift {
  id: string;
  amount: number;
}

async function findGift(key: string): Promise<Gift | null> {
  const result = await adapter.queryRaw(
    query(`SELECT "id", "amount" FROM "${table}" WHERE "key" = '${key}'`),
  );
  const [row] = result.rows;
  return row ? { id: String(row[0]), amount: Number(row[1]) } : null;
}

/** One transaction as Prisma's client runs it over the adapter: BEGIN and COMMIT unless the driver does. */
async function inTransaction<R>(work: (tx: Transaction) => Promise<R>): Promise<R> {
  const tx = await adapter.startTransaction();
  const sendsOwn = !tx.options.usePhantomQuery;
  try {
    const result = await work(tx);
    if (sendsOwn) await tx.executeRaw(query("COMMIT"));
    await tx.commit();
    return result;
  } catch (error) {
    if (sendsOwn) await tx.executeRaw(query("ROLLBACK"));
    await tx.rollback().catch(() => undefined);
    throw error;
  }
}

const createGift = (key: string, amount: number) => () =>
  inTransaction(async (tx) => {
    const id = crypto.randomUUID();
    await tx.executeRaw(
      query(`INSERT INTO "${table}" ("id", "key", "amount") VALUES ('${id}', '${key}', ${amount})`),
    );
    return { id, amount };
  });

describe("createOnce", () => {
  it("creates the row once, and a second call with the key returns it without writing", async () => {
    const first = await createOnce({
      find: () => findGift("once"),
      constraint,
      create: createGift("once", 5),
    });
    const again = await createOnce({
      find: () => findGift("once"),
      constraint,
      create: createGift("once", 5),
    });
    expect(first.created).toBe(true);
    expect(again).toEqual({ row: first.row, created: false });
  });

  it("gives two concurrent creates with one key one row, both answering with its id", async () => {
    // Both look the key up before either writes, so both try to create.
    let lookups = 0;
    let bothLooked: () => void = () => undefined;
    const looked = new Promise<void>((resolve) => {
      bothLooked = resolve;
    });
    const find = async () => {
      const row = await findGift("race");
      lookups += 1;
      if (lookups === 2) bothLooked();
      if (lookups <= 2) await looked;
      return row;
    };
    const outcomes = await Promise.all([
      createOnce({ find, constraint, create: createGift("race", 7) }),
      createOnce({ find, constraint, create: createGift("race", 7) }),
    ]);
    const count = await adapter.queryRaw(query(`SELECT COUNT(*)::int FROM "${table}" WHERE "key" = 'race'`));
    expect(count.rows).toEqual([[1]]);
    expect(outcomes[0]!.row.id).toBe(outcomes[1]!.row.id);
    expect(outcomes.map((outcome) => outcome.created).sort()).toEqual([false, true]);
  });

  it("passes on any other failure of the create", async () => {
    const failing = () => inTransaction(async () => Promise.reject(new Error("no bank account")));
    await expect(createOnce({ find: () => findGift("other"), constraint, create: failing })).rejects.toThrow(
      "no bank account",
    );
    await expect(findGift("other")).resolves.toBeNull();
  });
});
