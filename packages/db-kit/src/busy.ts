import { requestSignal } from "@lamplight/platform";

/** The database's limits for one service: how long a statement may run, how many may wait. */
export interface DatabaseLimits {
  /** PostgreSQL cancels a statement that runs longer than this (0: no limit). */
  statementTimeoutMs: number;
  /** Embedded PGlite: statements and transactions that may wait for its one connection. */
  queueMax: number;
  /** Embedded PGlite: how long one may wait before it fails with SERVICE_BUSY. */
  queueWaitMs: number;
}

export const DEFAULT_DATABASE_LIMITS: DatabaseLimits = {
  statementTimeoutMs: 15_000,
  queueMax: 64,
  queueWaitMs: 10_000,
};

/** The database is busy: the statement was not run. Safe to retry later. */
export class DatabaseBusyError extends Error {
  readonly code = "SERVICE_BUSY";
  constructor(reason: string) {
    super(`The database is busy (${reason}); try again shortly`);
    this.name = "DatabaseBusyError";
  }
}

/**
 * The statement belongs to a request whose caller has gone (the gateway gave up on it, a client
 * disconnected): it was not run. Nobody reads the answer, so this is only logged.
 */
export class RequestCancelledError extends Error {
  readonly code = "REQUEST_CANCELLED";
  constructor() {
    super("The request was cancelled by its caller; the statement was not run");
    this.name = "RequestCancelledError";
  }
}

/** Whether the caller runs on behalf of a request (not background work such as event delivery). */
export function inRequest(): boolean {
  return requestSignal() !== undefined;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new RequestCancelledError();
}

/**
 * One connection, taken in turn: at most `queueMax` waiters, each for at most `queueWaitMs`.
 * Beyond either, the caller fails at once instead of hanging behind a slow request; a waiter whose
 * request is cancelled leaves the queue.
 */
export class ConnectionGate {
  private held = false;
  private readonly waiters: Array<{ grant: () => void }> = [];

  constructor(private readonly limits: Pick<DatabaseLimits, "queueMax" | "queueWaitMs">) {}

  /** Resolves with a release function once the connection is this caller's. */
  acquire(signal?: AbortSignal): Promise<() => void> {
    throwIfCancelled(signal);
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.limits.queueMax) {
      return Promise.reject(new DatabaseBusyError(`${this.waiters.length} statements already waiting`));
    }
    return new Promise((resolve, reject) => {
      const leave = (error: Error) => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        settle();
        reject(error);
      };
      const onAbort = () => leave(new RequestCancelledError());
      const timer = setTimeout(
        () => leave(new DatabaseBusyError(`waited ${this.limits.queueWaitMs} ms for the connection`)),
        this.limits.queueWaitMs,
      );
      const settle = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
      };
      const waiter = {
        grant: () => {
          settle();
          resolve(this.releaser());
        },
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      if (next) next.grant();
      else this.held = false;
    };
  }
}

type Runner = (...args: unknown[]) => Promise<unknown>;
type Transaction = { queryRaw: Runner; executeRaw: Runner; commit: Runner; rollback: Runner };

/** A turn on the connection: the gate's when there is one, otherwise nothing to wait for. */
const noGate = {
  async acquire(signal?: AbortSignal) {
    throwIfCancelled(signal);
    return () => {};
  },
};

/**
 * Wraps an adapter so that a cancelled request's statements are never sent and, with a gate, its
 * statements and transactions take the one connection in turn. Statements inside a transaction run
 * under the transaction's turn, which ends at commit or rollback; a cancelled request's next
 * statement in a transaction fails, so Prisma rolls it back.
 */
export function guardAdapter<T extends object>(adapter: T, gate?: ConnectionGate): T {
  const turns = gate ?? noGate;
  return new Proxy(adapter, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") {
        return async (...args: unknown[]) => {
          const release = await turns.acquire(requestSignal());
          try {
            return await (value as Runner).apply(object, args);
          } finally {
            release();
          }
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => {
          const signal = requestSignal();
          const release = await turns.acquire(signal);
          let transaction: Transaction;
          try {
            transaction = (await (value as Runner).apply(object, args)) as Transaction;
          } catch (error) {
            release();
            throw error;
          }
          const statement =
            (method: Runner) =>
            async (...statementArgs: unknown[]) => {
              throwIfCancelled(signal);
              return method.apply(transaction, statementArgs);
            };
          const end =
            (method: Runner) =>
            async (...endArgs: unknown[]) => {
              try {
                return await method.apply(transaction, endArgs);
              } finally {
                release();
              }
            };
          return Object.assign(Object.create(transaction) as Transaction, {
            queryRaw: statement(transaction.queryRaw),
            executeRaw: statement(transaction.executeRaw),
            commit: end(transaction.commit),
            rollback: end(transaction.rollback),
          });
        };
      }
      return value.bind(object);
    },
  });
}
