import path from "node:path";
import { fileURLToPath } from "node:url";
import { adapterFactoryFromUrl } from "@lamplight/db-kit";
import { defineConfig } from "prisma/config";

const serviceDir = path.dirname(fileURLToPath(import.meta.url));

// Migrations run through the same driver adapter as the service, in Prisma's WASM schema
// engine: no native engine is downloaded (docs/decisions/0002-prisma-driver-adapters.md).
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(serviceDir, "prisma/schema.prisma"),
  migrations: { path: path.join(serviceDir, "prisma/migrations") },
  async adapter() {
    return adapterFactoryFromUrl(process.env.DATABASE_URL, {
      service: "funding",
      serviceDir,
      schema: process.env.DATABASE_SCHEMA,
    });
  },
});
