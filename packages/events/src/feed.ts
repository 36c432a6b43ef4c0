import type { IncomingMessage, ServerResponse } from "node:http";
import { jwtVerify, SignJWT } from "jose";
import type { DomainEvent, SqlClient, WireEvent } from "./event.js";
import { toWire } from "./event.js";
import { outboxHead, readOutbox } from "./outbox.js";

/** Where every producer serves its outbox to consumers when NATS is not configured. */
export const FEED_PATH = "/events";

/** Most events in one page of the feed, and the longest a long poll may be held. */
export const FEED_LIMITS = { pageMax: 1_000, pageDefault: 200, waitMaxMs: 30_000 } as const;

/** Something that says "the outbox may have grown": the database's NOTIFY at each commit. */
export interface Wakeups {
  subscribe(listener: () => void): () => void;
}

/** A page of the feed: events after the cursor, and the producer's latest sequence (for the lag). */
export interface FeedPage {
  events: WireEvent[];
  head: string;
}

const audience = (producer: string) => `lamplight-events:${producer}`;

/**
 * The token a consumer presents to a producer's feed: HMAC-signed with the deployment's identity
 * key, naming the consumer and the producer, valid one minute. The feed holds facts of every
 * child's home and region, so it is never public.
 */
export function signFeedToken(consumer: string, producer: string, key: Uint8Array): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(consumer)
    .setAudience(audience(producer))
    .setIssuedAt()
    .setExpirationTime("60s")
    .sign(key);
}

export interface FeedHandlerOptions {
  producer: string;
  client: SqlClient;
  key: Uint8Array;
  wakeups?: Wakeups;
  /** Ends every held long poll (the server is stopping). */
  signal?: AbortSignal;
  onError?: (error: unknown) => void;
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "cache-control": "no-store",
  });
  response.end(JSON.stringify(body));
}

function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  send(response, status, { errors: [{ message, extensions: { code } }] });
}

/** A whole number in [min, max] from a query parameter, its default when absent, or undefined when bad. */
function parameter(value: string | null, fallback: number, min: number, max: number): number | undefined {
  if (value === null || value === "") return fallback;
  if (!/^\d+$/.test(value)) return undefined;
  const number = Number(value);
  return number >= min && number <= max ? number : undefined;
}

/** Resolves after `ms`, at a wakeup, or when either signal aborts; whichever comes first. */
function nextWakeup(ms: number, wakeups: Wakeups | undefined, signals: AbortSignal[]): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe?.();
      for (const signal of signals) signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    const unsubscribe = wakeups?.subscribe(done);
    for (const signal of signals) {
      if (signal.aborted) return done();
      signal.addEventListener("abort", done, { once: true });
    }
  });
}

/**
 * `GET /events?after=<sequence>&limit=<n>&waitMs=<ms>`: the producer's events after the cursor,
 * oldest first. With none yet and `waitMs` given, the answer is held until one commits (a long
 * poll), so a consumer hears of a write within moments without polling hard. Consumers only: a
 * valid feed token for this producer, else 401.
 */
export function createFeedHandler(options: FeedHandlerOptions) {
  const { producer, client, key } = options;
  return async (request: IncomingMessage, response: ServerResponse, url: URL): Promise<void> => {
    if (request.method !== "GET") return refuse(response, 405, "BAD_REQUEST", "The feed answers GET only");
    // Stopping: no new poll is held; consumers back off and come back to the next process.
    if (options.signal?.aborted) {
      response.setHeader("retry-after", "1");
      return refuse(response, 503, "SERVICE_BUSY", "This producer is stopping; try again shortly");
    }
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    try {
      if (!token) throw new Error("no token");
      await jwtVerify(token, key, { audience: audience(producer), algorithms: ["HS256"] });
    } catch {
      return refuse(response, 401, "UNAUTHENTICATED", "The event feed needs a consumer's feed token");
    }
    const afterText = url.searchParams.get("after") ?? "0";
    const limit = parameter(url.searchParams.get("limit"), FEED_LIMITS.pageDefault, 1, FEED_LIMITS.pageMax);
    const waitMs = parameter(url.searchParams.get("waitMs"), 0, 0, FEED_LIMITS.waitMaxMs);
    if (!/^\d{1,19}$/.test(afterText) || limit === undefined || waitMs === undefined) {
      return refuse(
        response,
        400,
        "BAD_USER_INPUT",
        `after is a sequence (digits); limit 1 to ${FEED_LIMITS.pageMax}; waitMs 0 to ${FEED_LIMITS.waitMaxMs}`,
      );
    }
    const after = BigInt(afterText);
    const gone = new AbortController();
    response.once("close", () => gone.abort());
    const signals = [gone.signal, ...(options.signal ? [options.signal] : [])];
    const deadline = Date.now() + waitMs;
    const ended = () => signals.some((signal) => signal.aborted);
    try {
      let events: DomainEvent[] = await readOutbox(client, producer, after, limit);
      // Woken at each commit; and in case a wakeup was missed (a lost LISTEN connection), the
      // outbox is looked at again every few seconds while the poll is held (every second without).
      const fallbackMs = options.wakeups ? 5_000 : 1_000;
      while (events.length === 0 && Date.now() < deadline) {
        await nextWakeup(Math.min(fallbackMs, deadline - Date.now()), options.wakeups, signals);
        if (ended()) break;
        events = await readOutbox(client, producer, after, limit);
      }
      if (gone.signal.aborted) return;
      const head = await outboxHead(client);
      const page: FeedPage = { events: events.map(toWire), head: head.toString() };
      send(response, 200, page);
    } catch (error) {
      options.onError?.(error);
      if (!response.headersSent)
        refuse(response, 503, "SERVICE_BUSY", "The feed could not be read; try again");
    }
  };
}
