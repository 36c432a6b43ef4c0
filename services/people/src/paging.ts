import { BadUserInputError } from "@lamplight/platform";
import { decodeCursor, type OrderKey, type PageRequest } from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "./generated/prisma/client.js";

/** One key of a batched order: a column, its direction, and the SQL type its cursor value casts to. */
export interface SqlOrderKey extends OrderKey {
  cast: "date" | "timestamptz" | "uuid" | "text" | "int";
}

const column = (name: string) => Prisma.raw(`"${name}"`);

/**
 * The same page (first + 1 rows, in `order`) of a child table for each of many parents, in ONE
 * query: a window function numbers each parent's rows and keeps the first ones. The cursors are
 * those of `paginate`/`connectionFromRows` with the same order, so a page fetched here pages on
 * normally. Without it, a page of 50 volunteers would send 50 queries for their service logs.
 */
export async function pagesByParent<Row extends object>(
  prisma: PrismaClient,
  options: {
    table: "ServiceLog" | "Pairing" | "CareRecord";
    parent: string;
    parentIds: readonly string[];
    order: readonly SqlOrderKey[];
    page: PageRequest;
    where?: Prisma.Sql;
  },
): Promise<Map<string, Row[]>> {
  const { table, parent, order, page } = options;
  const pages = new Map<string, Row[]>(options.parentIds.map((id) => [id, []]));
  const ids = [...new Set(options.parentIds)];
  if (ids.length === 0) return pages;
  let after = Prisma.sql`TRUE`;
  if (page.after) {
    const values = decodeCursor(page.after, order.length);
    if (values.some((value) => value === null || typeof value === "boolean")) {
      throw new BadUserInputError("after is not a cursor from this connection", { field: "after" });
    }
    const branches = order.map((key, index) => {
      const parts: Prisma.Sql[] = [];
      for (let i = 0; i < index; i++) {
        const previous = order[i]!;
        parts.push(Prisma.sql`${column(previous.field)} = ${values[i]}::${Prisma.raw(previous.cast)}`);
      }
      const op = Prisma.raw(key.direction === "asc" ? ">" : "<");
      parts.push(Prisma.sql`${column(key.field)} ${op} ${values[index]}::${Prisma.raw(key.cast)}`);
      return Prisma.sql`(${Prisma.join(parts, " AND ")})`;
    });
    after = Prisma.sql`(${Prisma.join(branches, " OR ")})`;
  }
  const orderBy = Prisma.join(
    order.map((key) => Prisma.sql`${column(key.field)} ${Prisma.raw(key.direction.toUpperCase())}`),
    ", ",
  );
  const rows = await prisma.$queryRaw<(Row & { rowNumber: bigint })[]>`
    SELECT * FROM (
      SELECT t.*, row_number() OVER (PARTITION BY ${column(parent)} ORDER BY ${orderBy}) AS "rowNumber"
      FROM ${Prisma.raw(`"${table}"`)} t
      WHERE ${column(parent)} = ANY(${ids}::uuid[]) AND ${options.where ?? Prisma.sql`TRUE`} AND ${after}
    ) AS ranked
    WHERE "rowNumber" <= ${page.first + 1}
    ORDER BY ${column(parent)}, ${orderBy}`;
  for (const { rowNumber: _rowNumber, ...row } of rows) {
    pages.get((row as Record<string, string>)[parent]!)?.push(row as unknown as Row);
  }
  return pages;
}
