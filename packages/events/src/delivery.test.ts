import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { getEventListeners } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { afterEach, describe, expect, it } from "vitest";
import { ConsumerStore, type EventHandlers, UnprocessableEventError } from "./consumer.js";
import type { SqlClient, TransactionalSqlClient } from "./event.js";
import { createFeedHandler, FEED_PATH, signFeedToken, type Wakeups } from "./feed.js";
import { connectNats, JetStreamSubscription, OutboxRelay, streamName } from "./jetstream.js";
import { appendEvents, OUTBOX_CHANNEL } from "./outbox.js";
import { announceUnannounced, type StateEventSource } from "./state-events.js";
import { type EventSubscription, FeedSubscription, SubscriptionBase } from "./subscription.js";

// The tables as each service's Prisma schema declares them (models OutboxEvent, ConsumedEvent,
// EventCursor, DeadLetterEvent), and a replica a consumer keeps.
const TABLES = `
  CREATE TABLE "OutboxEvent" ("sequence" BIGSERIAL PRIMARY KEY, "id" UUID NOT NULL UNIQUE, "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL, "entity" TEXT NOT NULL, "key" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP, "payload" JSONB NOT NULL, "publishedAt" TIMESTAMPTZ(3));
  CREATE TABLE "ConsumedEvent" ("eventId" UUID PRIMARY KEY, "producer" TEXT NOT NULL, "sequence" BIGINT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
  CREATE TABLE "EventCursor" ("producer" TEXT PRIMARY KEY, "sequence" BIGINT NOT NULL, "updatedAt" TIMESTAMPTZ(3) NOT NULL);
  CREATE TABLE "DeadLetterEvent" ("eventId" UUID PRIMARY KEY, "producer" TEXT NOT NULL, "sequence" BIGINT NOT NULL,
    "type" TEXT NOT NULL, "version" INTEGER NOT NULL, "entity" TEXT NOT NULL, "key" TEXT NOT NULL, "payload" JSONB NOT NULL,
    "error" TEXT NOT NULL, "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP);
  CREATE TABLE "SiteReplica" ("id" TEXT PRIMARY KEY, "county" TEXT NOT NULL, "applied" INTEGER NOT NULL DEFAULT 1);
`;

/** The SQL surface of a Prisma client, over a PGlite database. */
function sqlClient(db: PGlite | Transaction): SqlClient {
  return {
    $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) =>
      (await db.query(query, values)).rows as T,
    $executeRawUnsafe: async (query: string, ...values: unknown[]) =>
      (await db.query(query, values)).affectedRows ?? 0,
  };
}
function transactional(db: PGlite): TransactionalSqlClient {
  return { ...sqlClient(db), $transaction: (work) => db.transaction((tx) => work(sqlClient(tx))) };
}

const KEY = new TextEncoder().encode("a test identity key of at least 32 characters");
const NATS_URL = process.env.NATS_URL;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Producer {
  db: PGlite;
  url: string;
  server: Server;
  write(id: string, county: string): Promise<void>;
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<PGlite> {
  const db = await PGlite.create();
  await db.exec(TABLES);
  cleanups.push(() => db.close());
  return db;
}

/** A producer: its database, its feed on a real HTTP server, woken by its database's NOTIFY. */
async function startProducer(name = "sites"): Promise<Producer> {
  const db = await database();
  const listeners = new Set<() => void>();
  await db.listen(OUTBOX_CHANNEL, () => {
    for (const listener of listeners) listener();
  });
  const wakeups: Wakeups = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const handler = createFeedHandler({ producer: name, client: sqlClient(db), key: KEY, wakeups });
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    if (url.pathname === FEED_PATH) void handler(request, response, url);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  });
  return {
    db,
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    write: (id, county) =>
      db.transaction(async (tx) => {
        await appendEvents(sqlClient(tx), [
          { type: "site.moved", version: 1, entity: "Site", key: id, payload: { id, county } },
        ]);
      }),
  };
}

/** A consumer keeping each home's county: the last event of a key wins, so order matters. */
function replicaHandlers(producer = "sites"): EventHandlers {
  return {
    [producer]: {
      "site.moved": {
        1: async (tx, event) => {
          const { id, county } = event.payload as { id: string; county: string };
          if (!/^\d{6}$/.test(county))
            throw new UnprocessableEventError(`county ${county} is not a region code`);
          await tx.$executeRawUnsafe(
            `INSERT INTO "SiteReplica" ("id", "county") VALUES ($1, $2)
             ON CONFLICT ("id") DO UPDATE SET "county" = EXCLUDED."county", "applied" = "SiteReplica"."applied" + 1`,
            id,
            county,
          );
        },
      },
    },
  };
}

