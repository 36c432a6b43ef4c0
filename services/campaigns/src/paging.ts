import {
  type ConnectionResult,
  connectionFromRows,
  decodeCursor,
  type OrderKey,
  type PageRequest,
} from "@lamplight/subgraph-kit";

const keyOf = (value: unknown): string | number | null => {
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return null;
  return typeof value === "number" ? value : String(value);
};

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * A page of a short list already read whole (a project's milestones), in `order`, with the same
 * cursors as the kit's `paginate`: for lists small enough that reading them in one batched query
 * and paging in memory costs less than a query per parent.
 */
export function pageInMemory<Row extends object>(
  rows: readonly Row[],
  order: readonly OrderKey[],
  page: PageRequest,
): ConnectionResult<Row> {
  let rest = rows;
  if (page.after) {
    const after = decodeCursor(page.after, order.length);
    rest = rows.filter((row) => {
      for (const [index, key] of order.entries()) {
        const c = compare(
          keyOf((row as Record<string, unknown>)[key.field]),
          after[index] as string | number | null,
        );
        if (c !== 0) return key.direction === "asc" ? c > 0 : c < 0;
      }
      return false;
    });
  }
  return connectionFromRows(rest.slice(0, page.first + 1), {
    order,
    page,
    countTotal: () => Promise.resolve(rows.length),
  });
}
