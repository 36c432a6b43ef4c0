import { defineConfig } from "vitest/config";

/**
 * The test settings every Lamplight package shares. Built workspace packages (their dist/) load
 * through Node as in production: bundled by Vite instead, they would pick graphql's ESM build
 * while type-graphql and Apollo load its CommonJS one, and two copies of graphql break schemas.
 */
export function lamplightTestConfig(options: { include?: string[] } = {}) {
  return defineConfig({
    test: {
      include: options.include ?? ["src/**/*.test.ts", "test/**/*.test.ts"],
      server: {
        deps: {
          external: [
            /\/packages\/[^/]+\/dist\//,
            /\/apps\/[^/]+\/dist\//,
            /\/integration-tests\/harness\/dist\//,
          ],
        },
      },
      // Servers start on real databases in seconds; a hook may build a database template.
      testTimeout: 30_000,
      hookTimeout: 180_000,
      // PGlite is memory-hungry (one WebAssembly PostgreSQL per server): two files at a time on 2 cores.
      maxWorkers: 2,
    },
  });
}
