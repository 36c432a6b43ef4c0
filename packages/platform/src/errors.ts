import { GraphQLError } from "graphql";

/** The stable codes clients may rely on in `extensions.code`. */
export const ErrorCode = {
  BAD_USER_INPUT: "BAD_USER_INPUT",
  NOT_FOUND: "NOT_FOUND",
  FORBIDDEN: "FORBIDDEN",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  CONFLICT: "CONFLICT",
  /** A sensitive field the caller may not read: the field is null, the rest of the answer stands. */
  REDACTED: "REDACTED",
  /** The gateway refused the operation before running it: too deep, too costly, too many requests. */
  OPERATION_LIMIT: "OPERATION_LIMIT",
  RATE_LIMITED: "RATE_LIMITED",
  PERSISTED_OPERATION_REQUIRED: "PERSISTED_OPERATION_REQUIRED",
  /** The database is busy (its queue is full or the wait too long); nothing was run. Retry later. */
  SERVICE_BUSY: "SERVICE_BUSY",
  /** The database cancelled a statement that ran past its timeout. Retry later. */
  TIMEOUT: "TIMEOUT",
  /** A subgraph the answer depends on could not be reached or failed: its fields are null, at `path`. Retry later. */
  SERVICE_UNAVAILABLE: "SERVICE_UNAVAILABLE",
  /** The operation's type is not served over HTTP (a subscription). */
  OPERATION_NOT_SUPPORTED: "OPERATION_NOT_SUPPORTED",
  /** A sum of money past 2^53 − 1 fen asked for as `fen` (a SafeInt); `amount` holds it exactly. */
  AMOUNT_BEYOND_SAFE_INTEGER: "AMOUNT_BEYOND_SAFE_INTEGER",
  INTERNAL_SERVER_ERROR: "INTERNAL_SERVER_ERROR",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The codes whose messages were written for clients; anything else is masked. */
const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.NOT_FOUND,
  ErrorCode.FORBIDDEN,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.CONFLICT,
  ErrorCode.REDACTED,
  ErrorCode.OPERATION_LIMIT,
  ErrorCode.RATE_LIMITED,
  ErrorCode.PERSISTED_OPERATION_REQUIRED,
  ErrorCode.SERVICE_BUSY,
  ErrorCode.TIMEOUT,
  ErrorCode.AMOUNT_BEYOND_SAFE_INTEGER,
  ErrorCode.SERVICE_UNAVAILABLE,
  ErrorCode.OPERATION_NOT_SUPPORTED,
  // Raised by graphql-js and Apollo Server before any resolver runs.
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

export function isClientErrorCode(code: unknown): boolean {
  return typeof code === "string" && CLIENT_CODES.has(code);
}

abstract class LamplightError extends GraphQLError {
  protected constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

/** Input that can never succeed as sent. `field` names the offending argument path, e.g. `input.regionCode`. */
export class BadUserInputError extends LamplightError {
  constructor(message: string, details: { field?: string; [key: string]: unknown } = {}) {
    super(message, ErrorCode.BAD_USER_INPUT, details);
  }
}

export class NotFoundError extends LamplightError {
  /** `details.field` names the argument that held the id, when the id came from the caller. */
  constructor(entity: string, id: string, details: { field?: string } = {}) {
    super(`${entity} ${id} was not found`, ErrorCode.NOT_FOUND, { entity, id, ...details });
  }
}

export class ForbiddenError extends LamplightError {
  constructor(message = "You are not allowed to do this", details: Record<string, unknown> = {}) {
    super(message, ErrorCode.FORBIDDEN, details);
  }
}

export class UnauthenticatedError extends LamplightError {
  constructor(message = "Authentication is required") {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

/** The request was valid but clashes with the current state (a duplicate, a lost race). */
export class ConflictError extends LamplightError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, ErrorCode.CONFLICT, details);
  }
}
