import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { runWithRequestSignal } from "@lamplight/platform";
import { afterAll, describe, expect, it } from "vitest";
import { createAdapterFactory } from "./adapter.js";
import { guardAdapter, inRequest } from "./busy.js";

const pgUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
const query = (sql: string) => ({ sql, args: [], argTypes: [] }) as never;

describe.skipIf(pgUrl)("the embedded database's one connection", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "db-kit-busy-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("fails excess statements with SERVICE_BUSY at once while a slow request holds the connection", async () => {
    const factory = createAdapterFactory(
      { kind: "pglite", dataDir: path.join(dir, "db") },
      { queueMax: 2, queueWaitMs: 300 },
    );
    const adapter = await factory.connect();
    // A slow request: a transaction that holds the connection for two seconds.
    const transaction = await adapter.startTransaction();
    await transaction.queryRaw(query("SELECT 1"));
    const started = Date.now();
    const others = Array.from({ length: 5 }, () =>
      adapter.queryRaw(query("SELECT 1")).then(
        () => "answered",
        (error: { code?: string }) => error.code ?? String(error),
      ),
    );
    const holding = new Promise((resolve) => setTimeout(resolve, 2_000)).then(() => transaction.commit());
    const outcomes = await Promise.all(others);
    const elapsed = Date.now() - started;
    await holding;
    // Three beyond the queue fail at once; the two queued give up after their wait.
    expect(outcomes).toEqual(Array(5).fill("SERVICE_BUSY"));
    expect(elapsed).toBeLessThan(1_500);
    // The connection is whole afterwards.
    await expect(adapter.queryRaw(query("SELECT 1"))).resolves.toMatchObject({ rows: [[1]] });
    await adapter.dispose();
  });
});

describe("a request whose caller has gone", () => {
  it("has its statements refused before they are sent, with the signal the HTTP layer set", async () => {
    const sent: string[] = [];
    const adapter = guardAdapter({
      async queryRaw(statement: { sql: string }) {
        sent.push(statement.sql);
        return { rows: [] };
      },
    });
    const caller = new AbortController();
    await runWithRequestSignal(caller.signal, async () => {
      expect(inRequest()).toBe(true);
      await adapter.queryRaw({ sql: "SELECT 1" });
      caller.abort();
      await expect(adapter.queryRaw({ sql: "SELECT 2" })).rejects.toMatchObject({
        code: "REQUEST_CANCELLED",
      });
    });
    expect(sent).toEqual(["SELECT 1"]);
    expect(inRequest()).toBe(false);
  });
});

describe.runIf(pgUrl)("PostgreSQL's statement timeout", () => {
  it("cancels a statement that runs longer than the timeout (SQLSTATE 57014)", async () => {
    const factory = createAdapterFactory(
      { kind: "postgres", url: pgUrl as string, schema: "public" },
      { statementTimeoutMs: 200 },
    );
    const adapter = await factory.connect();
    const started = Date.now();
    const error = await adapter.queryRaw(query("SELECT pg_sleep(3)")).catch((e: unknown) => e);
    expect(error).toMatchObject({
      name: "DriverAdapterError",
      message: expect.stringMatching(/statement timeout/),
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    await adapter.dispose();
  });
});
