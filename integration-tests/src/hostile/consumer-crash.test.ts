import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import {
  createTestDatabase,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
  type TestDatabase,
} from "@lamplight/testing";
import { afterAll, describe, expect, it } from "vitest";

// Without NATS: sites (the producer) in this process; people (a consumer) as a real process, on
// its built dist, reading sites' feed. People is killed (SIGKILL, no shutdown) in the middle of a
// burst of homes, and started again on the same database.
const root = path.resolve(import.meta.dirname, "../../..");
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let sites: StartedSubgraph | undefined;
let database: TestDatabase | undefined;
let people: ChildProcess | undefined;
afterAll(async () => {
  people?.kill("SIGKILL");
  await sites?.close();
  await database?.dispose();
});

/** Starts people on `database`, reading sites' feed; resolves with its URL once it listens. */
function startPeople(feed: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [path.join(root, "services/people/dist/index.js")], {
    cwd: path.join(root, "services/people"),
    env: {
      ...process.env,
      NODE_ENV: "development",
      PORT: "0",
      LOG_LEVEL: "info",
      DATABASE_URL: database!.databaseUrl,
      SEED_ON_EMPTY: "false",
      EVENT_FEED_URLS: `sites=${feed}`,
      NATS_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`people did not start:\n${output}`)), 120_000);
    const check = setInterval(() => {
      const ready = output
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as { msg?: string; url?: string })
        .find((line) => line.msg === "people subgraph ready");
      if (ready?.url) {
        clearInterval(check);
        clearTimeout(timer);
        resolve({ child, url: ready.url });
      }
    }, 50);
    child.once("exit", (code) => {
      clearInterval(check);
      clearTimeout(timer);
      if (code !== null) reject(new Error(`people exited with ${code}:\n${output}`));
    });
  });
}

interface Readiness {
  events?: { consumers: Array<{ producer: string; position: string }> };
}

describe.skipIf(process.env.NATS_URL)("a consumer killed in the middle of a burst of events", () => {
  it("applies every event once after it starts again: none lost, none twice", async () => {
    sites = await startSubgraph(sitesService);
    database = await createTestDatabase("people", path.join(root, "services/people"));
    const feed = new URL("/", sites.url).toString();
    const admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
    const createHome = async (n: number) => {
      const { errors } = await sites!.execute(
        `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
        {
          input: {
            name: `崩溃测试之家${n}`,
            regionCode: "510722",
            address: "x",
            hostModel: "FAMILY",
            capacity: 10,
          },
        },
        admin,
      );
      expect(errors).toBeUndefined();
    };

    let running = await startPeople(feed);
    people = running.child;
    for (let n = 0; n < 40; n += 1) {
      await createHome(n);
      if (n === 20) {
        // Killed while it reads the feed: no shutdown, no flush.
        people.kill("SIGKILL");
        await new Promise((resolve) => people!.once("exit", resolve));
      }
    }
    for (let n = 40; n < 60; n += 1) await createHome(n);
    running = await startPeople(feed);
    people = running.child;

    // Caught up again: its position is the producer's head.
    const client = sites.database.client as unknown as {
      $queryRawUnsafe<T>(query: string): Promise<T>;
    };
    const [{ head }] = await client.$queryRawUnsafe<[{ head: string }]>(
      `SELECT MAX("sequence")::text AS "head" FROM "OutboxEvent"`,
    );
    let position = "0";
    for (let tries = 0; tries < 300 && position !== head; tries += 1) {
      const readiness = (await (await fetch(new URL("/readyz", running.url))).json()) as Readiness;
      position =
        readiness.events?.consumers.find((consumer) => consumer.producer === "sites")?.position ?? "0";
      if (position !== head) await sleep(100);
    }
    expect(position).toBe(head);
    people.kill("SIGTERM");
    await new Promise((resolve) => people!.once("exit", resolve));
    people = undefined;

    // Read people's own database: every home once, every event recorded once.
    const peopleDatabase = await peopleService.open({ databaseUrl: database.databaseUrl, migrate: false });
    try {
      const homes = await peopleDatabase.client.siteReplica.count({
        where: { name: { startsWith: "崩溃测试之家" } },
      });
      const consumed = await peopleDatabase.client.consumedEvent.count({ where: { producer: "sites" } });
      expect(homes).toBe(60);
      expect(consumed).toBe(Number(head));
    } finally {
      await peopleDatabase.close();
    }
  }, 240_000);
});
