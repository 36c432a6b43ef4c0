import { describe, expect, it } from "vitest";
import { requestSignal, runWithRequestSignal } from "./request-signal.js";

describe("runWithRequestSignal", () => {
  it("gives the work, and what it awaits, the request's signal; nothing outside it", async () => {
    const cancelled = new AbortController();
    const seen = await runWithRequestSignal(cancelled.signal, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return requestSignal();
    });
    expect(seen).toBe(cancelled.signal);
    expect(requestSignal()).toBeUndefined();
  });
});
