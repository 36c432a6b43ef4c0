import { describe, expect, it } from "vitest";
import {
  type ConnectionResult,
  decodeCursor,
  emptyConnection,
  encodeCursor,
  MAX_PAGE_SIZE,
  type PageableDelegate,
  pageOfList,
  pageRequest,
  paginate,
} from "./pagination.js";

interface Row {
  id: string;
  name: string;
}

/** An in-memory delegate that answers the keyset `where` paginate builds, so the logic is checked end to end. */
function delegateOver(rows: Row[]): PageableDelegate<Row> & { queries: object[] } {
  const queries: object[] = [];
  const matches = (row: Row, where: any): boolean => {
    if (!where || Object.keys(where).length === 0) return true;
    if (where.AND) return where.AND.every((part: object) => matches(row, part));
    if (where.OR) return where.OR.some((part: object) => matches(row, part));
    return Object.entries(where).every(([field, condition]) => {
      const value = row[field as keyof Row];
      if (condition && typeof condition === "object") {
        const [[op, operand]] = Object.entries(condition) as [[string, string]];
        return op === "gt" ? value > operand : value < operand;
      }
      return value === condition;
    });
  };
  return {
    queries,
    async findMany({ where, take }) {
      queries.push(where);
      return rows
        .filter((row) => matches(row, where))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
        .slice(0, take);
    },
    async count({ where }) {
      return rows.filter((row) => matches(row, where)).length;
    },
  };
}

const order = [
  { field: "name", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

describe("paginate", () => {
  const rows = ["c", "a", "b", "a", "d"].map((name, index) => ({ id: `id${index}`, name }));

  it("walks every row exactly once, in order, including rows with equal sort keys", async () => {
    const delegate = delegateOver(rows);
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ConnectionResult<Row> = await paginate(delegate, {
        where: {},
        order,
        page: { first: 2, after },
      });
      seen.push(...page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(["id1", "id3", "id2", "id0", "id4"]);
  });

  it("counts only when asked, once", async () => {
    const delegate = delegateOver(rows);
    let counts = 0;
    const counting = {
      ...delegate,
      count: (args: { where: object }) => {
        counts++;
        return delegate.count(args);
      },
    };
    const page = await paginate(counting, { where: {}, order, page: { first: 1, after: null } });
    expect(counts).toBe(0);
    expect(await page.countTotal()).toBe(5);
    expect(await page.countTotal()).toBe(5);
    expect(counts).toBe(1);
  });

  it("reports an empty page without cursors", async () => {
    const page = await paginate(delegateOver([]), { where: {}, order, page: { first: 5, after: null } });
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});

describe("cursors", () => {
  it("round-trip their values", () => {
    expect(decodeCursor(encodeCursor(["名", "id-1"]), 2)).toEqual(["名", "id-1"]);
  });

  it("refuse a cursor of another shape with BAD_USER_INPUT naming `after`", () => {
    expect(() => decodeCursor(encodeCursor(["only one"]), 2)).toThrow(/not a cursor/);
    expect(() => decodeCursor("%%%", 2)).toThrow(
      expect.objectContaining({ extensions: { code: "BAD_USER_INPUT", field: "after" } }),
    );
  });
});

describe("pageRequest", () => {
  it("defaults to 20 and accepts up to the maximum", () => {
    expect(pageRequest({})).toEqual({ first: 20, after: null });
    expect(pageRequest({ first: MAX_PAGE_SIZE, after: "x" })).toEqual({ first: MAX_PAGE_SIZE, after: "x" });
  });

  it("refuses negative or oversized pages", () => {
    expect(() => pageRequest({ first: -1 })).toThrow(/between 0 and 100/);
    expect(() => pageRequest({ first: 100_000 })).toThrow(/got 100000/);
  });
});

describe("pageOfList", () => {
  const rows = ["c", "a", "b", "a", "d"].map((name, index) => ({ id: `id${index}`, name }));
  const sorted = [...rows].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));

  it("pages a sorted list with the cursors paginate makes for its order", async () => {
    const first = pageOfList(sorted, { first: 2, after: null }, order);
    const fromDatabase = await paginate(delegateOver(rows), {
      where: {},
      order,
      page: { first: 2, after: null },
    });
    expect(first.pageInfo).toEqual(fromDatabase.pageInfo);
    const rest = pageOfList(sorted, { first: 10, after: first.pageInfo.endCursor }, order);
    expect(rest.edges.map((edge) => edge.node.id)).toEqual(["id2", "id0", "id4"]);
    expect(rest.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(await rest.countTotal()).toBe(5);
  });

  it("without an order keeps the list's own, the cursor holding each item's position and id", () => {
    const first = pageOfList(rows, { first: 2, after: null });
    expect(first.pageInfo.endCursor).toBe(encodeCursor([2, "id1"]));
    const rest = pageOfList(rows, { first: 2, after: first.pageInfo.endCursor });
    expect(rest.edges.map((edge) => edge.node.id)).toEqual(["id2", "id3"]);
    expect(rest.pageInfo.hasNextPage).toBe(true);
  });

  it("refuses a cursor whose values are not of the list's kind", () => {
    const refused = { extensions: { code: "BAD_USER_INPUT", field: "after" } };
    expect(() => pageOfList(sorted, { first: 2, after: encodeCursor([1, "id0"]) }, order)).toThrow(
      expect.objectContaining(refused),
    );
    expect(() => pageOfList(rows, { first: 2, after: encodeCursor(["x", "id0"]) })).toThrow(
      expect.objectContaining(refused),
    );
  });
});

describe("emptyConnection", () => {
  it("has no nodes, no cursors and a total of 0", async () => {
    const empty = emptyConnection<Row>({ first: 5, after: null });
    expect(empty.edges).toEqual([]);
    expect(empty.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    expect(await empty.countTotal()).toBe(0);
  });
});
