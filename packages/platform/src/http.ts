import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  type BaseContext as ApolloBaseContext,
  type ApolloServer,
  type ApolloServerPlugin,
  HeaderMap,
} from "@apollo/server";
import { GraphQLError } from "graphql";
import { ErrorCode } from "./errors.js";
import type { Logger } from "./logger.js";
import { requestOperationName } from "./operation-name.js";
import { runWithRequestSignal } from "./request-signal.js";

/** What the HTTP layer knows about a request when it builds the GraphQL context. */
export interface IncomingRequest {
  requestId: string;
  headers: IncomingMessage["headers"];
  /** The client's address as the socket sees it. */
  remoteAddress: string;
  logger: Logger;
}

/** An endpoint of its own beside /graphql: answers one path, before GraphQL sees the request. */
export type HttpRoute = (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>;

export interface GraphQLHttpOptions<Context extends ApolloBaseContext> {
  apollo: ApolloServer<Context>;
  logger: Logger;
  context: (request: IncomingRequest) => Promise<Context>;
  /** Resolves when the deployable can serve (its database answers); rejects otherwise. */
  ready: () => Promise<void>;
  /**
   * What `/readyz` reports beside its status, ready or not, read after `ready` settles (how far
   * behind its events are; the gateway's subgraphs and Redis).
   */
  readyDetails?: () => Record<string, unknown>;
  /** Further endpoints by path (a producer's event feed, open-data files), answered before GraphQL. */
  routes?: Record<string, HttpRoute>;
  /** Prometheus text for GET /metrics. */
  metrics?: () => string;
  /** Allowed browser origins; `*` allows any. */
  corsOrigins?: readonly string[] | "*";
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Runs after the HTTP server has stopped, on close(). */
  onClose?: () => Promise<void>;
  /** Runs when a shutdown begins, before requests drain: ends what would hold them (long polls). */
  onDrain?: () => void;
}

/** How long in-flight requests may run on after a shutdown begins, by default (SHUTDOWN_GRACE_MS). */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/**
 * Where a deployable listens unless its HOST says otherwise: the loopback only. A subgraph trusts
 * the identity header signed with IDENTITY_SIGNING_KEY, whose development default is public; a
 * port reachable from the network with that key is full access. Containers set HOST=0.0.0.0.
 */
export const DEFAULT_HOST = "127.0.0.1";

export interface RunningHttpServer {
  url: string;
  port: number;
  server: Server;
  /**
   * Stops accepting connections, lets in-flight requests finish for up to `graceMs`
   * (DEFAULT_SHUTDOWN_GRACE_MS), closes the connections still open then, stops Apollo Server and
   * runs `onClose` (databases, Redis).
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

/** The media types of the GraphQL over HTTP specification, as a response's content-type. */
const GRAPHQL_RESPONSE_JSON = "application/graphql-response+json; charset=utf-8";
const LEGACY_JSON = "application/json; charset=utf-8";

/**
 * The media type of an answer the HTTP layer writes itself (a body that is not JSON, too large, a
 * failure outside GraphQL): `application/graphql-response+json` when the client lists it in
 * `Accept`, as Apollo Server chooses for the answers it writes; `application/json` otherwise.
 */
function errorMediaType(request: IncomingMessage): string {
  return (request.headers.accept ?? "").includes("application/graphql-response+json")
    ? GRAPHQL_RESPONSE_JSON
    : LEGACY_JSON;
}

/**
 * Errors of the document itself: it does not parse, does not validate, or its variables do not
 * coerce. Apollo Server answers them 400 whatever the media type. The GraphQL over HTTP
 * specification asks for 400 under `application/graphql-response+json` (a client that asks for
 * it reads the status) but 200 under `application/json`, whose older clients read only the body.
 */
const DOCUMENT_ERROR_CODES = new Set(["GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT"]);

/** The status an `application/json` answer of Apollo's should have under the specification. */
function legacyJsonStatus(status: number, contentType: string | undefined, body: string): number {
  if (status !== 400 || !contentType?.startsWith("application/json")) return status;
  try {
    const parsed = JSON.parse(body) as { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
    const documentErrors =
      parsed.data === undefined &&
      Array.isArray(parsed.errors) &&
      parsed.errors.length > 0 &&
      parsed.errors.every((error) => DOCUMENT_ERROR_CODES.has(String(error.extensions?.code)));
    return documentErrors ? 200 : status;
  } catch {
    return status;
  }
}

/**
 * The protocol's edges, for the gateway and every subgraph alike. A subscription needs a
 * long-lived transport (WebSocket, server-sent events) that Lamplight does not serve: it is the
 * client's request that cannot be met, so it is refused before execution with 400 and
 * OPERATION_NOT_SUPPORTED, in every media type, rather than failing inside the gateway's executor
 * (a 500 with a stack in the log) or a subgraph's (which has no Subscription type).
 */
export function httpProtocolPlugin<Context extends ApolloBaseContext>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === "subscription") {
            throw new GraphQLError("Subscriptions are not served: send a query or a mutation", {
              extensions: { code: ErrorCode.OPERATION_NOT_SUPPORTED, http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown, contentType = LEGACY_JSON): void {
  response.writeHead(status, { "content-type": contentType });
  response.end(JSON.stringify(body));
}

function applyCors(
  request: IncomingMessage,
  response: ServerResponse,
  origins: readonly string[] | "*",
): void {
  const origin = request.headers.origin;
  if (!origin) return;
  if (origins === "*" || origins.includes(origin)) {
    response.setHeader("access-control-allow-origin", origins === "*" ? "*" : origin);
    response.setHeader("vary", "origin");
    response.setHeader(
      "access-control-allow-headers",
      "content-type, authorization, x-api-key, x-request-id, apollographql-client-name, apollo-require-preflight",
    );
    response.setHeader("access-control-allow-methods", "GET, POST, OPTIONS");
    response.setHeader("access-control-max-age", "600");
  }
}

/**
 * Serves an Apollo Server over node:http with the endpoints every Lamplight deployable has:
 * POST/GET /graphql, /healthz (alive), /readyz (dependencies answer), /metrics; one log line per
 * request with its id; a body size limit; CORS. Used by the gateway and every subgraph alike.
 */
export async function startGraphQLHttpServer<Context extends ApolloBaseContext>(
  options: GraphQLHttpOptions<Context>,
  port: number,
  host = DEFAULT_HOST,
): Promise<RunningHttpServer> {
  const { apollo, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const corsOrigins = options.corsOrigins ?? "*";
  await apollo.start();
  /** Set once close() begins: answers then carry `connection: close`, and /readyz says 503. */
  let draining = false;
  let lastNotReady: string | undefined;
  /** Answers not yet sent: when draining begins, each is told to close its connection after it. */
  const unanswered = new Set<ServerResponse>();
  let allAnswered: (() => void) | undefined;

  const server = createServer(async (request, response) => {
    const started = process.hrtime.bigint();
    const requestId = (request.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
    response.setHeader("x-request-id", requestId);
    // While draining, a keep-alive connection is closed after its answer instead of kept idle.
    if (draining) response.setHeader("connection", "close");
    unanswered.add(response);
    const answered = () => {
      if (unanswered.delete(response) && unanswered.size === 0) allAnswered?.();
    };
    // An answer is done once its log line is written ("finish"). Its socket may close first, even
    // when the answer is complete: then "finish" still follows (waited for a second at most). An
    // answer cut off before its end never finishes: it is done when it closes.
    response.once("close", () => {
      if (!response.writableEnded) answered();
      else setTimeout(answered, 1_000).unref();
    });
    const url = new URL(request.url ?? "/", "http://localhost");
    let operationName: string | undefined;
    response.on("finish", () => {
      if (url.pathname !== "/graphql") return answered();
      logger.info(
        {
          requestId,
          method: request.method,
          path: url.pathname,
          operationName,
          status: response.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        },
        "request",
      );
      answered();
    });

    try {
      applyCors(request, response, corsOrigins);
      if (request.method === "OPTIONS") {
        response.writeHead(204).end();
        return;
      }
      if (url.pathname === "/healthz") return sendJson(response, 200, { status: "ok" });
      if (url.pathname === "/readyz") {
        // A load balancer stops sending new requests to a deployable that is shutting down.
        if (draining) return sendJson(response, 503, { status: "stopping", ...options.readyDetails?.() });
        // The details are read once the check has run, so they report what it found.
        try {
          await options.ready();
          lastNotReady = undefined;
          return sendJson(response, 200, { status: "ready", ...options.readyDetails?.() });
        } catch (error) {
          // Once per reason, not at every probe: catching up on events can take many probes.
          const reason = error instanceof Error ? error.message : String(error);
          if (reason !== lastNotReady) logger.warn({ reason }, "not ready");
          lastNotReady = reason;
          return sendJson(response, 503, { status: "unavailable", ...options.readyDetails?.() });
        }
      }
      const route = options.routes?.[url.pathname];
      if (route) return await route(request, response, url);
      if (url.pathname === "/metrics" && options.metrics) {
        response.writeHead(200, { "content-type": "text/plain; version=0.0.4" });
        response.end(options.metrics());
        return;
      }
      if (url.pathname !== "/graphql") {
        return sendJson(response, 404, { error: "not found" });
      }

      const text = await readBody(request, maxBodyBytes);
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      let body: unknown = text;
      if (text && (headers.get("content-type") ?? "").includes("application/json")) {
        try {
          body = JSON.parse(text);
        } catch {
          return sendJson(
            response,
            400,
            {
              errors: [
                { message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } },
              ],
            },
            errorMediaType(request),
          );
        }
      }
      operationName = requestOperationName(body, url.search);
      const requestLogger = logger.child({ requestId });
      // A caller that goes away before its answer (the gateway's deadline passed, a client hung up)
      // cancels the request: its database statements not yet sent are never run.
      const cancelled = new AbortController();
      response.once("close", () => {
        if (!response.writableFinished) cancelled.abort();
      });
      const result = await runWithRequestSignal(cancelled.signal, () =>
        apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
          context: () =>
            options.context({
              requestId,
              headers: request.headers,
              remoteAddress: request.socket.remoteAddress ?? "",
              logger: requestLogger,
            }),
        }),
      );
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.statusCode = result.status ?? 200;
      if (result.body.kind === "complete") {
        response.statusCode = legacyJsonStatus(
          response.statusCode,
          result.headers.get("content-type"),
          result.body.string,
        );
        response.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body is never read: close the connection rather than reuse it.
        response.setHeader("connection", "close");
        return sendJson(
          response,
          413,
          {
            errors: [
              {
                message: `The request body is larger than ${maxBodyBytes} bytes`,
                extensions: { code: "BAD_REQUEST" },
              },
            ],
          },
          errorMediaType(request),
        );
      }
      logger.error({ err: error, requestId }, "unhandled request error");
      if (!response.headersSent) {
        sendJson(
          response,
          500,
          {
            errors: [
              { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } },
            ],
          },
          errorMediaType(request),
        );
      } else {
        response.end();
      }
    }
  });
  server.keepAliveTimeout = 65_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const actualPort = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    url: `http://localhost:${actualPort}/graphql`,
    port: actualPort,
    server,
    close({ graceMs = DEFAULT_SHUTDOWN_GRACE_MS } = {}) {
      closing ??= (async () => {
        // Stop accepting, let in-flight requests finish, drop idle keep-alive sockets now and the
        // busy ones as their answers go out (`connection: close`); whatever still runs after the
        // grace period has its connection closed.
        draining = true;
        options.onDrain?.();
        for (const response of unanswered) {
          if (!response.headersSent) response.setHeader("connection", "close");
        }
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const forced = setTimeout(() => {
          logger.warn({ graceMs }, "closing connections still open after the grace period");
          server.closeAllConnections();
        }, graceMs);
        await closed;
        clearTimeout(forced);
        // The server closes with its last socket, which may be a moment before its answer's log line.
        if (unanswered.size > 0) await new Promise<void>((resolve) => (allAnswered = resolve));
        await apollo.stop();
        await options.onClose?.();
      })();
      return closing;
    },
  };
}

/** Time beyond the grace period for stopping Apollo Server and closing databases and Redis. */
const CLOSE_DEADLINE_MS = 10_000;

/**
 * Closes the server on SIGTERM or SIGINT (Ctrl-C), and when the process that started it goes away
 * (`pnpm start` holds an IPC channel to each service): in-flight requests finish (for up to
 * `graceMs`), databases and Redis are closed, a last "stopped" line is logged and flushed, and the
 * process exits 0. A second signal, or a shutdown still running `graceMs` + 10 s after it began,
 * exits at once with 1. Apollo Server must not handle the signals itself
 * (`stopOnTerminationSignals: false`): it re-raises them, killing the process mid-request (143).
 */
export function closeOnSignals(
  running: Pick<RunningHttpServer, "close">,
  logger: Logger,
  { graceMs = DEFAULT_SHUTDOWN_GRACE_MS }: { graceMs?: number } = {},
): void {
  let stopping = false;
  const exit = (code: number) => logger.flush(() => process.exit(code));
  const stop = (reason: string) => {
    if (stopping) {
      logger.warn({ reason }, "stopping at once");
      exit(1);
      return;
    }
    stopping = true;
    const began = Date.now();
    logger.info({ reason, graceMs }, "shutting down");
    const deadlineMs = graceMs + CLOSE_DEADLINE_MS;
    setTimeout(() => {
      logger.error({ deadlineMs }, "shutdown took too long");
      exit(1);
    }, deadlineMs).unref();
    running.close({ graceMs }).then(
      () => {
        logger.info({ reason, durationMs: Date.now() - began }, "stopped");
        exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        exit(1);
      },
    );
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
  if (process.connected) process.once("disconnect", () => stop("parent process gone"));
}
