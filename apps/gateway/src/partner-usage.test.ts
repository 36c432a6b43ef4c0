import { createLogger } from "@lamplight/platform";
import { describe, expect, it } from "vitest";
import { PartnerUsage, USAGE_BATCH, type UsageCount } from "./partner-usage.js";

const logger = createLogger("test", "silent");
const KEY = "7d1f3f0e-3b7a-4c39-9a51-2f0c8b1e6a31";
const AT = Date.parse("2026-12-03T04:25:00Z");

describe("partner usage", () => {
  it("counts per key, operation and hour, and flushes in bounded batches", async () => {
    const sent: UsageCount[][] = [];
    const usage = new PartnerUsage(async (counts) => void sent.push(counts), logger);
    usage.record(KEY, "HomesInCity", "ok", AT);
    usage.record(KEY, "HomesInCity", "error", AT + 60_000);
    usage.record(KEY, null, "rateLimited", AT);
    usage.record(KEY, "HomesInCity", "ok", AT + 3_600_000);
    await usage.flush();
    expect(sent.flat()).toEqual([
      {
        keyId: KEY,
        hour: "2026-12-03T04:00:00.000Z",
        operation: "HomesInCity",
        requests: 2,
        errors: 1,
        rateLimited: 0,
      },
      {
        keyId: KEY,
        hour: "2026-12-03T04:00:00.000Z",
        operation: null,
        requests: 1,
        errors: 0,
        rateLimited: 1,
      },
      {
        keyId: KEY,
        hour: "2026-12-03T05:00:00.000Z",
        operation: "HomesInCity",
        requests: 1,
        errors: 0,
        rateLimited: 0,
      },
    ]);
    for (let n = 0; n < USAGE_BATCH + 1; n++) usage.record(KEY, `Operation${n}`, "ok", AT);
    sent.length = 0;
    await usage.flush();
    expect(sent.map((batch) => batch.length)).toEqual([USAGE_BATCH, 1]);
    expect(usage.pendingSize).toBe(0);
  });

  it("keeps the counts of a failed flush for the next one, and flushes when it stops", async () => {
    let fail = true;
    const sent: UsageCount[] = [];
    const usage = new PartnerUsage(async (counts) => {
      if (fail) throw new Error("access is down");
      sent.push(...counts);
    }, logger);
    usage.record(KEY, "HomesInCity", "ok", AT);
    await usage.flush();
    expect(usage.pendingSize).toBe(1);
    usage.record(KEY, "HomesInCity", "ok", AT);
    fail = false;
    await usage.stop();
    expect(sent).toEqual([expect.objectContaining({ operation: "HomesInCity", requests: 2 })]);
    expect(usage.pendingSize).toBe(0);
  });
});
