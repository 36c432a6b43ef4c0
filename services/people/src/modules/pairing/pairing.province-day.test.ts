import { addDays, dayOf } from "@lamplight/regions";
import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

// 02:00 on 3 December 2026 in Sichuan, while the UTC clock still shows 2 December: the hours in
// which a day read from UTC disagrees with the province's.
const NIGHT_IN_SICHUAN = new Date("2026-12-02T18:00:00.000Z");
const PROVINCE_TODAY = dayOf("2026-12-03");

const HOME = "a0000000-0000-4000-8000-0000000000ab";
const CHILDREN = ["c1000000-0000-4000-8000-000000000001", "c1000000-0000-4000-8000-000000000002"];
let people: StartedSubgraph<PrismaClient>;
let volunteerId: string;

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  await people.database.client.student.createMany({
    data: CHILDREN.map((id, index) => ({
      id,
      name: `夜里的孩子${index}`,
      gender: "MALE" as const,
      birthDate: dayOf("2015-09-01"),
      regionCode: "510723",
      cityCode: "510700",
      siteId: HOME,
      school: "鹤塘镇中心小学",
      grade: 5,
      guardianName: `爷爷${index}`,
      guardianRelationship: "GRANDPARENT" as const,
      guardianPhone: "13800003333",
      parentWorkCity: "浙江省宁波市",
      parentEmployer: "宁波五金厂",
      parentPhone: "13900004444",
    })),
  });
  const volunteer = await people.database.client.volunteer.create({
    data: {
      name: "夜班志愿者",
      kind: "TEACHER",
      status: "ACTIVE",
      regionCode: "510723",
      cityCode: "510700",
      skills: ["TUTORING"],
      availableDays: ["SUNDAY"],
      weeklyHours: 3,
      backgroundCheckedOn: addDays(PROVINCE_TODAY, -30),
      backgroundCheckExpiresOn: addDays(PROVINCE_TODAY, 300),
      trainings: {
        create: [{ topic: "CHILD_PROTECTION", title: "儿童保护", completedOn: addDays(PROVINCE_TODAY, -60) }],
      },
    },
  });
  volunteerId = volunteer.id;
});
afterAll(() => people?.close());

// Only Date is faked: the server runs in this process, and faking timers would stall it.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NIGHT_IN_SICHUAN);
});
afterEach(() => {
  vi.useRealTimers();
});

const officer = () =>
  identityHeaders({ subject: "yanting-night-officer", roles: ["COUNTY_OFFICER"], regionScope: "510723" });

describe("people's today is the province's day (UTC+8)", () => {
  it("starts a pairing given no date on the province's date, and counts the check-in from it", async () => {
    const { data, errors } = await people.execute(
      `mutation($input: PairVolunteerInput!) {
        pairVolunteer(input: $input) { startedOn nextCheckInDue overdue daysOverdue }
      }`,
      { input: { volunteerId, studentId: CHILDREN[0], reason: "父母在宁波务工", checkInEveryDays: 7 } },
      await officer(),
    );
    expect(errors).toBeUndefined();
    expect(data?.pairVolunteer).toEqual({
      startedOn: "2026-12-03",
      nextCheckInDue: "2026-12-10",
      overdue: false,
      daysOverdue: 0,
    });
  });

  it("accepts care recorded on the province's date, which the UTC clock would call the future", async () => {
    const { data, errors } = await people.execute(
      `mutation($input: RecordCareInput!) { recordCare(input: $input) { kind happenedOn } }`,
      {
        input: { studentId: CHILDREN[1], kind: "FAMILY_CALL", happenedOn: "2026-12-03", notes: "和妈妈视频" },
      },
      await officer(),
    );
    expect(errors).toBeUndefined();
    expect(data?.recordCare).toEqual({ kind: "FAMILY_CALL", happenedOn: "2026-12-03" });
  });

  it("counts a check-in due yesterday in the province as overdue by one day", async () => {
    const pairing = await people.database.client.pairing.create({
      data: {
        volunteerId,
        studentId: CHILDREN[1]!,
        reason: "爷爷年迈",
        startedOn: addDays(PROVINCE_TODAY, -15),
        checkInEveryDays: 14,
        nextCheckInDue: addDays(PROVINCE_TODAY, -1),
      },
    });
    const { data, errors } = await people.execute(
      `{ overduePairings(first: 100) { edges { node { id overdue daysOverdue } } } }`,
      {},
      await officer(),
    );
    expect(errors).toBeUndefined();
    expect(data?.overduePairings.edges).toContainEqual({
      node: { id: pairing.id, overdue: true, daysOverdue: 1 },
    });
  });
});