async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await sleep(50);
  }
}

async function replica(db: PGlite) {
  return (
    await db.query<{ id: string; county: string; applied: number }>(`SELECT * FROM "SiteReplica" ORDER BY id`)
  ).rows;
}

describe("a subscription's pauses", () => {
  /** A subscription that only pauses, as a feed subscription does between failed polls. */
  class Pausing extends SubscriptionBase {
    protected async run(): Promise<void> {
      for (let pause = 0; pause < 50; pause++) await this.pause(1);
    }
    listenersOnStop(): number {
      return getEventListeners(this.stopped.signal, "abort").length;
    }
  }

  it("leave no listener behind on the subscription's stop signal", async () => {
    const subscription = new Pausing("sites", new ConsumerStore(transactional(await database()), {}));
    subscription.start();
    await sleep(300);
    // Fifty pauses over: none of them still listens (each used to stay, a leak for the process's life).
    expect(subscription.listenersOnStop()).toBe(0);
    await subscription.stop();
  });
});

describe("announcing rows loaded in bulk", () => {
  const homes: StateEventSource = {
    entity: "Site",
    version: 1,
    // Aliased `o`, as people's organisations are: the alias must not clash with the outbox's.
    from: `"SiteReplica" o`,
    key: `o."id"`,
    payload: `jsonb_build_object('id', o."id", 'county', o."county")`,
    order: `o."id"`,
  };

  it("announces every unannounced row once, in order, a bounded batch per transaction", async () => {
    const db = await database();
    await db.exec(
      `INSERT INTO "SiteReplica" ("id", "county") SELECT lpad(n::text, 4, '0'), '510723' FROM generate_series(1, 1001) n`,
    );
    const client = transactional(db);
    const transactions: number[] = [];
    const counted: TransactionalSqlClient = {
      ...client,
      $transaction: (work) => {
        transactions.push(transactions.length);
        return client.$transaction(work);
      },
    };
    expect(await announceUnannounced(counted, homes, "site.registered", 100)).toBe(1001);
    // 11 batches: ten of 100 and the last of one (a batch short of the limit ends it).
    expect(transactions).toHaveLength(11);
    const { rows } = await db.query<{ key: string }>(`SELECT "key" FROM "OutboxEvent" ORDER BY "sequence"`);
    expect(rows.map((row) => row.key)).toEqual(
      Array.from({ length: 1001 }, (_, n) => String(n + 1).padStart(4, "0")),
    );
    // Nothing left: a second start announces nothing.
    expect(await announceUnannounced(client, homes, "site.registered", 100)).toBe(0);
  });
});

