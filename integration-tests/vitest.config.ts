import { lamplightTestConfig } from "@lamplight/testing/vitest";

export default lamplightTestConfig({ include: ["src/**/*.test.ts"] });
