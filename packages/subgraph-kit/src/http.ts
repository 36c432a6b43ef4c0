import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type BaseContext as ApolloBaseContext, type ApolloServer, HeaderMap } from "@apollo/server";
import { runWithRequestSignal } from "@lamplight/db-kit";
import type { Logger } from "./logger.js";

/** What the HTTP layer knows about a request when it builds the GraphQL context. */
export interface IncomingRequest {
  requestId: string;
  headers: IncomingMessage["headers"];
  /** The client's address as the socket sees it. */
  remoteAddress: string;
  logger: Logger;
}

export interface GraphQLHttpOptions<Context extends ApolloBaseContext> {
  apollo: ApolloServer<Context>;
  logger: Logger;
  context: (request: IncomingRequest) => Promise<Context>;
  /** Resolves when the deployable can serve (its database answers); rejects otherwise. */
  ready: () => Promise<void>;
  /** Prometheus text for GET /metrics. */
  metrics?: () => string;
  /** Allowed browser origins; `*` allows any. */
  corsOrigins?: readonly string[] | "*";
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** Runs after the HTTP server has stopped, on close(). */
  onClose?: () => Promise<void>;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
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

function operationNameOf(body: unknown, search: string): string | undefined {
  if (body && typeof body === "object" && "operationName" in body) {
    const name = (body as { operationName?: unknown }).operationName;
    if (typeof name === "string") return name;
  }
  return new URLSearchParams(search).get("operationName") ?? undefined;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8" });
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
  host = "0.0.0.0",
): Promise<RunningHttpServer> {
  const { apollo, logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? 1_000_000;
  const corsOrigins = options.corsOrigins ?? "*";
  await apollo.start();

  const server = createServer(async (request, response) => {
    const started = process.hrtime.bigint();
    const requestId = (request.headers["x-request-id"] as string | undefined)?.slice(0, 100) || randomUUID();
    response.setHeader("x-request-id", requestId);
    const url = new URL(request.url ?? "/", "http://localhost");
    let operationName: string | undefined;
    response.on("finish", () => {
      if (url.pathname !== "/graphql") return;
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
    });

    try {
      applyCors(request, response, corsOrigins);
      if (request.method === "OPTIONS") {
        response.writeHead(204).end();
        return;
      }
      if (url.pathname === "/healthz") return sendJson(response, 200, { status: "ok" });
      if (url.pathname === "/readyz") {
        try {
          await options.ready();
          return sendJson(response, 200, { status: "ready" });
        } catch (error) {
          logger.warn({ err: error }, "not ready");
          return sendJson(response, 503, { status: "unavailable" });
        }
      }
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
          return sendJson(response, 400, {
            errors: [{ message: "The request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }],
          });
        }
      }
      operationName = operationNameOf(body, url.search);
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
        response.end(result.body.string);
        return;
      }
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        // The rest of the body is never read: close the connection rather than reuse it.
        response.setHeader("connection", "close");
        return sendJson(response, 413, {
          errors: [
            {
              message: `The request body is larger than ${maxBodyBytes} bytes`,
              extensions: { code: "BAD_REQUEST" },
            },
          ],
        });
      }
      logger.error({ err: error, requestId }, "unhandled request error");
      if (!response.headersSent) {
        sendJson(response, 500, {
          errors: [
            { message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } },
          ],
        });
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
    close() {
      closing ??= (async () => {
        // Stop accepting, let in-flight requests finish, drop idle keep-alive sockets.
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const forced = setTimeout(() => server.closeAllConnections(), 10_000);
        await closed;
        clearTimeout(forced);
        await apollo.stop();
        await options.onClose?.();
      })();
      return closing;
    },
  };
}

/** How long a graceful shutdown may take before the process gives up on it. */
const SHUTDOWN_DEADLINE_MS = 20_000;

/**
 * Closes the server on SIGTERM or SIGINT (Ctrl-C), and when the process that started it goes away
 * (`pnpm start` holds an IPC channel to each service), then exits. A second signal, or a shutdown
 * still running after the deadline, exits at once.
 */
export function closeOnSignals(running: Pick<RunningHttpServer, "close">, logger: Logger): void {
  let stopping = false;
  const exit = (code: number) => logger.flush(() => process.exit(code));
  const stop = (reason: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    logger.info({ reason }, "shutting down");
    setTimeout(() => {
      logger.error({ deadlineMs: SHUTDOWN_DEADLINE_MS }, "shutdown took too long");
      exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    running.close().then(
      () => exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        exit(1);
      },
    );
  };
  process.once("SIGTERM", () => stop("SIGTERM"));
  process.once("SIGINT", () => stop("SIGINT"));
  if (process.connected) process.once("disconnect", () => stop("parent process gone"));
}
