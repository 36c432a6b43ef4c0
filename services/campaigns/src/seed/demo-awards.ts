import { DEMO_HOME_COUNT, DEMO_SEED, DEMO_VOLUNTEER_ID, demoHomes, Random } from "@lamplight/seed-kit";
import { FIRST_DEMO_HOME } from "./demo-activities.js";

/** The panel of the demo selections: demo users, so that a demo token can score. */
export const PANEL = ["demo-province-admin", "demo-city-admin-chengdu", "panel-expert-1", "panel-expert-2"];

export interface DemoAwardRows {
  selections: object[];
  nominations: object[];
  reviews: object[];
}

export const REASONS = [
  "常年坚持开展活动，留守学生每周都来读书、写作业，家长满意。",
  "建立了规范的管理制度，志愿者与孩子结对帮扶，成效明显。",
  "“六个一”设备齐全，亲情电话使用率高，孩子们和父母联系紧密。",
];

/**
 * The 2026 selections: excellent homes (published: 10 winners among 30 nominated demonstration
 * homes, the first demo home among them), caring stars (open, the demo volunteer nominated) and
 * self-reliance stars (open, no nominations yet). The homes are `demoHomes(seed, homeCount)`.
 */
export function demoAwards(seed = DEMO_SEED, homeCount = DEMO_HOME_COUNT): DemoAwardRows {
  const random = new Random(seed + 11);
  const homes = demoHomes(seed, homeCount).filter((home) => home.status === "OPEN" && home.demonstration);
  // The first demo home leads (with another seed, the first demonstration home), never twice.
  const leading = homes.find((home) => home.id === FIRST_DEMO_HOME) ?? homes[0]!;
  const nominated = [leading, ...homes.filter((home) => home.id !== leading.id).slice(0, 29)];
  const excellent = random.uuid();
  const caring = random.uuid();
  const selfReliance = random.uuid();
  const selections = [
    {
      id: excellent,
      year: 2026,
      category: "EXCELLENT_HOME",
      regionCode: "510000",
      title: "2026年度全省优秀留守学生之家",
      status: "PUBLISHED",
      panel: PANEL,
      winnerCount: 10,
      publishedAt: "2026-11-20T02:00:00.000Z",
      createdAt: "2026-09-01T00:00:00.000Z",
    },
    {
      id: caring,
      year: 2026,
      category: "CARING_STAR",
      regionCode: "510000",
      title: "2026年度“关爱之星”",
      status: "NOMINATING",
      panel: PANEL,
      winnerCount: 20,
      publishedAt: null,
      createdAt: "2026-10-01T00:00:00.000Z",
    },
    {
      id: selfReliance,
      year: 2026,
      category: "SELF_RELIANCE_STAR",
      regionCode: "510000",
      title: "2026年度“自强之星”",
      status: "NOMINATING",
      panel: PANEL,
      winnerCount: 50,
      publishedAt: null,
      createdAt: "2026-10-01T00:00:00.000Z",
    },
  ];
  const nominations: (Record<string, unknown> & { id: string })[] = [];
  const reviews: object[] = [];
  const scored: { id: string; mean: number }[] = [];
  for (const [index, home] of nominated.entries()) {
    const id = random.uuid();
    nominations.push({
      id,
      selectionId: excellent,
      nomineeKind: "HOME",
      studentId: null,
      volunteerId: null,
      carerName: null,
      siteId: home.id,
      organisationId: null,
      reason: random.pick(REASONS),
      nominatedBy: "demo-county-officer-yanting",
      nominatorOrganisationId: null,
      createdAt: `2026-09-${String(10 + (index % 20)).padStart(2, "0")}T02:00:00.000Z`,
      winner: false,
      rank: null,
    });
    let total = 0;
    for (const reviewer of PANEL.slice(0, 3)) {
      // The first demo home is the panel's favourite, so the demo shows a winning home.
      const score = index === 0 ? 10 : random.int(5, 9);
      total += score;
      reviews.push({
        id: random.uuid(),
        nominationId: id,
        reviewer,
        score,
        comment: null,
        createdAt: "2026-11-10T02:00:00.000Z",
      });
    }
    scored.push({ id, mean: total / 3 });
  }
  // Winners as publication ranks them: best mean first, then the earlier nomination.
  const order = scored
    .map((entry, index) => ({ ...entry, index }))
    .sort((a, b) => b.mean - a.mean || a.index - b.index);
  for (const [rank, entry] of order.slice(0, 10).entries()) {
    const nomination = nominations.find((row) => row.id === entry.id)!;
    nomination.winner = true;
    nomination.rank = rank + 1;
  }
  nominations.push({
    id: random.uuid(),
    selectionId: caring,
    nomineeKind: "VOLUNTEER",
    studentId: null,
    volunteerId: DEMO_VOLUNTEER_ID,
    carerName: null,
    siteId: FIRST_DEMO_HOME,
    organisationId: null,
    reason: "每周六到留守学生之家陪孩子们读书，与三名孩子结对帮扶一年。",
    nominatedBy: "demo-site-manager",
    nominatorOrganisationId: null,
    createdAt: "2026-10-12T02:00:00.000Z",
    winner: false,
    rank: null,
  });
  return { selections, nominations, reviews };
}
