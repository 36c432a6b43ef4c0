import { getRegion } from "@lamplight/regions";
import {
  DEMO_PARTNER_ORGANISATION,
  DEMO_SEED,
  DEMO_VOLUNTEER_ID,
  demoChildren,
  demoHomes,
  scaleOf,
  demoVolunteers as worldVolunteers,
} from "@lamplight/seed-kit";
import { type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { peopleService } from "../testing.js";
import { demoOrganisations } from "./demo-organisations.js";
import { DEMO_STUDENT_COUNT, demoStudents } from "./demo-students.js";
import { DEMO_VOLUNTEER_COUNT, DEMO_VOLUNTEER_HOME, demoVolunteers } from "./demo-volunteers.js";
import { seedPeople } from "./index.js";

describe("the demo data", () => {
  const { students, needs } = demoStudents();

  it("is the same on every run, ids included", () => {
    expect(demoStudents(DEMO_SEED, 50)).toEqual(demoStudents(DEMO_SEED, 50));
    expect(demoStudents(DEMO_SEED, 50).students).toEqual(students.slice(0, 50));
    expect(demoOrganisations()).toEqual(demoOrganisations());
    expect(students).toHaveLength(DEMO_STUDENT_COUNT);
  });

  it("has 13 member units and 60+ alliance members with distinct names", () => {
    const organisations = demoOrganisations();
    expect(organisations.filter((o) => o.kind === "GOVERNMENT_UNIT")).toHaveLength(13);
    expect(organisations.filter((o) => o.kind.startsWith("ALLIANCE_")).length).toBeGreaterThanOrEqual(60);
    expect(new Set(organisations.map((o) => o.name)).size).toBe(organisations.length);
    expect(organisations.at(-1)).toMatchObject({
      id: DEMO_PARTNER_ORGANISATION.id,
      kind: "ALLIANCE_COMPANY",
    });
  });

  it("is seed-kit's children: the same ids, counties, homes and grades that campaigns registers", () => {
    const world = demoChildren();
    expect(
      students.map(({ id, regionCode, cityCode, siteId, grade, birthDate }) => ({
        id,
        regionCode,
        cityCode,
        siteId,
        grade,
        birthDate,
      })),
    ).toEqual(world);
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

describe("the demo volunteers", () => {
  const { students, needs } = demoStudents();
  const needsOf = new Map<string, string[]>();
  for (const need of needs)
    needsOf.set(need.studentId, [...(needsOf.get(need.studentId) ?? []), need.category]);
  const children = students.map((student) => ({
    id: student.id!,
    regionCode: student.regionCode,
    siteId: student.siteId ?? null,
    needs: (needsOf.get(student.id!) ?? []) as never[],
  }));
  const demo = demoVolunteers(children);

  it("is seed-kit's volunteers: the same ids, counties, kinds and statuses that campaigns registers", () => {
    expect(
      demo.volunteers.map(({ id, regionCode, cityCode, kind, status }) => ({
        id,
        regionCode,
        cityCode,
        kind,
        status,
      })),
    ).toEqual(worldVolunteers());
  });

  it("has 5,000 volunteers, mostly active, the demo volunteer among them", () => {
    expect(demo.volunteers).toHaveLength(DEMO_VOLUNTEER_COUNT);
    expect(demo).toEqual(demoVolunteers(children));
    const active = demo.volunteers.filter((volunteer) => volunteer.status === "ACTIVE").length;
    expect(active / DEMO_VOLUNTEER_COUNT).toBeGreaterThan(0.7);
    expect(demo.volunteers[0]).toMatchObject({
      id: DEMO_VOLUNTEER_ID,
      status: "ACTIVE",
      regionCode: "510723",
    });
    expect(demo.volunteers[0]!.backgroundCheckExpiresOn! > new Date()).toBe(true);
    expect(
      demo.trainings.some(
        (training) => training.volunteerId === DEMO_VOLUNTEER_ID && training.topic === "CHILD_PROTECTION",
      ),
    ).toBe(true);
  });

  it("pairs the demo volunteer with three children of the first demo home", () => {
    const theirs = demo.pairings.filter((pairing) => pairing.volunteerId === DEMO_VOLUNTEER_ID);
    expect(theirs).toHaveLength(3);
    const home = new Set(
      students.filter((student) => student.siteId === DEMO_VOLUNTEER_HOME).map((student) => student.id),
    );
    expect(theirs.every((pairing) => home.has(pairing.studentId))).toBe(true);
  });

  it("keeps the pairing rules: eligible volunteers, at most three children each, a child paired once", () => {
    const byId = new Map(demo.volunteers.map((volunteer) => [volunteer.id, volunteer]));
    const perVolunteer = new Map<string, number>();
    for (const pairing of demo.pairings) {
      perVolunteer.set(pairing.volunteerId, (perVolunteer.get(pairing.volunteerId) ?? 0) + 1);
      expect(byId.get(pairing.volunteerId)?.status).toBe("ACTIVE");
    }
    expect(Math.max(...perVolunteer.values())).toBeLessThanOrEqual(3);
    expect(new Set(demo.pairings.map((pairing) => pairing.studentId)).size).toBe(demo.pairings.length);
    expect(demo.pairings.length).toBeGreaterThan(2000);
  });
});

describe("seedPeople", () => {
  let people: StartedSubgraph<PrismaClient>;
  beforeAll(async () => {
    people = await startSubgraph(peopleService);
  });
  afterAll(() => people?.close());

  it("loads the demo data and skips what is already there", async () => {
    const first = await seedPeople(people.database.client, { students: 500, volunteers: 300 });
    expect(first.organisations).toBe(demoOrganisations().length);
    expect(first.students).toBe(500);
    expect(first.guardians).toBe(500);
    expect(first.volunteers).toBe(300);
    expect(first.pairings).toBeGreaterThan(0);
    expect(first.needs).toBe(demoStudents(undefined, 500).needs.length);
    const again = await seedPeople(people.database.client, { students: 500, volunteers: 300 });
    expect(Object.values(again).every((count) => count === 0)).toBe(true);
  });
});

describe("the province generator", () => {
  const scale = scaleOf("province", { seed: 7, homes: 30 });
  const homes = demoHomes(scale.seed, scale.homes);
  let people: StartedSubgraph<PrismaClient>;
  beforeAll(async () => {
    people = await startSubgraph(peopleService);
  });
  afterAll(() => people?.close());

  it("loads chunk by chunk the counts it is asked for, keeping every invariant", async () => {
    const prisma = people.database.client;
    const loads = new Map();
    const chunks: number[] = [];
    const options = { scale, students: 3000, volunteers: 330, chunk: 1000, loads };
    const counts = await seedPeople(prisma, { ...options, progress: (students) => chunks.push(students) });
    expect(chunks).toEqual([1000, 2000, 3000]);
    expect(counts).toMatchObject({ students: 3000, guardians: 3000, volunteers: 330 });
    expect(counts.organisations).toBe(demoOrganisations().length);
    expect(loads.get("students")).toMatchObject({ rows: 3000 });
    expect(await prisma.student.count()).toBe(3000);
    expect(await prisma.volunteer.count()).toBe(330);
    expect(
      await prisma.organisation.findFirst({ where: { id: DEMO_PARTNER_ORGANISATION.id } }),
    ).not.toBeNull();

    // Children attend open homes of demoHomes(seed, homes) only, in the home's county.
    const open = new Map(homes.filter((home) => home.status === "OPEN").map((home) => [home.id, home]));
    const attending = await prisma.student.findMany({
      where: { siteId: { not: null } },
      select: { siteId: true, regionCode: true },
    });
    expect(attending.length).toBeGreaterThan(0);
    for (const child of attending) expect(open.get(child.siteId!)?.regionCode).toBe(child.regionCode);

    // About 60% of the children have needs.
    const withNeeds = await prisma.need.groupBy({ by: ["studentId"] });
    expect(withNeeds.length / 3000).toBeGreaterThan(0.55);
    expect(withNeeds.length / 3000).toBeLessThan(0.65);

    // Pairings: an active volunteer of the child's county, at most three children each, a child once.
    const pairings = await prisma.pairing.findMany({
      select: { studentId: true, volunteerId: true, student: { select: { regionCode: true, siteId: true } } },
    });
    const volunteers = new Map(
      (await prisma.volunteer.findMany({ select: { id: true, status: true, regionCode: true } })).map((v) => [
        v.id,
        v,
      ]),
    );
    expect(pairings.length).toBeGreaterThan(100);
    const perVolunteer = new Map<string, number>();
    for (const pairing of pairings) {
      const volunteer = volunteers.get(pairing.volunteerId)!;
      expect(volunteer.status).toBe("ACTIVE");
      expect(pairing.student.regionCode).toBe(volunteer.regionCode);
      perVolunteer.set(pairing.volunteerId, (perVolunteer.get(pairing.volunteerId) ?? 0) + 1);
    }
    expect(Math.max(...perVolunteer.values())).toBeLessThanOrEqual(3);
    expect(new Set(pairings.map((pairing) => pairing.studentId)).size).toBe(pairings.length);
    // The demo volunteer: children of the first home.
    const theirs = pairings.filter((pairing) => pairing.volunteerId === DEMO_VOLUNTEER_ID);
    expect(theirs.length).toBeGreaterThan(0);
    expect(theirs.every((pairing) => pairing.student.siteId === homes[0]!.id)).toBe(true);

    // Deterministic and idempotent: the same seed draws the same rows, so nothing is inserted twice.
    const again = await seedPeople(prisma, options);
    expect(Object.values(again).every((count) => count === 0)).toBe(true);
  });
});
