import path from "node:path";
import { fileURLToPath } from "node:url";
import { type AdapterFactory, adapterFactoryFromUrl } from "./adapter.js";

/**
 * The Prisma CLI configuration of one service (for its prisma.config.ts): migrations run through
 * the same driver adapter as the service, in Prisma's WASM schema engine, so no native engine is
 * downloaded (docs/decisions/0002-prisma-driver-adapters.md). DATABASE_URL and DATABASE_SCHEMA are
 * read here because the CLI, not a service, loads this file.
 */
export function servicePrismaConfig(service: string, configFileUrl: string) {
  const serviceDir = path.dirname(fileURLToPath(configFileUrl));
  return {
    experimental: { adapter: true },
    engine: "js",
    // The folder: the service's schema.prisma and the tables every subgraph has
    // (subgraph-tables.prisma, linked from db-kit).
    schema: path.join(serviceDir, "prisma"),
    migrations: { path: path.join(serviceDir, "prisma/migrations") },
    async adapter(): Promise<AdapterFactory> {
      return adapterFactoryFromUrl(process.env.DATABASE_URL, {
        service,
        serviceDir,
        schema: process.env.DATABASE_SCHEMA,
      });
    },
  } as const;
}
