import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLError, GraphQLFormattedError } from "graphql";
import { ErrorCode, isClientErrorCode } from "./errors.js";
import type { Logger } from "./logger.js";

/**
 * The database refusing or cancelling work under load: db-kit's SERVICE_BUSY (a full queue, a wait
 * too long) and PostgreSQL's statement timeout (SQLSTATE 57014). Prisma may wrap either, so the
 * error, its causes and their messages are searched.
 */
function databaseLoadCode(error: unknown): ErrorCode | undefined {
  for (let current = error, depth = 0; current && depth < 6; depth += 1) {
    const { code, message, cause, originalCode } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
    };
    const text = typeof message === "string" ? message : "";
    if (code === ErrorCode.SERVICE_BUSY || text.includes("The database is busy"))
      return ErrorCode.SERVICE_BUSY;
    if (
      code === "57014" ||
      originalCode === "57014" ||
      text.includes("canceling statement due to statement timeout")
    ) {
      return ErrorCode.TIMEOUT;
    }
    current = cause;
  }
  return undefined;
}

/**
 * Apollo's formatError: errors written for clients pass; everything else becomes
 * INTERNAL_SERVER_ERROR with no message, path only. Stack traces never leave the process; the
 * logging plugin below records them with the request id. A subgraph's server adds its own
 * translations first (subgraph-kit's maskSubgraphError).
 */
export function maskError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const load =
    databaseLoadCode(original) ?? databaseLoadCode((error as { originalError?: unknown })?.originalError);
  if (load) {
    return {
      message:
        load === ErrorCode.SERVICE_BUSY
          ? "The service is busy; try again shortly"
          : "The request took too long and was cancelled; try again shortly",
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: { code: load },
    };
  }
  const code = formatted.extensions?.code;
  if (isClientErrorCode(code)) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: "Internal server error",
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}

/** Logs every error a client will see masked, with the request id that the response carries. */
export function errorLoggingPlugin<Context extends BaseContext & { requestId: string }>(
  logger: Logger,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            const original = unwrapResolverError(error);
            const code = (error.extensions?.code ??
              (original as GraphQLError | undefined)?.extensions?.code) as unknown;
            if (isClientErrorCode(code)) continue;
            logger.error(
              { err: original ?? error, requestId: contextValue.requestId, operationName, path: error.path },
              "resolver error",
            );
          }
        },
      };
    },
  };
}
