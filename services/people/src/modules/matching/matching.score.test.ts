import { describe, expect, it } from "vitest";
import { type MatchCandidate, type MatchTarget, scoreVolunteer, targetNeeds } from "./matching.score.js";

const child: MatchTarget = {
  regionCode: "510723",
  cityCode: "510700",
  needs: [
    { category: "PSYCHOLOGICAL", level: "HIGH", children: 1 },
    { category: "LEARNING", level: "LOW", children: 1 },
  ],
};

const base: MatchCandidate = {
  kind: "COLLEGE_STUDENT",
  skills: [],
  regionCode: "510703",
  cityCode: "510700",
  availableDays: ["MONDAY"],
  weeklyHours: 0,
  placesLeft: 1,
};

describe("scoreVolunteer", () => {
  it("gives points for each need a skill serves, weighted by its level, and says so", () => {
    const counsellor = scoreVolunteer({ ...base, skills: ["COUNSELLING"] }, child);
    const tutor = scoreVolunteer({ ...base, skills: ["TUTORING"] }, child);
    expect(counsellor.score - tutor.score).toBe(20); // HIGH 30 against LOW 10
    expect(counsellor.reasons).toContain("counselling skill for a high psychological need");
    expect(tutor.reasons).toContain("tutoring skill for a low learning need");
  });

  it("prefers a professional for the need, the child's county over the city, and availability", () => {
    const plain = scoreVolunteer(base, child);
    expect(scoreVolunteer({ ...base, kind: "PSYCHOLOGICAL_COUNSELLOR" }, child)).toEqual({
      score: plain.score + 15,
      reasons: ["a psychological counsellor for a psychological need", ...plain.reasons],
    });
    const sameCounty = scoreVolunteer({ ...base, regionCode: "510723" }, child);
    expect(sameCounty.score - plain.score).toBe(15); // 25 for the county instead of 10 for the city
    expect(sameCounty.reasons).toContain("lives in the child's county");
    expect(plain.reasons).toContain("lives in the child's city");
    const available = scoreVolunteer({ ...base, weeklyHours: 20, availableDays: ["SATURDAY"] }, child);
    expect(available.score - plain.score).toBe(25); // 10 hours counted, 2 each, and 5 for weekends
    expect(available.reasons).toEqual(
      expect.arrayContaining(["available 20 hours a week", "available at weekends"]),
    );
  });

  it("weighs a home's needs by how many children have them, and counts places left", () => {
    const home: MatchTarget = { ...child, needs: [{ category: "HEALTH", level: "MEDIUM", children: 4 }] };
    const doctor = scoreVolunteer({ ...base, kind: "DOCTOR", skills: ["HEALTH_CARE"], placesLeft: 3 }, home);
    expect(doctor.score).toBe(20 * 4 + 15 * 4 + 10 + 3 * 3);
    expect(doctor.reasons).toEqual([
      "health care skill for a medium health need (4 children)",
      "a doctor for a health need (4 children)",
      "lives in the child's city",
      "3 places left for pairing",
    ]);
  });

  it("is the same for the same input", () => {
    const candidate = { ...base, skills: ["READING", "ARTS_AND_SPORTS"] as MatchCandidate["skills"] };
    expect(scoreVolunteer(candidate, child)).toEqual(scoreVolunteer(candidate, child));
  });
});

describe("targetNeeds", () => {
  it("sums a home's children per category, by each child's latest assessment, at the highest level", () => {
    expect(
      targetNeeds([
        // newest first: the psychological need was reassessed down to LOW
        [
          { category: "PSYCHOLOGICAL", level: "LOW" },
          { category: "PSYCHOLOGICAL", level: "HIGH" },
        ],
        [
          { category: "PSYCHOLOGICAL", level: "MEDIUM" },
          { category: "SAFETY", level: "LOW" },
        ],
        [],
      ]),
    ).toEqual([
      { category: "PSYCHOLOGICAL", level: "MEDIUM", children: 2 },
      { category: "SAFETY", level: "LOW", children: 1 },
    ]);
  });
});
