import { pino } from "pino";

export type Logger = pino.Logger;

/** One JSON line per event; LOG_LEVEL comes from each deployable's env.ts. */
export function createLogger(name: string, level = "info"): Logger {
  return pino({ name, level, base: { service: name } });
}
