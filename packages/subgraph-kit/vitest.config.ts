import { defineConfig } from "vitest/config";

// type-graphql's decorators need the metadata polyfill that src/index.ts loads in production.
export default defineConfig({ test: { include: ["src/**/*.test.ts"], setupFiles: ["reflect-metadata"] } });
