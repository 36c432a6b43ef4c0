import type { PrismaClient } from "../generated/prisma/client.js";

/** A column a bulk insert writes, with the SQL type its JSON value is read as. */
export type Column = readonly [name: string, sqlType: string];

/** What one table received: rows inserted and the time spent writing them. */
export interface TableLoad {
  table: string;
  rows: number;
  ms: number;
}

/**
 * One statement for many rows: the batch travels as a single JSON parameter and PostgreSQL
 * unpacks it with `jsonb_to_recordset` (no limit on bind parameters, one round trip per batch).
 * Rows that are already there are skipped, so a seed can run again. `set` gives columns a value
 * computed in SQL (`updatedAt`: `now()`).
 */
export function bulkInsert(
  prisma: PrismaClient,
  table: string,
  columns: readonly Column[],
  set: Readonly<Record<string, string>> = {},
): (rows: readonly object[]) => Promise<number> {
  const names = [...columns.map(([name]) => name), ...Object.keys(set)].map((name) => `"${name}"`);
  const values = [...columns.map(([name]) => `r."${name}"`), ...Object.values(set)];
  const record = columns.map(([name, type]) => `"${name}" ${type}`).join(", ");
  const sql =
    `INSERT INTO "${table}" (${names.join(", ")}) SELECT ${values.join(", ")} ` +
    `FROM jsonb_to_recordset($1::jsonb) AS r(${record}) ON CONFLICT DO NOTHING`;
  return (rows) => prisma.$executeRawUnsafe(sql, JSON.stringify(rows));
}

/**
 * Writes one table's rows in large batches as they are generated, so that at most two batches
 * are ever held in memory: while the database writes one, the next is being generated (the
 * database and the generator each keep a core busy). Keeps the table's count and write time.
 */
export class TableLoader<Row extends object> {
  readonly load: TableLoad;
  #batch: Row[] = [];
  #writing: Promise<void> = Promise.resolve();
  #failure: unknown;

  constructor(
    table: string,
    private readonly write: (rows: readonly Row[]) => Promise<number>,
    private readonly options: { size?: number; after?: { drain(): Promise<unknown> } } = {},
  ) {
    this.load = { table, rows: 0, ms: 0 };
  }

  async add(row: Row): Promise<void> {
    this.#batch.push(row);
    if (this.#batch.length >= (this.options.size ?? 2000)) await this.flush();
  }

  /** Adds every row, then waits until all are written. */
  async addAll(rows: Iterable<Row>): Promise<TableLoad> {
    for (const row of rows) await this.add(row);
    await this.drain();
    return this.load;
  }

  /** Starts writing the rows so far, once the previous batch (and `after`'s rows) are written. */
  async flush(): Promise<void> {
    await this.#written();
    if (this.#batch.length === 0) return;
    // Rows that point at another table's rows wait until those are in (foreign keys).
    if (this.options.after) await this.options.after.drain();
    const rows = this.#batch;
    this.#batch = [];
    const started = performance.now();
    this.#writing = this.write(rows).then(
      (count) => {
        this.load.rows += count;
        this.load.ms += performance.now() - started;
      },
      (error: unknown) => {
        this.#failure ??= error;
      },
    );
  }

  async #written(): Promise<void> {
    await this.#writing;
    if (this.#failure !== undefined) throw this.#failure;
  }

  /** Writes what is left and waits for it. */
  async drain(): Promise<TableLoad> {
    await this.flush();
    await this.#written();
    return this.load;
  }
}
