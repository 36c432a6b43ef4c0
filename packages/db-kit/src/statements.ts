import type { AdapterFactory } from "./adapter.js";
import { inRequest } from "./busy.js";

/**
 * Counts the SQL statements a service sends: all of them (for /metrics), and those sent on behalf of
 * a request (for tests that forbid N+1 queries: event delivery in the background sends its own).
 */
export class StatementCounter {
  total = 0;
  forRequests = 0;
}

type Queryable = {
  queryRaw: (...args: never[]) => Promise<unknown>;
  executeRaw: (...args: never[]) => Promise<unknown>;
};

function countCalls<T extends object>(target: T, counter: StatementCounter): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      if (property === "queryRaw" || property === "executeRaw") {
        return (...args: unknown[]) => {
          counter.total += 1;
          if (inRequest()) counter.forRequests += 1;
          return (value as (...a: unknown[]) => unknown).apply(object, args);
        };
      }
      if (property === "startTransaction") {
        return async (...args: unknown[]) => {
          const transaction = await (value as (...a: unknown[]) => Promise<Queryable>).apply(object, args);
          return countCalls(transaction, counter);
        };
      }
      return value.bind(object);
    },
  });
}

/** Wraps an adapter factory so that every statement sent through it is counted. */
export function countStatements(factory: AdapterFactory, counter: StatementCounter): AdapterFactory {
  return new Proxy(factory, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (property === "connect") {
        return async () => countCalls(await (value as () => Promise<object>).call(object), counter);
      }
      return typeof value === "function" ? value.bind(object) : value;
    },
  });
}
