import { DAY_MS, HOUR_MS } from "@lamplight/regions";
import { type DemoHome, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";

const LATEST = new Date("2026-11-01T00:00:00Z").getTime();

// The way every demo home came: the lifecycle's steps up to its status, and who took each.
const STEPS: Record<string, { role: string; reason: string }> = {
  PROPOSED: { role: "COUNTY_OFFICER", reason: "乡镇推荐选址" },
  APPLIED: { role: "COUNTY_OFFICER", reason: "提交建设申请" },
  UNDER_REVIEW: { role: "COUNTY_OFFICER", reason: "材料齐全，进入审核" },
  REJECTED: { role: "CITY_ADMIN", reason: "审核未通过，申请驳回" },
  APPROVED: { role: "PROVINCE_ADMIN", reason: "县、市、省三级审核通过" },
  TENDERING: { role: "CITY_ADMIN", reason: "发布建设招标公告" },
  BUILDING: { role: "CITY_ADMIN", reason: "中标单位进场施工" },
  OPEN: { role: "COUNTY_OFFICER", reason: "竣工验收合格，正式开放" },
  SUSPENDED: { role: "COUNTY_OFFICER", reason: "校舍维修，暂停开放" },
  CLOSED: { role: "CITY_ADMIN", reason: "学校撤并，站点关闭" },
};
const BUILD_PATH = ["PROPOSED", "APPLIED", "UNDER_REVIEW", "APPROVED", "TENDERING", "BUILDING"] as const;
// Days between one step and the next, at least and at most.
const GAPS: Record<string, [number, number]> = {
  APPLIED: [10, 60],
  UNDER_REVIEW: [5, 20],
  REJECTED: [20, 60],
  APPROVED: [20, 60],
  TENDERING: [10, 40],
  BUILDING: [20, 60],
  OPEN: [90, 240],
};

function pathTo(status: string): string[] {
  switch (status) {
    case "PROPOSED":
      return BUILD_PATH.slice(0, 1);
    case "APPLIED":
      return BUILD_PATH.slice(0, 2);
    case "REJECTED":
      return [...BUILD_PATH.slice(0, 3), "REJECTED"];
    case "TENDERING":
      return BUILD_PATH.slice(0, 5);
    case "UNDER_REVIEW":
      return BUILD_PATH.slice(0, 3);
    case "APPROVED":
      return BUILD_PATH.slice(0, 4);
    case "BUILDING":
      return [...BUILD_PATH];
    case "SUSPENDED":
    case "CLOSED":
      return [...BUILD_PATH, "OPEN", status];
    default:
      return [...BUILD_PATH, "OPEN"];
  }
}

/**
 * Each demo home's history: one entry per step of the lifecycle it has taken, dated backwards
 * from its opening day (or from a day in 2026 for homes not yet open). Deterministic.
 */
export function demoHistory(
  homes: readonly DemoHome[],
  seed: number,
): Prisma.SiteTransitionCreateManyInput[] {
  return [...historyRows(homes, seed)];
}

/** The same history, one row at a time, so that a large province streams into the database. */
export function* historyRows(
  homes: readonly DemoHome[],
  seed: number,
): Generator<Prisma.SiteTransitionCreateManyInput> {
  const random = new Random(seed + 1);
  for (const home of homes) {
    const path = pathTo(home.status);
    const dates = new Map<string, number>();
    const openIndex = path.indexOf("OPEN");
    const anchorIndex = openIndex >= 0 ? openIndex : path.length - 1;
    dates.set(
      path[anchorIndex]!,
      home.openedOn
        ? home.openedOn.getTime()
        : random.date(new Date("2026-03-01"), new Date("2026-10-15")).getTime(),
    );
    for (let i = anchorIndex; i > 0; i--) {
      const [min, max] = GAPS[path[i]!]!;
      dates.set(path[i - 1]!, dates.get(path[i]!)! - random.int(min, max) * DAY_MS);
    }
    for (let i = anchorIndex + 1; i < path.length; i++) {
      dates.set(path[i]!, Math.min(LATEST, dates.get(path[i - 1]!)! + random.int(100, 1000) * DAY_MS));
    }
    for (const [index, status] of path.entries()) {
      const step = STEPS[status]!;
      yield {
        id: random.uuid(),
        siteId: home.id,
        fromStatus:
          index === 0 ? null : (path[index - 1] as Prisma.SiteTransitionCreateManyInput["toStatus"]),
        toStatus: status as Prisma.SiteTransitionCreateManyInput["toStatus"],
        actorId: null,
        actorRoles: [step.role],
        reason: step.reason,
        at: new Date(dates.get(status)! + random.int(9, 17) * HOUR_MS),
      };
    }
  }
}

/** One home and the day of each step of its history (the `at` of its transition to that status). */
export interface HomeSteps {
  home: DemoHome;
  steps: ReadonlyMap<string, Date>;
}

/**
 * The dates of each home's steps, read from the very history the seed loads (same seed, same
 * draws), one home at a time: the rows of a home's application and tender are dated by them.
 */
export function* homeSteps(homes: readonly DemoHome[], seed: number): Generator<HomeSteps> {
  const byId = new Map(homes.map((home) => [home.id, home]));
  let home: DemoHome | undefined;
  let steps = new Map<string, Date>();
  for (const row of historyRows(homes, seed)) {
    if (home?.id !== row.siteId) {
      if (home) yield { home, steps };
      home = byId.get(row.siteId)!;
      steps = new Map();
    }
    steps.set(row.toStatus, row.at as Date);
  }
  if (home) yield { home, steps };
}
