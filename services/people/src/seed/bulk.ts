import { chunks } from "@lamplight/seed-kit";
import { Prisma, type PrismaClient } from "../generated/prisma/client.js";

/** A column to load: its name and the SQL type its text form is cast to (e.g. `uuid`, `"Gender"`, `"Weekday"[]`). */
export type Column<Row> = readonly [name: keyof Row & string, type: string];

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return `{${value.join(",")}}`;
  return String(value);
}

/**
 * Inserts many rows with one statement per batch of 5,000: each column travels as one text array,
 * `unnest` turns the arrays back into rows, and each column is cast to its type. Far fewer bind
 * parameters than a multi-row VALUES, which is what makes the demo data load quickly on PGlite.
 * Rows that are already there (same id) are skipped; returns how many were inserted.
 */
export async function bulkInsert<Row>(
  prisma: PrismaClient,
  table: string,
  columns: readonly Column<Row>[],
  rows: readonly Row[],
): Promise<number> {
  let inserted = 0;
  const names = Prisma.raw(columns.map(([name]) => `"${name}"`).join(", "));
  const aliases = columns.map((_, index) => `c${index}`);
  const casts = Prisma.raw(columns.map(([, type], index) => `u.${aliases[index]}::${type}`).join(", "));
  for (const batch of chunks(rows, 5000)) {
    const arrays = columns.map(([name]) => batch.map((row) => text(row[name])));
    const unnest = Prisma.join(
      arrays.map((values) => Prisma.sql`${values}::text[]`),
      ", ",
    );
    inserted += await prisma.$executeRaw`
      INSERT INTO ${Prisma.raw(`"${table}"`)} (${names})
      SELECT ${casts} FROM unnest(${unnest}) AS u(${Prisma.raw(aliases.join(", "))})
      ON CONFLICT DO NOTHING`;
  }
  return inserted;
}
