import {
  DEMO_VOLUNTEER_ID,
  demoChildren,
  demoHomes,
  demoVolunteers,
  type Scale,
  scaleOf,
} from "@lamplight/seed-kit";
import { entities, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { campaignsService } from "../testing.js";
import { DEMO_TODAY } from "./demo-activities.js";
import { seedCampaigns } from "./index.js";
import { openHomes, provinceActivities, provincePlan } from "./province.js";

// The province generator at a small custom scale: 30 homes, 300 activities.
const scale: Scale = {
  ...scaleOf("province", { homes: 30 }),
  activities: 300,
  children: 20_000,
  volunteers: 5_000,
};

let campaigns: StartedSubgraph<PrismaClient>;
let seeded: Record<string, number>;
const inserted = new Map<string, number>();

beforeAll(async () => {
  campaigns = await startSubgraph(campaignsService);
  seeded = await seedCampaigns(campaigns.database.client, scale, (table, rows) =>
    inserted.set(table, (inserted.get(table) ?? 0) + rows),
  );
});
afterAll(() => campaigns?.close());

const count = async (sql: string) => {
  const [row] = await campaigns.database.client.$queryRawUnsafe<{ n: bigint }[]>(sql);
  return Number(row!.n);
};

describe("the province generator", () => {
  it("loads the scale's activities at its open homes, with occurrences, registrations and attendance", async () => {
    const homes = openHomes(scale);
    const plan = provincePlan(scale, homes);
    expect(seeded.homes).toBe(homes.length);
    expect(seeded.activities).toBe(300);
    expect(seeded.activityHomes).toBe(300);
    expect(seeded.occurrences).toBeGreaterThan(300);
    expect(seeded.registrations).toBeGreaterThan(seeded.occurrences!);
    // What the seed reports is what the tables hold, and what it logged per table.
    const prisma = campaigns.database.client;
    expect(await prisma.activity.count()).toBe(300);
    expect(await prisma.occurrence.count()).toBe(seeded.occurrences);
    expect(await prisma.registration.count()).toBe(seeded.registrations);
    expect(inserted.get("Registration")).toBe(seeded.registrations);
    expect(await prisma.activity.count({ where: { recurrence: "WEEKLY" } })).toBe(plan.weekly);
    expect(await prisma.activity.count({ where: { recurrence: "YEARLY_LUNAR" } })).toBe(
      plan.festivalHomes.length * 2,
    );
    expect(await prisma.activity.count({ where: { recurrence: "ONCE" } })).toBe(plan.oneOff);
  });

  it("keeps the invariants: one home per activity in its county, attendance only in the past, minutes from attendance", async () => {
    expect(
      await count(`SELECT count(*) AS n FROM "Activity" a
        LEFT JOIN "ActivityHome" ah ON ah."activityId" = a.id
        LEFT JOIN "Home" h ON h."siteId" = ah."siteId"
        WHERE h."siteId" IS NULL OR h."regionCode" <> a."regionCode"`),
    ).toBe(0);
    expect(
      await count(`SELECT count(*) AS n FROM "Registration" r
        JOIN "Occurrence" o ON o.id = r."occurrenceId" JOIN "Activity" a ON a.id = r."activityId"
        WHERE o."activityId" <> r."activityId" OR o.date >= '${DEMO_TODAY.toISOString().slice(0, 10)}'
           OR r.minutes <> CASE WHEN r.attended THEN a."durationMinutes" ELSE 0 END
           OR (r.participant = 'CHILD') <> (r."homeId" IS NOT NULL)`),
    ).toBe(0);
    // No occurrence takes more children or volunteers than it has places for.
    expect(
      await count(`SELECT count(*) AS n FROM (
        SELECT r."occurrenceId", a.capacity, a."volunteerCapacity",
          count(*) FILTER (WHERE r.participant = 'CHILD') AS children,
          count(*) FILTER (WHERE r.participant = 'VOLUNTEER') AS volunteers
        FROM "Registration" r JOIN "Activity" a ON a.id = r."activityId"
        GROUP BY r."occurrenceId", a.capacity, a."volunteerCapacity") x
        WHERE children > capacity OR volunteers > "volunteerCapacity" OR volunteers < 1`),
    ).toBe(0);
    const volunteer = await entities(
      campaigns.url,
      [{ __typename: "Volunteer", id: DEMO_VOLUNTEER_ID }],
      "... on Volunteer { activityMinutes }",
    );
    expect(volunteer.data?._entities[0]?.activityMinutes).toBeGreaterThan(0);
  });

  it("names the scale's children at their homes and its active volunteers, in registrations and nominations", async () => {
    const homes = demoHomes(scale.seed, scale.homes);
    const children = new Map(
      demoChildren(scale.seed, scale.children, homes).map((child) => [child.id, child.siteId]),
    );
    const volunteers = new Map(
      demoVolunteers(scale.seed, scale.volunteers, homes[0]).map((volunteer) => [volunteer.id, volunteer]),
    );
    const prisma = campaigns.database.client;
    const registrations = await prisma.registration.findMany({
      select: { occurrenceId: true, participant: true, studentId: true, volunteerId: true, homeId: true },
    });
    const seen = new Set<string>();
    for (const row of registrations) {
      const person = row.participant === "CHILD" ? row.studentId! : row.volunteerId!;
      if (row.participant === "CHILD") expect(children.get(person)).toBe(row.homeId);
      else expect(volunteers.get(person)?.status).toBe("ACTIVE");
      // Nobody twice at one occurrence.
      expect(seen.has(`${row.occurrenceId}|${person}`)).toBe(false);
      seen.add(`${row.occurrenceId}|${person}`);
    }
    const nominations = await prisma.nomination.findMany({
      where: { nomineeKind: { in: ["STUDENT", "VOLUNTEER"] } },
      select: { selectionId: true, nomineeKind: true, studentId: true, volunteerId: true, siteId: true },
    });
    expect(nominations.some((nomination) => nomination.volunteerId === DEMO_VOLUNTEER_ID)).toBe(true);
    for (const nomination of nominations) {
      if (nomination.nomineeKind === "STUDENT")
        expect(children.get(nomination.studentId!)).toBe(nomination.siteId);
      else expect(volunteers.get(nomination.volunteerId!)?.status).toBe("ACTIVE");
    }
    const nominees = nominations.map((n) => `${n.selectionId}|${n.studentId ?? n.volunteerId}`);
    expect(new Set(nominees).size).toBe(nominees.length);
  });

  it("holds the year's award selections for the province and each city, the published ones ranked", async () => {
    const cities = new Set(openHomes(scale).map((home) => home.cityCode)).size;
    expect(seeded.awardSelections).toBe(3 * (1 + cities));
    const prisma = campaigns.database.client;
    for (const selection of await prisma.awardSelection.findMany({ include: { nominations: true } })) {
      expect(selection.nominations.length).toBeGreaterThan(0);
      const winners = selection.nominations.filter((nomination) => nomination.winner);
      if (selection.status === "PUBLISHED") {
        expect(winners.map((winner) => winner.rank).sort((a, b) => a! - b!)).toEqual(
          Array.from({ length: selection.winnerCount }, (_, index) => index + 1),
        );
      } else {
        expect(winners).toEqual([]);
      }
    }
    // Three reviews for every nomination under review or published, none while still nominating.
    expect(
      await count(`SELECT count(*) AS n FROM "Nomination" n JOIN "AwardSelection" s ON s.id = n."selectionId"
        WHERE (SELECT count(*) FROM "Review" r WHERE r."nominationId" = n.id)
              <> CASE WHEN s.status = 'NOMINATING' THEN 0 ELSE 3 END`),
    ).toBe(0);
  });

  it("is deterministic from the seed, and loads again without adding anything", async () => {
    const homes = openHomes(scale);
    const first = provinceActivities(scale, homes).next().value!;
    const again = provinceActivities(scale, homes).next().value!;
    const other = provinceActivities(
      { ...scale, seed: scale.seed + 1 },
      openHomes({ ...scale, seed: scale.seed + 1 }),
    ).next().value!;
    expect(again.registrations).toEqual(first.registrations);
    expect(other.activities[0]).not.toEqual(first.activities[0]);
    const reloaded = await seedCampaigns(campaigns.database.client, scale);
    expect(Object.values(reloaded).every((rows) => rows === 0)).toBe(true);
  });
});
