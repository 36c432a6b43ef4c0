import { randomBytes } from "node:crypto";
import { accessService, seedAccess } from "@lamplight/access/testing";
import { fundingService } from "@lamplight/funding/testing";
import { DEFAULT_RATE_LIMITS, RedisRateLimitStore } from "@lamplight/gateway/rate-limit";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { operationHash } from "@lamplight/platform";
import { DEMO_PARTNER_KEY } from "@lamplight/seed-kit";
import { bearerHeaders } from "@lamplight/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The README's partner call, as the demo partner's operation is registered: partners' operations
// are matched by meaning (the hash of the normalised document), may be sent as that hash alone,
// and every answer says where the caller stands in its rate limit. With REDIS_URL set, the limiter
// counts in Redis, as several gateway replicas do.
const README_OPERATION = `query PartnerFundingByCity {
  fundingTotals(groupBy: CITY) { key label amount { amount } donations }
}`;
const PARTNER_LIMIT = 12;
const ANONYMOUS_LIMIT = 3;
const partner = { "x-api-key": DEMO_PARTNER_KEY.secret };

let graph: StartedGraph;

beforeAll(async () => {
  const redisUrl = process.env.REDIS_URL;
  graph = await startGraph([fundingService, accessService], {
    gateway: {
      rateLimits: {
        ...DEFAULT_RATE_LIMITS,
        partnerPerWindow: PARTNER_LIMIT,
        anonymousPerWindow: ANONYMOUS_LIMIT,
      },
      ...(redisUrl
        ? {
            rateLimitStore: new RedisRateLimitStore(
              redisUrl,
              `lamplight-test-${randomBytes(4).toString("hex")}`,
            ),
          }
        : {}),
    },
  });
  await seedAccess(graph.subgraphs.access!.database.client as Parameters<typeof seedAccess>[0]);
});
afterAll(() => graph?.close());

type Answer = {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { extensions: { code: string } }[] };
};

async function post(body: object, headers: Record<string, string> = partner): Promise<Answer> {
  const response = await fetch(graph.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Answer["body"],
  };
}

describe("a partner's trusted operation", () => {
  it("runs as the README sends it, reprinted on one line, or with comments", async () => {
    const oneLine =
      "query PartnerFundingByCity { fundingTotals(groupBy: CITY) { key label amount { amount } donations } }";
    const commented = `# the city totals\n${README_OPERATION.replace("{\n", "{ # every city\n")}`;
    for (const query of [README_OPERATION, oneLine, commented]) {
      const { status, body } = await post({ query });
      expect(body.errors, query).toBeUndefined();
      expect(status).toBe(200);
      expect(Array.isArray(body.data?.fundingTotals)).toBe(true);
    }
  });

  it("is refused when it asks for something else, even under the registered name", async () => {
    const other = README_OPERATION.replace(" donations", "");
    const { status, body } = await post({ query: other });
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions.code).toBe("PERSISTED_OPERATION_REQUIRED");
  });

  it("runs from its normalised hash alone, and an unknown hash is PERSISTED_QUERY_NOT_FOUND", async () => {
    const sha256Hash = operationHash(parse(README_OPERATION));
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash } } });
    expect(byHash.body.errors).toBeUndefined();
    expect(Array.isArray(byHash.body.data?.fundingTotals)).toBe(true);
    const unknown = await post({
      extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } },
    });
    // Apollo's code and status, so that an APQ client sends the document with its hash next.
    expect(unknown.status).toBe(200);
    expect(unknown.body.data).toBeUndefined();
    expect(unknown.body.errors?.[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(unknown.headers.get("ratelimit")).toMatch(/^"partner";r=\d+;t=\d+$/);
  });
});

describe("the RateLimit header fields", () => {
  it("are on every answer, for partners, users and the public", async () => {
    const answered = await post({ query: README_OPERATION });
    expect(answered.headers.get("ratelimit-policy")).toBe(`"partner";q=${PARTNER_LIMIT};w=60`);
    expect(answered.headers.get("ratelimit")).toMatch(/^"partner";r=\d+;t=\d+$/);
    const refused = await post({ query: "{ fundingTotals(groupBy: CITY) { key } }" });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("ratelimit")).toMatch(/^"partner";r=\d+;t=\d+$/);
    const user = await post(
      { query: "{ __typename }" },
      await bearerHeaders({ subject: "u-headers", roles: ["CITY_ADMIN"], region: "510700" }),
    );
    expect(user.headers.get("ratelimit-policy")).toBe(`"user";q=${DEFAULT_RATE_LIMITS.userPerWindow};w=60`);
    // The user's first request of the window: one of their quota is used.
    expect(user.headers.get("ratelimit")).toMatch(
      new RegExp(`^"user";r=${DEFAULT_RATE_LIMITS.userPerWindow - 1};t=\\d+$`),
    );
    const invalid = await post({ query: "{ noSuchField }" }, {});
    expect(invalid.body.errors?.[0]?.extensions.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(invalid.headers.get("ratelimit")).toMatch(/^"anonymous";r=\d+;t=\d+$/);
  });

  it("come with Retry-After on the 429 past the limit, for the public and for a partner", async () => {
    for (const [headers, policy] of [
      [{}, "anonymous"],
      [partner, "partner"],
    ] as const) {
      let last: Answer | undefined;
      for (let i = 0; i < PARTNER_LIMIT + 1 && last?.status !== 429; i++) {
        last = await post({ query: README_OPERATION }, headers);
      }
      expect(last?.status, policy).toBe(429);
      expect(last?.body.errors?.[0]?.extensions.code).toBe("RATE_LIMITED");
      const retryAfter = Number(last?.headers.get("retry-after"));
      expect(retryAfter).toBeGreaterThan(0);
      expect(last?.headers.get("ratelimit-policy")).toMatch(new RegExp(`^"${policy}";q=\\d+;w=60$`));
      expect(last?.headers.get("ratelimit")).toBe(`"${policy}";r=0;t=${retryAfter}`);
    }
  });
});
