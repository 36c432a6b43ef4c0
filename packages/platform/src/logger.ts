import { pino } from "pino";

export type Logger = pino.Logger;

/**
 * One JSON line per event; LOG_LEVEL comes from each deployable's env.ts. Written synchronously:
 * pino's default asynchronous stream lets the lines written as the process exits (the last
 * request, "stopped") overtake a write still under way, so the log would not end with them.
 */
export function createLogger(name: string, level = "info"): Logger {
  return pino({ name, level, base: { service: name } }, pino.destination({ dest: 1, sync: true }));
}
