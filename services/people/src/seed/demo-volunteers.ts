import { addDays } from "@lamplight/regions";
import {
  DEMO_SEED,
  DEMO_VOLUNTEER_COUNT,
  DEMO_VOLUNTEER_ID,
  type DemoHome,
  type DemoVolunteer,
  demoHomes,
  demoVolunteerSource,
  personName,
  Random,
} from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import {
  CareKind,
  NeedCategory,
  TrainingTopic,
  VolunteerKind,
  VolunteerSkill,
  VolunteerStatus,
  Weekday,
} from "../generated/prisma/enums.js";
import { DEFAULT_MAX_CHILDREN_PER_VOLUNTEER } from "../limits.js";
import { SKILLS_FOR_NEED } from "../modules/matching/matching.score.js";

export { DEMO_VOLUNTEER_COUNT };
/** The first demo home (鹤塘社区留守学生之家, Yanting): the demo volunteer's children attend it. */
export const DEMO_VOLUNTEER_HOME = "06adf337-e817-466e-9150-007fd232b2ce";
/** The demo is set on this day: checks, trainings, pairings and check-ins are dated around it. */
const DEMO_DAY = new Date(Date.UTC(2026, 10, 28));
/** People's own stream for what only it knows of a volunteer (20261205 for the demo seed). */
const VOLUNTEER_DETAILS_STREAM = 76;
/** What each kind of volunteer tends to offer. */
const SKILLS: Record<VolunteerKind, readonly VolunteerSkill[]> = {
  COLLEGE_STUDENT: ["TUTORING", "READING", "ARTS_AND_SPORTS"],
  FIVE_ELDERS: ["READING", "FAMILY_EDUCATION", "SAFETY_EDUCATION"],
  OFFICIAL: ["SAFETY_EDUCATION", "FAMILY_EDUCATION", "READING"],
  TEACHER: ["TUTORING", "READING", "COUNSELLING"],
  DOCTOR: ["HEALTH_CARE", "SAFETY_EDUCATION"],
  LAWYER: ["LEGAL_AID", "SAFETY_EDUCATION"],
  PSYCHOLOGICAL_COUNSELLOR: ["COUNSELLING", "FAMILY_EDUCATION"],
  OTHER: ["ARTS_AND_SPORTS", "READING", "TUTORING"],
};
const DAYS = Object.values(Weekday);
const PAIRING_REASONS: Record<NeedCategory, string> = {
  PSYCHOLOGICAL: "父母常年在外务工，孩子孤独，需要有人常陪伴谈心",
  SAFETY: "放学后无人看护，需要安全教育和关照",
  LEARNING: "学习跟不上，需要课业辅导",
  HEALTH: "身体较弱，需要关注健康和按时体检",
  CULTURAL_LIFE: "课余生活单调，需要读书和文体活动",
};
const CARE_NOTES: Record<CareKind, string> = {
  VISIT: "上门看望，一起读书、聊学校里的事",
  FAMILY_CALL: "陪孩子和在外务工的父母视频通话",
  HEALTH_CHECK: "陪同在乡镇卫生院做健康检查",
  COUNSELLING: "心理辅导谈话，孩子情绪平稳",
};

/** A child the volunteers of a chunk may be paired with. */
export interface ChildToPair {
  id: string;
  regionCode: string;
  siteId: string | null;
  needs: NeedCategory[];
}

export interface DemoVolunteers {
  volunteers: Prisma.VolunteerCreateManyInput[];
  trainings: Prisma.VolunteerTrainingCreateManyInput[];
  serviceLogs: Prisma.ServiceLogCreateManyInput[];
  pairings: Prisma.PairingCreateManyInput[];
  careRecords: Prisma.CareRecordCreateManyInput[];
}

function subset<T>(random: Random, items: readonly T[], min: number, max: number): T[] {
  const count = random.int(min, Math.min(max, items.length));
  const chosen: T[] = [];
  while (chosen.length < count) {
    const item = random.pick(items);
    if (!chosen.includes(item)) chosen.push(item);
  }
  return chosen;
}

/**
 * The demo province's volunteers as people keeps them. Who they are, their county, kind and status
 * come from seed-kit's `demoVolunteerSource` (the volunteers campaigns registers for activities);
 * the rest is drawn here from people's own stream: most of the vetted ones with a background check
 * and trained in child protection, service logged over the last months, half of the eligible ones
 * paired with one to three children of their county who have needs, with check-ins (some overdue).
 * The first is the demo volunteer account's record (seed-kit's DEMO_VOLUNTEER_ID): active, vetted,
 * trained, in Yanting County, paired with the three children of the first demo home.
 * `seed` is the world seed (`DEMO_SEED` for the demo data set). Deterministic.
 */
