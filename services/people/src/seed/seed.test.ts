import { getRegion } from "@lamplight/regions";
import { type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { peopleService } from "../testing.js";
import { demoOrganisations } from "./demo-organisations.js";
import { DEMO_STUDENT_COUNT, demoStudents } from "./demo-students.js";
import { seedPeople } from "./index.js";

describe("the demo data", () => {
  const { students, needs } = demoStudents();

  it("is the same on every run, ids included", () => {
    expect(demoStudents(20261201, 50)).toEqual(demoStudents(20261201, 50));
    expect(demoOrganisations()).toEqual(demoOrganisations());
    expect(students).toHaveLength(DEMO_STUDENT_COUNT);
  });

  it("has 13 member units and 60+ alliance members with distinct names", () => {
    const organisations = demoOrganisations();
    expect(organisations.filter((o) => o.kind === "GOVERNMENT_UNIT")).toHaveLength(13);
    expect(organisations.filter((o) => o.kind.startsWith("ALLIANCE_")).length).toBeGreaterThanOrEqual(60);
    expect(new Set(organisations.map((o) => o.name)).size).toBe(organisations.length);
  });

  it("places every child in a county of the province, with its city", () => {
    for (const student of students) {
      expect(getRegion(student.regionCode)?.level).toBe("COUNTY");
      expect(getRegion(student.regionCode)?.parent).toBe(student.cityCode);
    }
  });

  it("gives about 60% of the children one to three needs, psychological and learning most often", () => {
    const perChild = new Map<string, number>();
    for (const need of needs) perChild.set(need.studentId, (perChild.get(need.studentId) ?? 0) + 1);
    expect(perChild.size / students.length).toBeGreaterThan(0.57);
    expect(perChild.size / students.length).toBeLessThan(0.63);
    expect(Math.max(...perChild.values())).toBe(3);
    const byCategory = (category: string) => needs.filter((need) => need.category === category).length;
    const ranked = ["PSYCHOLOGICAL", "LEARNING", "SAFETY", "HEALTH", "CULTURAL_LIFE"].sort(
      (a, b) => byCategory(b) - byCategory(a),
    );
    expect(ranked.slice(0, 2).sort()).toEqual(["LEARNING", "PSYCHOLOGICAL"]);
    // Never the same category twice for one child on one day (the database would refuse it).
    expect(new Set(needs.map((n) => `${n.studentId}|${n.category}|${n.assessedOn}`)).size).toBe(needs.length);
  });

  it("has grades that fit the birth dates, and no needs assessed before birth", () => {
    const birth = new Map(students.map((student) => [student.id, student.birthDate as Date]));
    for (const student of students) {
      const ageOnFirstSeptember =
        2026 -
        (student.birthDate as Date).getUTCFullYear() -
        ((student.birthDate as Date).getUTCMonth() >= 8 ? 1 : 0);
      // Grade 1 at six: the age on the first school day is the grade plus five.
      expect(ageOnFirstSeptember - student.grade).toBe(5);
    }
    for (const need of needs) expect((need.assessedOn as Date) >= birth.get(need.studentId)!).toBe(true);
  });
});

describe("seedPeople", () => {
  let people: StartedSubgraph<PrismaClient>;
  beforeAll(async () => {
    people = await startSubgraph(peopleService);
  });
  afterAll(() => people?.close());

  it("loads the demo data and skips what is already there", async () => {
    const first = await seedPeople(people.database.client, { students: 500 });
    expect(first.organisations).toBe(demoOrganisations().length);
    expect(first.students).toBe(500);
    expect(first.needs).toBe(demoStudents(undefined, 500).needs.length);
    expect(await seedPeople(people.database.client, { students: 500 })).toEqual({
      organisations: 0,
      students: 0,
      needs: 0,
    });
  });
});
