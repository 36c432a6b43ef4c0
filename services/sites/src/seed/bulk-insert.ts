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
 * Writes one table's rows in large batches as they are generated, so that only one batch is ever
 * held in memory, and keeps the table's count and time.
 */
export class TableLoader<Row extends object> {
  readonly load: TableLoad;
  #batch: Row[] = [];

  constructor(
    table: string,
    private readonly write: (rows: readonly Row[]) => Promise<number>,
    private readonly size = 5000,
  ) {
    this.load = { table, rows: 0, ms: 0 };
  }

  async add(row: Row): Promise<void> {
    this.#batch.push(row);
    if (this.#batch.length >= this.size) await this.flush();
  }

  async addAll(rows: Iterable<Row>): Promise<TableLoad> {
    for (const row of rows) await this.add(row);
    await this.flush();
    return this.load;
  }

  async flush(): Promise<void> {
    if (this.#batch.length === 0) return;
    const rows = this.#batch;
    this.#batch = [];
    const started = performance.now();
    this.load.rows += await this.write(rows);
    this.load.ms += performance.now() - started;
  }
}