export function demoVolunteers(
  children: readonly ChildToPair[],
  seed = DEMO_SEED,
  count = DEMO_VOLUNTEER_COUNT,
  demoHome: DemoHome = demoHomes(seed)[0]!,
): DemoVolunteers {
  return volunteerSource(seed, demoHome)(children, count);
}

/**
 * The same volunteers drawn chunk by chunk: each call returns the next `count` volunteers of
 * seed-kit's stream, with what people adds to them, paired with the given chunk's children. The
 * first call's first volunteer is the demo volunteer account's record, paired with children of
 * `demoHome` (the first demo home).
 */
export function volunteerSource(
  seed: number,
  demoHome: DemoHome,
): (children: readonly ChildToPair[], count: number) => DemoVolunteers {
  const nextVolunteers = demoVolunteerSource(seed, demoHome);
  const random = new Random(seed + VOLUNTEER_DETAILS_STREAM);
  return (children, count) => drawVolunteers(random, nextVolunteers(count), children, demoHome);
}

function drawVolunteers(
  random: Random,
  identities: readonly DemoVolunteer[],
  children: readonly ChildToPair[],
  demoHome: DemoHome,
): DemoVolunteers {
  const childrenByCounty = new Map<string, ChildToPair[]>();
  for (const child of children) {
    if (child.needs.length === 0) continue;
    childrenByCounty.set(child.regionCode, [...(childrenByCounty.get(child.regionCode) ?? []), child]);
  }
  const paired = new Set<string>();
  const out: DemoVolunteers = {
    volunteers: [],
    trainings: [],
    serviceLogs: [],
    pairings: [],
    careRecords: [],
  };

  const addVolunteer = (
    identity: DemoVolunteer,
    options: { name?: string; expired?: boolean; trained?: boolean },
  ) => {
    const { id, kind, status } = identity;
    const vetted = status !== VolunteerStatus.APPLIED;
    const checkedOn = random.date(addDays(DEMO_DAY, -700), addDays(DEMO_DAY, -20));
    const expiresOn = options.expired
      ? random.date(addDays(DEMO_DAY, -200), addDays(DEMO_DAY, -1))
      : addDays(checkedOn, 3 * 365);
    out.volunteers.push({
      id,
      name: options.name ?? personName(random),
      phone: `1${random.pick(["3", "5", "7", "8", "9"])}${String(random.int(0, 999_999_999)).padStart(9, "0")}`,
      kind,
      status,
      regionCode: identity.regionCode,
      cityCode: identity.cityCode,
      skills: subset(random, SKILLS[kind], 1, 3),
      availableDays: subset(random, DAYS, 1, 3),
      weeklyHours: random.int(1, 8),
      backgroundCheckedOn: vetted ? checkedOn : null,
      backgroundCheckExpiresOn: vetted ? expiresOn : null,
      backgroundCheckReference: vetted
        ? `川公(${checkedOn.getUTCFullYear()})无犯罪证明第${random.int(1000, 99999)}号`
        : null,
      statusChangedAt: addDays(checkedOn, random.int(1, 15)),
      inactiveReason:
        status === VolunteerStatus.INACTIVE
          ? random.pick(["外出务工", "升学离开", "身体原因", "工作调动"])
          : null,
      createdAt: addDays(checkedOn, -random.int(5, 40)),
    });
    if (vetted && options.trained !== false) {
      const completedOn = random.date(addDays(DEMO_DAY, -600), addDays(DEMO_DAY, -10));
      out.trainings.push({
        id: random.uuid(),
        volunteerId: id,
        topic: TrainingTopic.CHILD_PROTECTION,
        title: "未成年人保护与安全知识培训",
        completedOn,
        certificateNumber: `CP-${completedOn.getUTCFullYear()}-${String(random.int(1, 99999)).padStart(5, "0")}`,
        expiresOn: addDays(completedOn, 2 * 365),
      });
      if (random.chance(0.3)) {
        const topic = random.pick([
          TrainingTopic.PSYCHOLOGICAL_SUPPORT,
          TrainingTopic.FIRST_AID,
          TrainingTopic.FAMILY_EDUCATION,
        ]);
        out.trainings.push({
          id: random.uuid(),
          volunteerId: id,
          topic,
          title: {
            PSYCHOLOGICAL_SUPPORT: "留守儿童心理支持",
            FIRST_AID: "应急救护培训",
            FAMILY_EDUCATION: "家庭教育指导",
          }[topic as "FIRST_AID"],
          completedOn: random.date(addDays(DEMO_DAY, -500), addDays(DEMO_DAY, -5)),
          certificateNumber: null,
          expiresOn: null,
        });
      }
    }
    if (status === VolunteerStatus.ACTIVE || status === VolunteerStatus.INACTIVE) {
      for (let log = random.int(0, 4); log > 0; log--) {
        out.serviceLogs.push({
          id: random.uuid(),
          volunteerId: id,
          servedOn: random.date(addDays(DEMO_DAY, -180), DEMO_DAY),
          minutes: random.pick([60, 90, 120, 180, 240]),
          description: random.pick(["上门走访", "周末课业辅导", "亲情通话陪伴", "留守学生之家值班"]),
        });
      }
    }
  };

  const pairWith = (
    volunteerId: string,
    child: ChildToPair,
    category: NeedCategory | null,
    volunteerSkills: readonly VolunteerSkill[],
  ) => {
    paired.add(child.id);
    const startedOn = random.date(addDays(DEMO_DAY, -300), addDays(DEMO_DAY, -45));
    const cadence = random.pick([7, 14, 14, 30]);
    const pairingId = random.uuid();
    let last: Date | null = null;
    // Most volunteers check in on time (the last check-in within the cadence); some have let it slip.
    const onTime = random.chance(0.85);
    const checkIns = random.int(onTime ? 1 : 0, 3);
    const lastOn = onTime
      ? addDays(DEMO_DAY, -random.int(0, Math.floor(cadence / 2)))
      : addDays(DEMO_DAY, -random.int(cadence + 1, cadence + 40));
    for (let i = checkIns; i > 0; i--) {
      const happenedOn: Date = addDays(lastOn, -(i - 1) * cadence);
      if (happenedOn < startedOn) continue;
      const kind = volunteerSkills.includes("COUNSELLING")
        ? random.pick([CareKind.VISIT, CareKind.COUNSELLING])
        : random.pick([CareKind.VISIT, CareKind.VISIT, CareKind.FAMILY_CALL]);
      out.careRecords.push({
        id: random.uuid(),
        studentId: child.id,
        kind,
        happenedOn,
        durationMinutes: random.pick([30, 45, 60, 90]),
        notes: CARE_NOTES[kind],
        volunteerId,
        pairingId,
        recordedBy: "seed",
      });
      last = happenedOn;
    }
    out.pairings.push({
      id: pairingId,
      volunteerId,
      studentId: child.id,
      reason: category ? PAIRING_REASONS[category] : "父母均在外务工，需要有人常来看望陪伴",
      startedOn,
      checkInEveryDays: cadence,
      lastCheckInOn: last,
      nextCheckInDue: addDays(last ?? startedOn, cadence),
    });
  };

  for (const identity of identities) {
    // The demo volunteer account's record (the first of the stream): a teacher who reads with and
    // tutors the first home's children, vetted until 2029.
    if (identity.id === DEMO_VOLUNTEER_ID) {
      addVolunteer(identity, { name: "何晓梅", trained: true });
      const demoVolunteer = out.volunteers.at(-1)!;
      demoVolunteer.skills = [VolunteerSkill.TUTORING, VolunteerSkill.READING, VolunteerSkill.COUNSELLING];
      demoVolunteer.backgroundCheckExpiresOn = new Date(Date.UTC(2029, 5, 30));
      const homeChildren = children
        .filter((child) => child.siteId === demoHome.id)
        .slice(0, DEFAULT_MAX_CHILDREN_PER_VOLUNTEER);
      for (const child of homeChildren) {
        pairWith(DEMO_VOLUNTEER_ID, child, child.needs[0] ?? null, demoVolunteer.skills as VolunteerSkill[]);
      }
      continue;
    }
    const expired = identity.status === VolunteerStatus.ACTIVE && random.chance(0.04);
    const trained = random.chance(0.88);
    addVolunteer(identity, { expired, trained });
    const volunteer = out.volunteers.at(-1)!;
    if (identity.status !== VolunteerStatus.ACTIVE || expired || !trained || !random.chance(0.55)) continue;
    const skills = volunteer.skills as VolunteerSkill[];
    const candidates = (childrenByCounty.get(identity.regionCode) ?? []).filter(
      (child) =>
        !paired.has(child.id) &&
        child.needs.some((need) => SKILLS_FOR_NEED[need].some((skill) => skills.includes(skill))),
    );
    for (const child of candidates.slice(0, random.int(1, DEFAULT_MAX_CHILDREN_PER_VOLUNTEER))) {
      const category = child.needs.find((need) =>
        SKILLS_FOR_NEED[need].some((skill) => skills.includes(skill)),
      )!;
      pairWith(identity.id, child, category, skills);
    }
  }
  return out;
}
