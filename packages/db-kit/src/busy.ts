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
 * One connection, taken in turn: at most `queueMax` waiters, each for at most `queueWaitMs`.
 * Beyond either, the caller fails at once instead of hanging behind a slow request.
 */
export class ConnectionGate {
  private held = false;
  private readonly waiters: Array<{ grant: () => void; timer: NodeJS.Timeout }> = [];

  constructor(private readonly limits: Pick<DatabaseLimits, "queueMax" | "queueWaitMs">) {}

  /** Resolves with a release function once the connection is this caller's. */
  acquire(): Promise<() => void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.limits.queueMax) {
      return Promise.reject(new DatabaseBusyError(`${this.waiters.length} statements already waiting`));
    }
    return new Promise((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(waiter.timer);
          resolve(this.releaser());
        },
        timer: setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(new DatabaseBusyError(`waited ${this.limits.queueWaitMs} ms for the connection`));
        }, this.limits.queueWaitMs),
      };
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
type Transaction = { commit: Runner; rollback: Runner };

/**
 * Wraps an adapter so that its statements and transactions take the gate in turn. Statements
 * inside a transaction run under the transaction's turn, which ends at commit or rollback.
 */
export function gateAdapter<T extends object>(adapter: T, gate: ConnectionGate): T {
  return new Proxy(adapter, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") {
        return async (...args: unknown[]) => {
          const release = await gate.acquire();
          try {
            return await (value as Runner).apply(object, args);
          } finally {
            release();
          }
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => {
          const release = await gate.acquire();
          let transaction: Transaction;
          try {
            transaction = (await (value as Runner).apply(object, args)) as Transaction;
          } catch (error) {
            release();
            throw error;
          }
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
            commit: end(transaction.commit),
            rollback: end(transaction.rollback),
          });
        };
      }
      return value.bind(object);
    },
  });
}
