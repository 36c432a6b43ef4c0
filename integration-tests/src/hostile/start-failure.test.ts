import { spawn } from "node:child_process";
import { createServer, type Server } from "node:net";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@lamplight/testing";
import { afterEach, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

describe("a subgraph that cannot start", () => {
  let database: TestDatabase | undefined;
  let taken: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (taken ? taken.close(resolve) : resolve(undefined)));
    await database?.dispose();
    database = taken = undefined;
  });

  // process.exit(1) follows the failure at once: the log lines before it (written synchronously)
  // and the error on standard error must both be out by then.
  it("exits 1 with its error on standard error, after the log lines it wrote", async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken!.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    database = await createTestDatabase("sites", path.join(root, "services/sites"));
    const child = spawn(process.execPath, [path.join(root, "services/sites/dist/index.js")], {
      cwd: path.join(root, "services/sites"),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "info",
        DATABASE_URL: database.databaseUrl,
        ...(database.schema ? { DATABASE_SCHEMA: database.schema } : {}),
        SEED_ON_EMPTY: "false",
        EVENT_FEED_URLS: "people=http://127.0.0.1:9",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // "close", not "exit": the process's last output is read by then.
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));

    expect(code).toBe(1);
    expect(stderr).toContain("EADDRINUSE");
    const messages = stdout
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toContain("database migrated and connected");
    expect(messages).not.toContain("sites subgraph ready");
  }, 120_000);
});
