import { describe, expect, it } from "vitest";
import { checkTransition, highestLevel, nextStatuses, type TransitionFacts } from "./transition.machine.js";

const NOTHING: TransitionFacts = {
  hasApplication: false,
  reviews: {},
  constructionAwarded: false,
  hasLocation: false,
};
const EVERYTHING: TransitionFacts = {
  hasApplication: true,
  reviews: { COUNTY: "APPROVE", CITY: "APPROVE", PROVINCE: "APPROVE" },
  constructionAwarded: true,
  hasLocation: true,
};

describe("the site lifecycle", () => {
  it("walks proposed → applied → under review → approved → tendering → building → open ⇄ suspended → closed", () => {
    const path = [
      "PROPOSED",
      "APPLIED",
      "UNDER_REVIEW",
      "APPROVED",
      "TENDERING",
      "BUILDING",
      "OPEN",
      "SUSPENDED",
      "OPEN",
      "CLOSED",
    ] as const;
    for (let i = 1; i < path.length; i++) {
      expect(checkTransition(path[i - 1]!, path[i]!, "PROVINCE", EVERYTHING)).toEqual({ ok: true });
    }
  });

  it("lists where a site can go next", () => {
    expect(nextStatuses("UNDER_REVIEW")).toEqual(["APPROVED", "REJECTED"]);
    expect(nextStatuses("OPEN")).toEqual(["SUSPENDED", "CLOSED"]);
    expect(nextStatuses("REJECTED")).toEqual([]);
    expect(nextStatuses("CLOSED")).toEqual([]);
  });

  it("refuses a move that does not exist, naming the current and the requested status", () => {
    const verdict = checkTransition("PROPOSED", "OPEN", "PROVINCE", EVERYTHING);
    expect(verdict).toMatchObject({ ok: false, reason: "ILLEGAL" });
    expect(verdict.ok === false && verdict.message).toBe(
      "A site that is PROPOSED cannot become OPEN; it can become APPLIED",
    );
    expect(checkTransition("APPROVED", "APPROVED", "PROVINCE", EVERYTHING)).toMatchObject({
      reason: "ILLEGAL",
    });
    expect(checkTransition("CLOSED", "OPEN", "PROVINCE", EVERYTHING)).toMatchObject({
      reason: "ILLEGAL",
      message: "A site that is CLOSED cannot become OPEN",
    });
  });

  it("keeps approval for the province and closing for the city or above", () => {
    expect(checkTransition("UNDER_REVIEW", "APPROVED", "CITY", EVERYTHING)).toMatchObject({
      reason: "LEVEL",
      minLevel: "PROVINCE",
    });
    expect(checkTransition("OPEN", "CLOSED", "COUNTY", EVERYTHING)).toMatchObject({ reason: "LEVEL" });
    expect(checkTransition("OPEN", "CLOSED", "CITY", EVERYTHING)).toEqual({ ok: true });
    expect(checkTransition("OPEN", "SUSPENDED", "COUNTY", EVERYTHING)).toEqual({ ok: true });
  });

  it("checks what must hold first", () => {
    expect(checkTransition("PROPOSED", "APPLIED", "COUNTY", NOTHING)).toMatchObject({
      reason: "PRECONDITION",
      unmet: "an application has been submitted",
    });
    const countyAndCity = { ...EVERYTHING, reviews: { COUNTY: "APPROVE", CITY: "APPROVE" } } as const;
    expect(checkTransition("UNDER_REVIEW", "APPROVED", "PROVINCE", countyAndCity)).toMatchObject({
      reason: "PRECONDITION",
    });
    expect(checkTransition("UNDER_REVIEW", "REJECTED", "COUNTY", countyAndCity)).toMatchObject({
      reason: "PRECONDITION",
    });
    expect(
      checkTransition("UNDER_REVIEW", "REJECTED", "COUNTY", { ...NOTHING, reviews: { CITY: "REJECT" } }),
    ).toEqual({ ok: true });
    expect(checkTransition("TENDERING", "BUILDING", "CITY", NOTHING)).toMatchObject({
      unmet: "a construction contract has been awarded",
    });
    expect(checkTransition("BUILDING", "OPEN", "COUNTY", NOTHING)).toMatchObject({
      unmet: "the site has a location",
    });
  });

  it("checks the move before the level, and the level before the facts", () => {
    expect(checkTransition("OPEN", "APPROVED", "COUNTY", NOTHING)).toMatchObject({ reason: "ILLEGAL" });
    expect(checkTransition("UNDER_REVIEW", "APPROVED", "COUNTY", NOTHING)).toMatchObject({ reason: "LEVEL" });
  });

  it("takes the highest level among an actor's roles", () => {
    expect(highestLevel(["COUNTY", "PROVINCE", "CITY"])).toBe("PROVINCE");
    expect(highestLevel([])).toBeNull();
  });
});
