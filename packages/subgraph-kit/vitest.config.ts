import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// type-graphql's decorators need the metadata polyfill that src/index.ts loads in production.
// The kit's sources get graphql's CommonJS build, the one type-graphql and Apollo load: Vite would
// give them its ESM build, and a schema built by one copy fails the other's checks.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: { include: ["src/**/*.test.ts"], setupFiles: ["reflect-metadata"] },
});
