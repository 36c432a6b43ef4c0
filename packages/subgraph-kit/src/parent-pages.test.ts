import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createAdapterFactory, type DatabaseTarget } from "@lamplight/db-kit";
import { type Sql, sql } from "@lamplight/db-kit/sql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor, type PageRequest } from "./pagination.js";
import { pagesByParent, type RawQueryClient, type SqlOrderKey } from "./parent-pages.js";

const pgUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), "subgraph-kit-parent-pages-"));
const schema = `parent_pages_${process.pid}`;
const target: DatabaseTarget = pgUrl
  ? { kind: "postgres", url: pgUrl, schema }
  : { kind: "pglite", dataDir: path.join(dir, "db") };

const A = "00000000-0000-4000-8000-00000000000a";
const B = "00000000-0000-4000-8000-00000000000b";
const C = "00000000-0000-4000-8000-00000000000c";
const id = (n: number) => `10000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

interface Visit {
  id: string;
  ownerId: string;
  day: string;
  score: number;
}

// Owner A: days descending, then score ascending, then id descending (visits 3 and 4 tie on both).
const VISITS: Visit[] = [
  { id: id(1), ownerId: A, day: "2026-03-01", score: 5 },
  { id: id(2), ownerId: A, day: "2026-03-03", score: 9 },
  { id: id(3), ownerId: A, day: "2026-03-02", score: 1 },
  { id: id(4), ownerId: A, day: "2026-03-02", score: 1 },
  { id: id(5), ownerId: A, day: "2026-03-02", score: 0 },
  { id: id(6), ownerId: B, day: "2026-03-01", score: 2 },
  { id: id(7), ownerId: B, day: "2026-03-05", score: 2 },
];
const A_IN_ORDER = [id(2), id(5), id(4), id(3), id(1)];

const ORDER: readonly SqlOrderKey[] = [
  { field: "day", direction: "desc", type: "date" },
  { field: "score", direction: "asc", type: "int" },
  { field: "id", direction: "desc", type: "uuid" },
];

let db: RawQueryClient;
let queries = 0;
let close: () => Promise<void> = async () => {};

beforeAll(async () => {
  const factory = createAdapterFactory(target);
  const adapter = await factory.connect();
  const table = pgUrl ? `"${schema}"."Visit"` : `"Visit"`;
  await adapter.executeScript(`
    ${pgUrl ? `CREATE SCHEMA "${schema}";` : ""}
    CREATE TABLE ${table} ("id" uuid PRIMARY KEY, "ownerId" uuid NOT NULL, "day" date NOT NULL, "score" int NOT NULL);
    INSERT INTO ${table} VALUES ${VISITS.map((v) => `('${v.id}', '${v.ownerId}', '${v.day}', ${v.score})`).join(", ")};`);
  // What a Prisma client's $queryRaw does, on the adapter the services' clients use.
  db = {
    async $queryRaw<T>(query: Sql): Promise<T> {
      queries += 1;
      const result = await adapter.queryRaw({
        sql: query.text,
        args: query.values,
        argTypes: query.values.map((value) => ({
          scalarType: typeof value === "number" ? "int" : "string",
          arity: Array.isArray(value) ? "list" : "scalar",
        })),
      });
      return result.rows.map((row) =>
        Object.fromEntries(result.columnNames.map((name, index) => [name, row[index]])),
      ) as T;
    },
  };
  close = async () => {
    if (pgUrl) await adapter.executeScript(`DROP SCHEMA "${schema}" CASCADE`);
    await adapter.dispose();
  };
});

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

const countTotal = async (parentId: string) => VISITS.filter((v) => v.ownerId === parentId).length;

function pages(parentIds: readonly string[], page: PageRequest, where?: Sql) {
  return pagesByParent<Visit>(db, {
    from: "Visit",
    parent: "ownerId",
    order: ORDER,
    parentIds,
    page,
    countTotal,
    ...(where ? { where } : {}),
  });
}

const ids = (connection: { edges: { node: Visit }[] } | undefined) =>
  connection?.edges.map((edge) => edge.node.id);

describe("pagesByParent", () => {
  it("reads a page for each of several parents in one query", async () => {
    const before = queries;
    const byOwner = await pages([A, B, C], { first: 2, after: null });
    expect(queries - before).toBe(1);
    expect(ids(byOwner.get(A))).toEqual(A_IN_ORDER.slice(0, 2));
    expect(ids(byOwner.get(B))).toEqual([id(7), id(6)]);
    expect(ids(byOwner.get(C))).toEqual([]);
    expect(byOwner.get(A)!.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(byOwner.get(B)!.pageInfo.hasNextPage).toBe(false);
    expect(byOwner.get(C)!.pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    expect(await byOwner.get(A)!.countTotal()).toBe(5);
  });

  it("reads first + 1 rows to know whether a next page exists", async () => {
    const exact = await pages([B], { first: 2, after: null });
    expect(exact.get(B)!.pageInfo.hasNextPage).toBe(false);
    const short = await pages([B], { first: 1, after: null });
    expect(short.get(B)!.pageInfo.hasNextPage).toBe(true);
    expect(short.get(B)!.edges).toHaveLength(1);
  });

  it("makes the cursors `paginate` makes, and pages on after one in a mixed-direction order, ties broken by id", async () => {
    const first = (await pages([A], { first: 2, after: null })).get(A)!;
    const last = first.edges.at(-1)!.node;
    expect(first.pageInfo.endCursor).toBe(encodeCursor([last.day, last.score, last.id]));
    const seen = [...ids(first)!];
    let after = first.pageInfo.endCursor;
    while (after) {
      const next = (await pages([A, B], { first: 2, after })).get(A)!;
      expect(next.pageInfo.hasPreviousPage).toBe(true);
      seen.push(...ids(next)!);
      after = next.pageInfo.hasNextPage ? next.pageInfo.endCursor : null;
    }
    expect(seen).toEqual(A_IN_ORDER);
  });

  it("keeps the further condition", async () => {
    const byOwner = await pages([A], { first: 10, after: null }, sql`"score" > ${0}`);
    expect(ids(byOwner.get(A))).toEqual([id(2), id(4), id(3), id(1)]);
  });

  it("refuses a cursor that is not one of this order's", async () => {
    for (const after of ["not a cursor", encodeCursor([1, 2]), encodeCursor(["2026-03-01", "five", id(1)])]) {
      await expect(pages([A], { first: 2, after })).rejects.toMatchObject({
        extensions: { code: "BAD_USER_INPUT", field: "after" },
      });
    }
  });

  it("answers no parents, and parent ids that are not uuids, with empty pages and no query", async () => {
    const before = queries;
    expect((await pages([], { first: 2, after: null })).size).toBe(0);
    const invalid = await pages(["not-a-uuid"], { first: 2, after: null });
    expect(ids(invalid.get("not-a-uuid"))).toEqual([]);
    expect(queries).toBe(before);
    const mixed = await pages(["not-a-uuid", B], { first: 1, after: null });
    expect(ids(mixed.get(B))).toEqual([id(7)]);
  });
});
