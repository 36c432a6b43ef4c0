import { DAY_MS } from "@lamplight/regions";
import {
  DEMO_ORGANISATION_SEED,
  DEMO_SEED,
  type DemoHome,
  type DemoOrganisation,
  demoOrganisations,
  OrganisationKind,
  Random,
} from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import { homeSteps } from "./demo-history.js";

const LATEST = new Date("2026-11-01T00:00:00Z").getTime();
const PROVINCE = "510000";

/** Homes that have applied: every status from the application on, up to building. */
const APPLIED_STATUSES = new Set([
  "APPLIED",
  "UNDER_REVIEW",
  "APPROVED",
  "REJECTED",
  "TENDERING",
  "BUILDING",
]);
/** Open homes opened on this day or later carry their application too (older ones predate the records). */
export const APPLICATIONS_KEPT_SINCE = new Date("2025-01-01T00:00:00Z");

/**
 * The demo world's organisations as the people seed registers them for this seed: `--seed` shifts
 * people's organisation stream by the same amount, so the ids named here are people's.
 */
export function organisationsFor(seed: number): DemoOrganisation[] {
  return demoOrganisations(DEMO_ORGANISATION_SEED + (seed - DEMO_SEED));
}

/** Whether a home has an application in the demo: it has applied, or opened in 2025 or later. */
export function hasDemoApplication(home: DemoHome): boolean {
  if (APPLIED_STATUSES.has(home.status)) return true;
  return home.status === "OPEN" && home.openedOn !== null && home.openedOn >= APPLICATIONS_KEPT_SINCE;
}

/** One home's application with its documents and reviews. */
export interface DemoApplication {
  application: Prisma.SiteApplicationCreateManyInput;
  documents: Prisma.ApplicationDocumentCreateManyInput[];
  reviews: Prisma.ApplicationReviewCreateManyInput[];
}

const APPROVALS: Record<"COUNTY" | "CITY" | "PROVINCE", readonly string[]> = {
  COUNTY: ["选址安全，承办单位条件符合要求", "场地与承办协议经县级核实无误", "乡镇推荐属实，留守学生集中"],
  CITY: ["符合市级建设规划，同意上报", "建设方案可行，经费测算合理", "市级联审通过"],
  PROVINCE: ["省级联席会议审批通过", "符合全省留守学生之家建设标准", "同意立项建设"],
};
const REJECTIONS: readonly string[] = [
  "选址临近交通干道，安全条件不达标",
  "承办单位无法保证固定活动场地",
  "周边已有留守学生之家覆盖，重复建设",
  "申报材料与实地核查情况不符",
];
const LEVELS = ["COUNTY", "CITY", "PROVINCE"] as const;

/** Where in the span from the review's start to its decision each level reviews (fractions). */
const REVIEW_WINDOWS: Record<(typeof LEVELS)[number], [number, number]> = {
  COUNTY: [0.1, 0.3],
  CITY: [0.35, 0.6],
  PROVINCE: [0.65, 0.9],
};

/** The applicant: an organisation working in the home's city, else a province-wide social group. */
function applicantPicker(
  organisations: readonly DemoOrganisation[],
): (home: DemoHome, random: Random) => string {
  const byCity = new Map<string, DemoOrganisation[]>();
  const provincial: DemoOrganisation[] = [];
  for (const organisation of organisations) {
    if (organisation.regionCode === PROVINCE) {
      if (organisation.kind === OrganisationKind.ALLIANCE_SOCIAL_GROUP) provincial.push(organisation);
      continue;
    }
    // Media carry the campaign; social groups and companies apply for homes.
    if (organisation.kind === OrganisationKind.ALLIANCE_MEDIA) continue;
    byCity.set(organisation.regionCode, [...(byCity.get(organisation.regionCode) ?? []), organisation]);
  }
  return (home, random) => random.pick(byCity.get(home.cityCode) ?? provincial).id;
}

/**
 * The application of every demo home that has applied (and of the homes opened since 2025):
 * submitted on the day of its APPLIED step by a demo organisation, for the home's host model,
 * address, position and capacity, with one or two documents and the reviews of the levels it has
 * passed (a rejected home's rejection with its reason). One home at a time, so a large province
 * streams into the database. Deterministic: its own stream (`seed + 5`), so no other row moves.
 */
export function* applicationRows(homes: readonly DemoHome[], seed: number): Generator<DemoApplication> {
  const random = new Random(seed + 5);
  const applicantOf = applicantPicker(organisationsFor(seed));
  for (const { home, steps } of homeSteps(homes, seed)) {
    if (!hasDemoApplication(home)) continue;
    const submittedAt = steps.get("APPLIED")!;
    const id = random.uuid();
    const application: Prisma.SiteApplicationCreateManyInput = {
      id,
      siteId: home.id,
      applicantOrganisationId: applicantOf(home, random),
      hostModel: home.hostModel,
      proposedAddress: home.address,
      latitude: home.latitude,
      longitude: home.longitude,
      proposedCapacity: home.capacity,
      submittedBy: null,
      submittedAt,
    };
    const documents: Prisma.ApplicationDocumentCreateManyInput[] = [
      {
        id: random.uuid(),
        applicationId: id,
        title: "场地平面图",
        kind: "SITE_PLAN",
        url: `https://docs.example.org/applications/${id}/site-plan.pdf`,
        mediaType: "application/pdf",
        sizeBytes: random.int(200_000, 2_000_000),
        addedAt: submittedAt,
      },
    ];
    if (random.chance(0.6)) {
      documents.push({
        id: random.uuid(),
        applicationId: id,
        title: "承办协议",
        kind: "HOST_AGREEMENT",
        url: `https://docs.example.org/applications/${id}/host-agreement.pdf`,
        mediaType: "application/pdf",
        sizeBytes: random.int(80_000, 600_000),
        addedAt: submittedAt,
      });
    }
    yield { application, documents, reviews: reviewsOf(home, steps, id, random) };
  }
}

/** The reviews a home has had by its status, dated between its UNDER_REVIEW step and the decision. */
function reviewsOf(
  home: DemoHome,
  steps: ReadonlyMap<string, Date>,
  applicationId: string,
  random: Random,
): Prisma.ApplicationReviewCreateManyInput[] {
  const start = steps.get("UNDER_REVIEW")?.getTime();
  if (start === undefined) return [];
  // The decision: approval or rejection; a home still under review has had its county review
  // within the following fortnight.
  const decided = (steps.get("APPROVED") ?? steps.get("REJECTED"))?.getTime();
  const end = decided ?? Math.min(LATEST, start + 14 * DAY_MS);
  let levels: { level: (typeof LEVELS)[number]; decision: "APPROVE" | "REJECT" }[];
  if (home.status === "UNDER_REVIEW") {
    levels = [{ level: "COUNTY", decision: "APPROVE" }];
  } else if (home.status === "REJECTED") {
    const rejectedAt = random.int(0, 2);
    levels = LEVELS.slice(0, rejectedAt + 1).map((level, index) => ({
      level,
      decision: index === rejectedAt ? "REJECT" : "APPROVE",
    }));
  } else {
    levels = LEVELS.map((level) => ({ level, decision: "APPROVE" }));
  }
  return levels.map(({ level, decision }) => {
    const [from, to] = REVIEW_WINDOWS[level];
    const at = start + Math.round((end - start) * (from + random.next() * (to - from)));
    return {
      id: random.uuid(),
      applicationId,
      level,
      decision,
      comments: random.pick(decision === "APPROVE" ? APPROVALS[level] : REJECTIONS),
      reviewerId: null,
      reviewedAt: new Date(at),
    };
  });
}