describe("the internal feed", () => {
  it("answers a held poll at once when its producer stops, and refuses new polls while it stops", async () => {
    const db = await database();
    const stopping = new AbortController();
    const handler = createFeedHandler({
      producer: "sites",
      client: sqlClient(db),
      key: KEY,
      signal: stopping.signal,
    });
    const server = createServer((request, response) => {
      void handler(request, response, new URL(request.url ?? "/", "http://localhost"));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(resolve));
    });
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${FEED_PATH}?waitMs=10000`;
    const headers = { authorization: `Bearer ${await signFeedToken("people", "sites", KEY)}` };
    const started = Date.now();
    const held = fetch(url, { headers });
    await sleep(200);
    stopping.abort();
    const answer = await held;
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ events: [], head: "0" });
    expect(Date.now() - started).toBeLessThan(2_000);
    const refused = await fetch(url, { headers });
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("1");
  });

  it("refuses a caller without a feed token for this producer", async () => {
    const producer = await startProducer();
    const none = await fetch(`${producer.url}${FEED_PATH}`);
    expect(none.status).toBe(401);
    const forOther = await fetch(`${producer.url}${FEED_PATH}`, {
      headers: { authorization: `Bearer ${await signFeedToken("campaigns", "people", KEY)}` },
    });
    expect(forOther.status).toBe(401);
    const bad = await fetch(`${producer.url}${FEED_PATH}?limit=100000`, {
      headers: { authorization: `Bearer ${await signFeedToken("campaigns", "sites", KEY)}` },
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_USER_INPUT" } }] });
  });

  it("delivers every event once, in order, catching up from the start and then within moments", async () => {
    const producer = await startProducer();
    for (let i = 0; i < 30; i += 1) await producer.write(`site-${i % 3}`, String(510700 + i));
    const consumerDb = await database();
    const store = new ConsumerStore(transactional(consumerDb), replicaHandlers());
    const subscription = new FeedSubscription({
      consumer: "campaigns",
      producer: "sites",
      url: producer.url,
      key: KEY,
      store,
      pageSize: 7,
    });
    subscription.start();
    cleanups.push(() => subscription.stop());
    await subscription.caughtUp();
    expect(subscription.status()).toMatchObject({ position: "30", head: "30", lag: 0, caughtUp: true });
    // The last move of each home wins: events were applied in the order they were written.
    expect(await replica(consumerDb)).toEqual([
      { id: "site-0", county: "510727", applied: 10 },
      { id: "site-1", county: "510728", applied: 10 },
      { id: "site-2", county: "510729", applied: 10 },
    ]);
    // A new write reaches the waiting consumer through the long poll.
    const started = Date.now();
    await producer.write("site-0", "510781");
    await until(async () => (await replica(consumerDb))[0]?.county === "510781");
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("applies a redelivered event once, and keeps an event it cannot apply as a dead letter", async () => {
    const producer = await startProducer();
    await producer.write("site-1", "510722");
    await producer.write("site-1", "not a county");
    await producer.write("site-1", "510723");
    const consumerDb = await database();
    const store = new ConsumerStore(transactional(consumerDb), replicaHandlers());
    const subscription = new FeedSubscription({
      consumer: "people",
      producer: "sites",
      url: producer.url,
      key: KEY,
      store,
    });
    subscription.start();
    cleanups.push(() => subscription.stop());
    await subscription.caughtUp();
    expect(await replica(consumerDb)).toEqual([{ id: "site-1", county: "510723", applied: 2 }]);
    const [dead] = (
      await consumerDb.query<{ error: string; sequence: string }>(
        `SELECT "error", "sequence"::text AS "sequence" FROM "DeadLetterEvent"`,
      )
    ).rows;
    expect(dead).toEqual({ error: "county not a county is not a region code", sequence: "2" });
    // The same event again (a redelivery) changes nothing.
    const [first] = (
      await consumerDb.query<{ eventId: string }>(`SELECT "eventId" FROM "ConsumedEvent" LIMIT 1`)
    ).rows;
    const page = await fetch(`${producer.url}${FEED_PATH}?after=0&limit=1`, {
      headers: { authorization: `Bearer ${await signFeedToken("people", "sites", KEY)}` },
    });
    const [wire] = ((await page.json()) as { events: Array<{ id: string; sequence: string }> }).events;
    expect(wire?.id).toBe(first?.eventId);
    const { fromWire } = await import("./event.js");
    expect(await store.apply(fromWire(wire as never))).toBe("duplicate");
    expect(await replica(consumerDb)).toEqual([{ id: "site-1", county: "510723", applied: 2 }]);
  });

  it("loses nothing when the consumer stops in the middle of a burst and starts again", async () => {
    const producer = await startProducer();
    const consumerDb = await database();
    const start = () => {
      const subscription = new FeedSubscription({
        consumer: "funding",
        producer: "sites",
        url: producer.url,
        key: KEY,
        store: new ConsumerStore(transactional(consumerDb), replicaHandlers()),
        pageSize: 5,
        waitMs: 500,
      });
      subscription.start();
      return subscription;
    };
    let subscription: EventSubscription = start();
    const burst = (async () => {
      for (let i = 0; i < 60; i += 1) await producer.write(`site-${i % 4}`, String(510700 + i));
    })();
    await sleep(100);
    await subscription.stop();
    await burst;
    subscription = start();
    cleanups.push(() => subscription.stop());
    await until(async () => (await replica(consumerDb)).reduce((sum, row) => sum + row.applied, 0) >= 60);
    await sleep(300);
    const rows = await replica(consumerDb);
    expect(rows.reduce((sum, row) => sum + row.applied, 0)).toBe(60);
    expect(rows.map((row) => row.county)).toEqual(["510756", "510757", "510758", "510759"]);
  });
});

describe.runIf(NATS_URL)("NATS JetStream", () => {
  it("relays the outbox to the producer's stream and a durable consumer applies each event once", async () => {
    const nats = await connectNats(NATS_URL as string, "events-test");
    cleanups.push(() => nats.close());
    const { jetstreamManager } = await import("@nats-io/jetstream");
    const manager = await jetstreamManager(nats);
    // A producer name of its own: the test never touches the streams of a running deployment.
    const name = `test${Date.now().toString(36)}`;
    cleanups.push(() => manager.streams.delete(streamName(name)).catch(() => undefined));
    const producer = await startProducer(name);
    const relay = new OutboxRelay({ producer: name, client: sqlClient(producer.db), nats });
    relay.start();
    cleanups.push(() => relay.stop());
    const consumerDb = await database();
    const subscription = new JetStreamSubscription({
      consumer: "campaigns",
      producer: name,
      nats,
      store: new ConsumerStore(transactional(consumerDb), replicaHandlers(name)),
    });
    subscription.start();
    cleanups.push(() => subscription.stop());
    for (let i = 0; i < 20; i += 1) await producer.write(`site-${i % 2}`, String(510700 + i));
    await until(async () => (await replica(consumerDb)).reduce((sum, row) => sum + row.applied, 0) >= 20);
    // Publishing again (a relay that crashed before marking) is dropped as a duplicate by its id.
    await producer.db.query(`UPDATE "OutboxEvent" SET "publishedAt" = NULL`);
    expect(await relay.publishPending()).toBe(20);
    await sleep(500);
    const info = await manager.streams.info(streamName(name));
    expect(info.state.messages).toBe(20);
    expect(await replica(consumerDb)).toEqual([
      { id: "site-0", county: "510718", applied: 10 },
      { id: "site-1", county: "510719", applied: 10 },
    ]);
  });
});

/** Whether this machine can run a NATS server of the test's own (nats-server on the PATH). */
function natsServerBinary(): boolean {
  try {
    execFileSync("nats-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe.runIf(natsServerBinary())("NATS JetStream going down in the middle of a burst", () => {
  it("loses no event and applies none twice once the server is back", async () => {
    const store = mkdtempSync(path.join(tmpdir(), "events-nats-"));
    cleanups.push(async () => rmSync(store, { recursive: true, force: true }));
    const port = 14_222 + Math.floor(Math.random() * 500);
    let server: ChildProcess | undefined;
    const startServer = async () => {
      server = spawn("nats-server", ["-js", "-a", "127.0.0.1", "-p", String(port), "--store_dir", store], {
        stdio: "ignore",
      });
      const nats = await connectNats(`nats://127.0.0.1:${port}`, "probe").catch(() => undefined);
      for (let tries = 0; !nats && tries < 50; tries += 1) await sleep(100);
      await nats?.close();
    };
    const stopServer = async () => {
      const stopping = server;
      if (!stopping || stopping.exitCode !== null) return;
      const exited = new Promise((resolve) => stopping.once("exit", resolve));
      stopping.kill("SIGTERM");
      await exited;
    };
    cleanups.push(stopServer);
    await startServer();
    await until(async () => {
      const probe = await connectNats(`nats://127.0.0.1:${port}`, "probe").catch(() => undefined);
      await probe?.close();
      return probe !== undefined;
    });

    const nats = await connectNats(`nats://127.0.0.1:${port}`, "events-fault-test");
    cleanups.push(() => nats.close().catch(() => undefined));
    const producer = await startProducer("faultsites");
    const relay = new OutboxRelay({ producer: "faultsites", client: sqlClient(producer.db), nats });
    relay.start();
    cleanups.push(() => relay.stop());
    const consumerDb = await database();
    const subscription = new JetStreamSubscription({
      consumer: "campaigns",
      producer: "faultsites",
      nats,
      store: new ConsumerStore(transactional(consumerDb), replicaHandlers("faultsites")),
    });
    subscription.start();
    cleanups.push(() => subscription.stop());

    // 80 writes; the server goes away after the 30th and comes back after the 60th.
    for (let i = 0; i < 80; i += 1) {
      await producer.write(`site-${i % 4}`, String(510700 + i));
      if (i === 30) await stopServer();
      if (i === 60) await startServer();
    }
    await until(
      async () => (await replica(consumerDb)).reduce((sum, row) => sum + row.applied, 0) >= 80,
      30_000,
    );
    await sleep(500);
    const rows = await replica(consumerDb);
    expect(rows.reduce((sum, row) => sum + row.applied, 0)).toBe(80);
    // In order per home: each home's last write wins.
    expect(rows.map((row) => row.county)).toEqual(["510776", "510777", "510778", "510779"]);
    const consumed = await consumerDb.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "ConsumedEvent"`,
    );
    expect(consumed.rows[0]?.count).toBe(80);
  }, 60_000);
});
