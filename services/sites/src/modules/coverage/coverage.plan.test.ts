import { describe, expect, it } from "vitest";
import { complianceOf } from "../equipment/equipment.compliance.js";
import { byNeed, coverageRatio, homesNeeded } from "./coverage.plan.js";

describe("coverage arithmetic", () => {
  it("gives places per child, and nothing when the count is unknown or suppressed", () => {
    expect(coverageRatio(120, 400)).toBe(0.3);
    expect(coverageRatio(100, 300)).toBe(0.3333);
    expect(coverageRatio(100, null)).toBeNull();
    expect(coverageRatio(100, 0)).toBeNull();
  });

  it("counts the new homes of 60 places needed for every child to have one", () => {
    expect(homesNeeded(120, 400)).toBe(5);
    expect(homesNeeded(400, 120)).toBe(0);
    expect(homesNeeded(0, 61)).toBe(2);
    expect(homesNeeded(0, null)).toBeNull();
  });
});

describe("regions by need", () => {
  it("puts the most homes needed first, then the fewest places per child, unknown counts last", () => {
    const need = (code: string, capacity: number, children: number | null) => ({
      code,
      capacity,
      children,
      homesNeeded: homesNeeded(capacity, children),
      coverageRatio: coverageRatio(capacity, children),
    });
    const ordered = byNeed([
      need("510703", 120, 400),
      need("510704", 0, null),
      need("510722", 60, 70),
      need("510723", 40, 200),
      need("510781", 300, 100),
    ]);
    expect(ordered.map((entry) => [entry.code, entry.homesNeeded])).toEqual([
      ["510703", 5],
      ["510723", 3],
      ["510722", 1],
      ["510781", 0],
      ["510704", null],
    ]);
  });
});

describe("equipment compliance", () => {
  const standard = [
    { code: "TV", minimumCount: 1, sixOnes: true },
    { code: "BOOKS", minimumCount: 300, sixOnes: false },
    { code: "DESK", minimumCount: 10, sixOnes: false },
  ];

  it("lists what is missing and how many more are needed", () => {
    expect(
      complianceOf(
        standard,
        new Map([
          ["BOOKS", 120],
          ["DESK", 10],
        ]),
      ),
    ).toEqual({
      compliant: false,
      sixOnes: false,
      rate: 0.3333,
      missing: [
        { itemCode: "TV", required: 1, present: 0, short: 1 },
        { itemCode: "BOOKS", required: 300, present: 120, short: 180 },
      ],
    });
  });

  it("finds a fully equipped home compliant", () => {
    expect(
      complianceOf(
        standard,
        new Map([
          ["TV", 2],
          ["BOOKS", 300],
          ["DESK", 12],
        ]),
      ),
    ).toEqual({
      compliant: true,
      sixOnes: true,
      rate: 1,
      missing: [],
    });
  });
});
