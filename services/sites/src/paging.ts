import { BadUserInputError } from "@lamplight/platform";
import {
  type ConnectionResult,
  connectionFromRows,
  decodeCursor,
  isUuid,
  type PageRequest,
} from "@lamplight/subgraph-kit";
import { Prisma } from "./generated/prisma/client.js";

/** Runs raw SQL: a PrismaClient or a transaction client. */
interface RawRunner {
  $queryRaw<T>(query: Prisma.Sql): Prisma.PrismaPromise<T>;
}

/**
 * The first `page.first + 1` rows of each parent after the cursor, in one query (a window
 * function), for connections under many parents at once: `Site.history`, `Tender.lots`, … The order
 * is `(orderColumn, id)` ascending; cursors are those `connectionFromRows` makes for that order.
 */
export async function pagesByParent<Row extends Record<string, unknown>>(
  prisma: RawRunner,
  options: {
    table: string;
    parentColumn: string;
    /** The SELECT list (quote identifiers; cast enums to text). */
    columns: string;
    orderColumn: string;
    /** How the order column's cursor value is read back: a timestamp or an integer. */
    orderKind: "timestamp" | "int";
  },
  parentIds: readonly string[],
  page: PageRequest,
): Promise<Map<string, Row[]>> {
  const pages = new Map<string, Row[]>(parentIds.map((id) => [id, []]));
  const valid = [...new Set(parentIds.filter(isUuid))];
  if (valid.length === 0) return pages;
  const { table, parentColumn, columns, orderColumn } = options;
  const order = Prisma.raw(`"${orderColumn}"`);
  let after = Prisma.sql`TRUE`;
  if (page.after) {
    const [value, id] = decodeCursor(page.after, 2);
    const bad = () => new BadUserInputError("after is not a cursor from this connection", { field: "after" });
    if (typeof id !== "string" || !isUuid(id)) throw bad();
    let key: Date | number;
    if (options.orderKind === "timestamp") {
      if (typeof value !== "string" || Number.isNaN(Date.parse(value))) throw bad();
      key = new Date(value);
    } else {
      if (typeof value !== "number" || !Number.isInteger(value)) throw bad();
      key = value;
    }
    after = Prisma.sql`(${order} > ${key} OR (${order} = ${key} AND "id" > ${id}::uuid))`;
  }
  const parent = Prisma.raw(`"${parentColumn}"`);
  const rows = await prisma.$queryRaw<(Row & { rowNumber: bigint })[]>(Prisma.sql`
    SELECT * FROM (
      SELECT ${Prisma.raw(columns)}, row_number() OVER (PARTITION BY ${parent} ORDER BY ${order}, "id") AS "rowNumber"
      FROM ${Prisma.raw(`"${table}"`)}
      WHERE ${parent} = ANY(${valid}::uuid[]) AND ${after}
    ) AS ranked
    WHERE "rowNumber" <= ${page.first + 1}
    ORDER BY ${parent}, ${order}, "id"`);
  for (const { rowNumber: _rowNumber, ...row } of rows)
    pages.get(row[parentColumn] as string)?.push(row as unknown as Row);
  return pages;
}

/**
 * A page of a list already in memory (a computed ranking), in list order: the cursor is the
 * item's 1-based position and id, so pages read on as with `paginate`.
 */
export function pageOfList<Node extends { id: string }>(
  items: readonly Node[],
  page: PageRequest,
): ConnectionResult<Node> {
  let start = 0;
  if (page.after) {
    const [position] = decodeCursor(page.after, 2);
    if (typeof position !== "number" || !Number.isInteger(position) || position < 0)
      throw new BadUserInputError("after is not a cursor from this connection", { field: "after" });
    start = position;
  }
  const rows = items
    .slice(start, start + page.first + 1)
    .map((node, index) => ({ position: start + index + 1, id: node.id, node }));
  return connectionFromRows(rows, {
    order: [
      { field: "position", direction: "asc" },
      { field: "id", direction: "asc" },
    ],
    page,
    countTotal: async () => items.length,
    toNode: (row) => row.node,
  });
}
