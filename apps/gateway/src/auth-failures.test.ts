import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import {
  createLogger,
  DEVELOPMENT_IDENTITY_KEY,
  DEVELOPMENT_TOKEN_KEY,
  identityKey,
} from "@lamplight/platform";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuthenticator } from "./auth.js";
import { LruCache } from "./lru-cache.js";
import { PartnerDirectory } from "./partners.js";
import { DEFAULT_RATE_LIMITS } from "./rate-limit.js";
import { createGateway } from "./server.js";

const key = identityKey(DEVELOPMENT_IDENTITY_KEY);

/** A stand-in access subgraph that knows no key and counts the requests reaching it. */
function countingAccess(): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((request, response) => {
    requests += 1;
    request.resume();
    request.on("end", () => {
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ data: { partnerCredential: null } }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
        requests: () => requests,
        close: () => new Promise((done) => server.close(() => done())),
      }),
    ),
  );
}

async function ask(url: string, headers: Record<string, string>) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query: "{ __typename }" }),
  });
  const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
  return {
    status: response.status,
    retryAfter: response.headers.get("retry-after"),
    rateLimit: response.headers.get("ratelimit"),
    code: body.errors?.[0]?.extensions?.code,
  };
}

describe("failed authentications", () => {
  let access: Awaited<ReturnType<typeof countingAccess>>;
  let running: { url: string; close(): Promise<void> };
  const budget = 5;

  beforeAll(async () => {
    access = await countingAccess();
    running = await createGateway({
      supergraphSdl: readFileSync(path.join(findWorkspaceRoot(), "supergraph.graphql"), "utf8"),
      logger: createLogger("gateway", "silent"),
      authenticate: createAuthenticator({ developmentKey: DEVELOPMENT_TOKEN_KEY }),
      identityKey: key,
      subgraphUrls: { access: access.url },
      rateLimits: { ...DEFAULT_RATE_LIMITS, failedAuthPerWindow: budget },
    }).listen(0, "127.0.0.1");
  });
  afterAll(async () => {
    await running?.close();
    await access?.close();
  });

  it("refuse an address with RATE_LIMITED, 429 and Retry-After once its bad tokens use up the budget", async () => {
    const statuses: number[] = [];
    const remaining: string[] = [];
    for (let i = 0; i < budget; i++) {
      const refusal = await ask(running.url, { authorization: `Bearer not-a-token-${i}` });
      statuses.push(refusal.status);
      // Each 401 tells what is left of the failed-authentication budget.
      remaining.push(/r=(\d+)/.exec(refusal.rateLimit ?? "")?.[1] ?? "none");
      expect(refusal.rateLimit).toMatch(/^"failed-authentication";r=\d+;t=\d+$/);
    }
    expect(statuses).toEqual(Array(budget).fill(401));
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const refused = await ask(running.url, { authorization: "Bearer not-a-token-again" });
    expect(refused).toMatchObject({ status: 429, code: "RATE_LIMITED" });
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    // Over the budget, even an unknown API key from that address is refused before the access subgraph is asked.
    const before = access.requests();
    expect((await ask(running.url, { "x-api-key": "lk_refused-before-asking" })).status).toBe(429);
    expect(access.requests()).toBe(before);
    // The public is not refused for it: anonymous requests have their own budget.
    expect((await ask(running.url, {})).status).toBe(200);
  });
});

describe("unknown partner keys", () => {
  it("cost the access subgraph one request while they are remembered, even asked at once", async () => {
    const access = await countingAccess();
    try {
      const directory = new PartnerDirectory(() => access.url, key, { negativeCacheMs: 60_000 });
      const attempts = Array.from({ length: 10 }, () => directory.principal("lk_unknown-key"));
      for (const attempt of attempts) await expect(attempt).rejects.toThrow("The API key is not valid");
      for (let i = 0; i < 10; i++) {
        await expect(directory.principal("lk_unknown-key")).rejects.toThrow("The API key is not valid");
      }
      expect(access.requests()).toBe(1);
      // Another unknown key is asked about on its own.
      await expect(directory.principal("lk_another-key")).rejects.toThrow();
      expect(access.requests()).toBe(2);
    } finally {
      await access.close();
    }
  });

  it("are asked about again once their short memory runs out", async () => {
    const access = await countingAccess();
    try {
      const directory = new PartnerDirectory(() => access.url, key, { negativeCacheMs: 30 });
      await expect(directory.principal("lk_unknown-key")).rejects.toThrow();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await expect(directory.principal("lk_unknown-key")).rejects.toThrow();
      expect(access.requests()).toBe(2);
    } finally {
      await access.close();
    }
  });

  it("fill a bounded partner cache that forgets one entry at a time", async () => {
    const access = await countingAccess();
    try {
      const directory = new PartnerDirectory(() => access.url, key, {
        negativeCacheMs: 60_000,
        maxEntries: 3,
      });
      for (const secret of ["lk_a", "lk_b", "lk_c", "lk_d"])
        await expect(directory.principal(secret)).rejects.toThrow();
      expect(directory.cacheSize).toBe(3);
      expect(access.requests()).toBe(4);
      // lk_a went; lk_b, lk_c and lk_d are still remembered.
      for (const secret of ["lk_b", "lk_c", "lk_d"])
        await expect(directory.principal(secret)).rejects.toThrow();
      expect(access.requests()).toBe(4);
      await expect(directory.principal("lk_a")).rejects.toThrow();
      expect(access.requests()).toBe(5);
    } finally {
      await access.close();
    }
  });
});

describe("the partner cache", () => {
  it("evicts the least recently used entry, one at a time", () => {
    const cache = new LruCache<number>(3);
    cache.set("a", 1, 60_000);
    cache.set("b", 2, 60_000);
    cache.set("c", 3, 60_000);
    expect(cache.get("a")).toBe(1); // a is now the most recently used
    cache.set("d", 4, 60_000);
    expect(cache.size).toBe(3);
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c"), cache.get("d")]).toEqual([1, 3, 4]);
  });

  it("expires each entry on its own", () => {
    const cache = new LruCache<string>(10);
    const now = 1_000_000;
    cache.set("short", "x", 10, now);
    cache.set("long", "y", 1_000, now);
    expect(cache.get("short", now + 20)).toBeUndefined();
    expect(cache.get("long", now + 20)).toBe("y");
    expect(cache.size).toBe(1);
  });
});
