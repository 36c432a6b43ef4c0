import { createRequire } from "node:module";
import { defineConfig } from "vitest/config";

const require = createRequire(import.meta.url);

// The package's sources get graphql's CommonJS build, the one Apollo Server loads: Vite would give
// them its ESM build, and an error made by one copy is not an instance of the other's GraphQLError.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve("graphql") }] },
  test: { include: ["src/**/*.test.ts"] },
});
