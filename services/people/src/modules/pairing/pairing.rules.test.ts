import { describe, expect, it } from "vitest";
import { pairingProblems } from "./pairing.rules.js";

const day = new Date("2026-11-29");
const ready = {
  status: "ACTIVE" as const,
  backgroundCheckExpiresOn: new Date("2027-06-30"),
  trainings: [{ topic: "CHILD_PROTECTION" as const, completedOn: new Date("2026-03-01"), expiresOn: null }],
  openPairings: 2,
};

describe("pairingProblems", () => {
  it("finds none for an active, vetted, trained volunteer with a place left", () => {
    expect(pairingProblems(ready, day, 3)).toEqual([]);
  });

  it("names every rule broken", () => {
    const codes = pairingProblems(
      {
        status: "VETTED",
        backgroundCheckExpiresOn: new Date("2026-11-28"),
        trainings: [{ topic: "FIRST_AID", completedOn: new Date("2026-03-01"), expiresOn: null }],
        openPairings: 3,
      },
      day,
      3,
    ).map((problem) => problem.code);
    expect(codes).toEqual([
      "VOLUNTEER_NOT_ACTIVE",
      "BACKGROUND_CHECK_EXPIRED",
      "NOT_TRAINED",
      "PAIRING_LIMIT_REACHED",
    ]);
  });

  it("does not count an expired child-protection training, nor a missing check", () => {
    const codes = pairingProblems(
      {
        ...ready,
        backgroundCheckExpiresOn: null,
        trainings: [
          {
            topic: "CHILD_PROTECTION",
            completedOn: new Date("2024-03-01"),
            expiresOn: new Date("2026-03-01"),
          },
        ],
      },
      day,
      3,
    ).map((problem) => problem.code);
    expect(codes).toEqual(["BACKGROUND_CHECK_MISSING", "NOT_TRAINED"]);
  });
});
