import { empty, join, raw, type Sql, sql } from "@lamplight/db-kit/sql";
import { isUuid } from "./ids.js";
import {
  type ConnectionResult,
  connectionFromRows,
  decodeCursor,
  notACursor,
  type OrderKey,
  type PageRequest,
} from "./pagination.js";

/** The SQL type of an order key: its cursor value is checked against it and cast to it. */
export type SqlOrderType = "uuid" | "text" | "int" | "date" | "timestamptz";

/** One key of an order read by SQL: a column of the paged rows, its direction and its SQL type. */
export interface SqlOrderKey extends OrderKey {
  type: SqlOrderType;
}

/** Runs raw SQL: a service's PrismaClient or a transaction client. */
export interface RawQueryClient {
  $queryRaw<T = unknown>(query: Sql): PromiseLike<T>;
}

export interface ParentPagesQuery<Row extends object, Node = Row> {
  /**
   * The rows to page: a table's name, or a SELECT (without parentheses) when they need a join or
   * computed columns. PostgreSQL merges a plain SELECT into the paging query, so the conditions
   * on the parent and the cursor still reach the table's indexes.
   */
  from: string | Sql;
  /** The column that names each row's parent (a uuid). */
  parent: string;
  /** A total order of each parent's rows; the last key is unique (the id). */
  order: readonly SqlOrderKey[];
  /** A further condition on the rows, in terms of their columns. */
  where?: Sql;
  parentIds: readonly string[];
  page: PageRequest;
  /** A parent's whole number of rows, asked only when a client selects totalCount. */
  countTotal: (parentId: string) => Promise<number>;
  toNode?: (row: Row) => Node;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function quoted(name: string): Sql {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a column or table name: ${name}`);
  return raw(`"${name}"`);
}

function fitsType(value: unknown, type: SqlOrderType): boolean {
  switch (type) {
    case "int":
      return typeof value === "number" && Number.isInteger(value);
    case "uuid":
      return typeof value === "string" && isUuid(value);
    case "text":
      return typeof value === "string";
    case "date":
    case "timestamptz":
      return typeof value === "string" && !Number.isNaN(Date.parse(value));
  }
}

/** "Strictly after the cursor" in a keyset order: (a > va) OR (a = va AND b > vb) OR … */
function afterCursor(order: readonly SqlOrderKey[], after: string): Sql {
  const values = decodeCursor(after, order.length);
  if (order.some((key, index) => !fitsType(values[index], key.type))) throw notACursor();
  const value = (index: number) => sql`${values[index]}::${raw(order[index]!.type)}`;
  const branches = order.map((key, index) => {
    const parts = order
      .slice(0, index)
      .map((previous, i) => sql`ranked_source.${quoted(previous.field)} = ${value(i)}`);
    const comparison = raw(key.direction === "asc" ? ">" : "<");
    parts.push(sql`ranked_source.${quoted(key.field)} ${comparison} ${value(index)}`);
    return sql`(${join(parts, " AND ")})`;
  });
  return sql`(${join(branches, " OR ")})`;
}

/**
 * The same page of rows for each of many parents (a page of service logs for each volunteer of a
 * list), in ONE query: a window function numbers each parent's rows in `order` after the cursor,
 * and the first `page.first + 1` of each are kept. Each parent gets its connection, with the
 * cursors `paginate` and `connectionFromRows` make for the same order, so that a client pages on
 * through it as through any list; a parent id that is not a uuid gets an empty one.
 */
export async function pagesByParent<Row extends object, Node = Row>(
  db: RawQueryClient,
  query: ParentPagesQuery<Row, Node>,
): Promise<Map<string, ConnectionResult<Node>>> {
  const { order, page, countTotal } = query;
  const after = page.after ? afterCursor(order, page.after) : sql`TRUE`;
  const ids = [...new Set(query.parentIds.filter(isUuid))];
  const rowsOf = new Map<string, Row[]>();
  if (ids.length > 0) {
    const parent = quoted(query.parent);
    const source = typeof query.from === "string" ? quoted(query.from) : sql`(${query.from})`;
    const orderBy = (qualifier: Sql) =>
      join(
        order.map(
          (key) => sql`${qualifier}${quoted(key.field)} ${raw(key.direction === "asc" ? "ASC" : "DESC")}`,
        ),
        ", ",
      );
    const rows = await db.$queryRaw<(Row & { pageRowNumber: bigint })[]>(sql`
      SELECT * FROM (
        SELECT ranked_source.*,
          row_number() OVER (PARTITION BY ranked_source.${parent} ORDER BY ${orderBy(raw("ranked_source."))}) AS "pageRowNumber"
        FROM ${source} AS ranked_source
        WHERE ranked_source.${parent} = ANY(${ids}::uuid[]) AND ${query.where ?? sql`TRUE`} AND ${after}
      ) AS ranked
      WHERE "pageRowNumber" <= ${page.first + 1}
      ORDER BY ${parent}, ${orderBy(empty)}`);
    for (const { pageRowNumber: _pageRowNumber, ...row } of rows) {
      const parentId = (row as Record<string, unknown>)[query.parent] as string;
      const pageRows = rowsOf.get(parentId) ?? [];
      pageRows.push(row as unknown as Row);
      rowsOf.set(parentId, pageRows);
    }
  }
  return new Map(
    query.parentIds.map((parentId) => [
      parentId,
      connectionFromRows<Row, Node>(rowsOf.get(parentId) ?? [], {
        order,
        page,
        countTotal: () => countTotal(parentId),
        ...(query.toNode ? { toNode: query.toNode } : {}),
      }),
    ]),
  );
}
