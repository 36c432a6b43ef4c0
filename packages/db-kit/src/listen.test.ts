import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createAdapterFactory } from "./adapter.js";
import type { DatabaseTarget } from "./config.js";

const pgUrl = process.env.DATABASE_URL?.startsWith("postgres") ? process.env.DATABASE_URL : undefined;
const dir = mkdtempSync(path.join(os.tmpdir(), "db-kit-listen-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const query = (sql: string) => ({ sql, args: [], argTypes: [] }) as never;

describe("NOTIFY reaches a listener of the same service's database", () => {
  it("wakes the listener, and only for its own schema", async () => {
    const target: DatabaseTarget = pgUrl
      ? { kind: "postgres", url: pgUrl, schema: "public" }
      : { kind: "pglite", dataDir: path.join(dir, "db") };
    const factory = createAdapterFactory(target);
    const adapter = await factory.connect();
    const heard: number[] = [];
    const unlisten = await factory.listen!("lamplight_test", () => heard.push(Date.now()));
    await adapter.queryRaw(query(`SELECT 1 FROM pg_notify('lamplight_test', current_schema())`));
    for (let i = 0; i < 40 && heard.length === 0; i += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(heard).toHaveLength(1);
    if (pgUrl) {
      // Another service's schema in the same database does not wake this one.
      await adapter.queryRaw(query(`SELECT 1 FROM pg_notify('lamplight_test', 'another_service')`));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toHaveLength(1);
    }
    await unlisten();
    await adapter.dispose();
  });
});
