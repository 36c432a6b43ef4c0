import { describe, expect, it } from "vitest";
import { checkIsCurrent, nextStatus } from "./volunteer.lifecycle.js";

describe("the registration lifecycle", () => {
  it("goes applied → vetted → active → inactive, and back to active", () => {
    expect(nextStatus("APPLIED", "vet")).toEqual({ ok: true, to: "VETTED" });
    expect(nextStatus("VETTED", "activate")).toEqual({ ok: true, to: "ACTIVE" });
    expect(nextStatus("ACTIVE", "deactivate")).toEqual({ ok: true, to: "INACTIVE" });
    expect(nextStatus("INACTIVE", "activate")).toEqual({ ok: true, to: "ACTIVE" });
    expect(nextStatus("VETTED", "deactivate")).toEqual({ ok: true, to: "INACTIVE" });
  });

  it("refuses every other step, saying why", () => {
    expect(nextStatus("APPLIED", "activate")).toEqual({
      ok: false,
      reason:
        "Cannot activate a volunteer who is APPLIED: a volunteer must be vetted (background check) before being activated",
    });
    for (const [status, step] of [
      ["VETTED", "vet"],
      ["ACTIVE", "vet"],
      ["INACTIVE", "vet"],
      ["ACTIVE", "activate"],
      ["INACTIVE", "deactivate"],
      ["APPLIED", "deactivate"],
    ] as const) {
      const result = nextStatus(status, step);
      expect(result.ok, `${step} from ${status}`).toBe(false);
      if (!result.ok) expect(result.reason).toContain(`Cannot ${step} a volunteer who is ${status}`);
    }
  });

  it("counts a background check as current through its expiry day", () => {
    const day = new Date("2026-11-29");
    expect(checkIsCurrent(new Date("2026-11-29"), day)).toBe(true);
    expect(checkIsCurrent(new Date("2026-11-28"), day)).toBe(false);
    expect(checkIsCurrent(null, day)).toBe(false);
  });
});
