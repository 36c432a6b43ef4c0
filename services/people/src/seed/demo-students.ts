import { DAY_MS } from "@lamplight/regions";
import {
  DEMO_SEED,
  DEMO_STUDENT_COUNT,
  type DemoChild,
  type DemoHome,
  demoChildSource,
  demoHomes,
  personName,
  placeName,
  Random,
} from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import { Gender, GuardianRelationship, NeedCategory, NeedLevel } from "../generated/prisma/enums.js";

export { DEMO_STUDENT_COUNT };

/** The school year the demo is set in: needs are assessed from a year before it began. */
const SCHOOL_YEAR_START = Date.UTC(2026, 8, 1);
/** People's own stream for what only it knows of a child (20261204 for the demo seed). */
const STUDENT_DETAILS_STREAM = 75;

const GUARDIANS: readonly (readonly [GuardianRelationship, number])[] = [
  [GuardianRelationship.GRANDPARENT, 70],
  [GuardianRelationship.PARENT, 18],
  [GuardianRelationship.OTHER_RELATIVE, 8],
  [GuardianRelationship.SIBLING, 2],
  [GuardianRelationship.OTHER, 2],
];

/** Where the province's migrant parents work: the coast first, then the big inland cities. */
const WORK_CITIES: readonly (readonly [string, number])[] = [
  ["广东省东莞市", 16],
  ["广东省深圳市", 15],
  ["广东省广州市", 12],
  ["浙江省宁波市", 8],
  ["浙江省杭州市", 7],
  ["江苏省苏州市", 8],
  ["上海市", 9],
  ["北京市", 6],
  ["福建省厦门市", 5],
  ["新疆维吾尔自治区乌鲁木齐市", 3],
  ["四川省成都市", 7],
  ["重庆市", 4],
];

const EMPLOYERS = [
  "电子有限公司",
  "建筑劳务有限公司",
  "服装厂",
  "物流有限公司",
  "餐饮管理有限公司",
  "家具厂",
  "机械制造有限公司",
];

/** The programme's needs, psychological (loneliness) and learning most common. */
const NEED_CATEGORIES: readonly (readonly [NeedCategory, number])[] = [
  [NeedCategory.PSYCHOLOGICAL, 34],
  [NeedCategory.LEARNING, 30],
  [NeedCategory.SAFETY, 14],
  [NeedCategory.HEALTH, 11],
  [NeedCategory.CULTURAL_LIFE, 11],
];
const NEED_LEVELS: readonly (readonly [NeedLevel, number])[] = [
  [NeedLevel.LOW, 45],
  [NeedLevel.MEDIUM, 38],
  [NeedLevel.HIGH, 17],
];
/** Share of children with at least one assessed need, and how many they have. */
const WITH_NEEDS = 0.6;
const NEEDS_PER_CHILD: readonly (readonly [number, number])[] = [
  [1, 55],
  [2, 30],
  [3, 15],
];

function mobile(random: Random): string {
  return `1${random.pick(["3", "5", "7", "8", "9"])}${String(random.int(0, 999_999_999)).padStart(9, "0")}`;
}

function school(random: Random, grade: number): string {
  const town = placeName(random);
  if (grade >= 7) return `${town}镇初级中学`;
  return random.chance(0.6) ? `${town}镇中心小学` : `${town}镇${placeName(random)}村小学`;
}

/** Distinct categories drawn by prevalence. */
function needCategories(random: Random, count: number): NeedCategory[] {
  const chosen: NeedCategory[] = [];
  while (chosen.length < count) {
    const category = random.weighted(NEED_CATEGORIES.filter(([candidate]) => !chosen.includes(candidate)));
    chosen.push(category);
  }
  return chosen;
}

export interface DemoPeople {
  students: Prisma.StudentCreateManyInput[];
  needs: Prisma.NeedCreateManyInput[];
  /** The guardian on each child's record, as the first of the child's guardians. */
  guardians: Prisma.GuardianCreateManyInput[];
}

/**
 * The demo province's children as people keeps them. Who they are, where they live, which home
 * they attend and their grade come from seed-kit's `demoChildSource` (the children campaigns
 * registers for activities); the rest is drawn here, child by child, from people's own stream:
 * mostly in a grandparent's care, with parents working on the coast, and 60% with one to three
 * assessed needs. `seed` is the world seed (`DEMO_SEED` for the demo data set); deterministic: the
 * same seed gives the same rows, ids included.
 */
export function demoStudents(
  seed = DEMO_SEED,
  count = DEMO_STUDENT_COUNT,
  homes: readonly DemoHome[] = demoHomes(seed),
): DemoPeople {
  return studentSource(seed, homes)(count);
}

/**
 * The same children drawn chunk by chunk: each call returns the next `count` children of seed-kit's
 * stream with what people adds to them (one chunk of demoStudents' rows when called once with its
 * count), so a province of a million is generated and loaded a chunk at a time, never held whole.
 */
export function studentSource(seed: number, homes: readonly DemoHome[]): (count: number) => DemoPeople {
  const nextChildren = demoChildSource(seed, homes);
  const random = new Random(seed + STUDENT_DETAILS_STREAM);
  return (count) => drawStudents(random, nextChildren(count));
}

function drawStudents(random: Random, children: readonly DemoChild[]): DemoPeople {
  const students: Prisma.StudentCreateManyInput[] = [];
  const needs: Prisma.NeedCreateManyInput[] = [];
  const guardians: Prisma.GuardianCreateManyInput[] = [];
  for (const child of children) {
    const { grade, birthDate } = child;
    const hasParentContact = random.chance(0.92);
    const workCity = hasParentContact ? random.weighted(WORK_CITIES) : null;
    const student: Prisma.StudentCreateManyInput = {
      id: child.id,
      name: personName(random),
      gender: random.chance(0.53) ? Gender.MALE : Gender.FEMALE,
      birthDate,
      regionCode: child.regionCode,
      cityCode: child.cityCode,
      siteId: child.siteId,
      school: school(random, grade),
      grade,
      guardianName: personName(random),
      guardianRelationship: random.weighted(GUARDIANS),
      guardianPhone: random.chance(0.85) ? mobile(random) : null,
      parentWorkCity: workCity,
      parentEmployer: workCity && random.chance(0.8) ? `${placeName(random)}${random.pick(EMPLOYERS)}` : null,
      parentPhone: workCity && random.chance(0.9) ? mobile(random) : null,
      consentSharePartners: random.chance(0.3),
      consentPhotos: random.chance(0.55),
      consentStatistics: random.chance(0.9),
    };
    students.push(student);
    // Derived, not drawn: the ids and rows of the children and needs stay as they were.
    guardians.push({
      id: `${student.id!.slice(0, 14)}a${student.id!.slice(15)}`,
      studentId: student.id!,
      name: student.guardianName,
      relationship: student.guardianRelationship,
      phone: student.guardianPhone ?? null,
      livesWithChild: true,
      isPrimary: true,
    });
    if (random.chance(WITH_NEEDS)) {
      for (const category of needCategories(random, random.weighted(NEEDS_PER_CHILD))) {
        needs.push({
          id: random.uuid(),
          studentId: student.id!,
          category,
          level: random.weighted(NEED_LEVELS),
          assessedOn: random.date(
            new Date(Math.max(SCHOOL_YEAR_START - 365 * DAY_MS, birthDate.getTime())),
            new Date(Date.UTC(2026, 10, 20)),
          ),
        });
      }
    }
  }
  return { students, needs, guardians };
}
