import { AsyncLocalStorage } from "node:async_hooks";

/**
 * The abort signal of the request being served. The HTTP layer opens the scope; every statement
 * sent within it (Prisma calls the adapter in the request's async context) checks it, so work for a
 * caller that has gone stops at its next statement instead of running to the end.
 */
const requestScope = new AsyncLocalStorage<AbortSignal>();

export function runWithRequestSignal<T>(signal: AbortSignal, work: () => T): T {
  return requestScope.run(signal, work);
}

/** The signal of the request the caller runs for; undefined in background work (event delivery). */
export function requestSignal(): AbortSignal | undefined {
  return requestScope.getStore();
}
