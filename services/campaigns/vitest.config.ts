import { lamplightTestConfig } from "@lamplight/testing/vitest";

export default lamplightTestConfig();
