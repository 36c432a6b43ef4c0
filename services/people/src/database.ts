import path from "node:path";
import { fileURLToPath } from "node:url";
import { type DatabaseLimits, openDatabase, TRANSACTION_OPTIONS } from "@lamplight/db-kit";
import { PrismaClient } from "./generated/prisma/client.js";

export type { PrismaClient };
export const SERVICE_NAME = "people";
/** The package directory: it holds prisma.config.ts, the migrations and the embedded data. */
export const SERVICE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function openPeopleDatabase(options: {
  databaseUrl: string | undefined;
  schema?: string | undefined;
  migrate?: boolean;
  limits?: Partial<DatabaseLimits>;
}) {
  return openDatabase({
    service: SERVICE_NAME,
    serviceDir: SERVICE_DIR,
    ...options,
    createClient: (adapter) => new PrismaClient({ adapter, transactionOptions: TRANSACTION_OPTIONS }),
  });
}
