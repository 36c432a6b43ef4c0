import { DEMO_VOLUNTEER_ID, type DemoHome, demoHomes, Random, type Scale } from "@lamplight/seed-kit";
import {
  type DemoActivityRows,
  type Draft,
  FIRST_DEMO_HOME,
  lunarDrafts,
  oneOffDraft,
  pushActivityRows,
  weeklyReading,
  YEAR_END,
  YEAR_START,
} from "./demo-activities.js";
import { type DemoAwardRows, PANEL, REASONS } from "./demo-awards.js";
import { DemoParticipants } from "./demo-participants.js";

/**
 * Activities generated (and inserted) together, up to this many or until their registrations reach
 * PROVINCE_CHUNK_REGISTRATIONS: one chunk's rows are all that is held in memory at once.
 */
export const PROVINCE_CHUNK = 500;
export const PROVINCE_CHUNK_REGISTRATIONS = 20_000;

/** One share of the year's activities per hundred is a weekly series at a home. */
const WEEKLY_SHARE = 0.01;
/** Weekly series other than the reading afternoon: family-call Sundays and Wednesday sports. */
const WEEKLY_KINDS = [
  { kind: "READING", title: "周六阅读下午", weekday: 6, startMinute: 14 * 60 },
  { kind: "FAMILY_CALL", title: "周日亲情电话", weekday: 7, startMinute: 19 * 60 },
  { kind: "SPORTS", title: "周三阳光体育", weekday: 3, startMinute: 16 * 60 },
] as const;

/** The open homes of the scale, the same `demoHomes(seed, homes)` every subgraph's seed uses. */
export function openHomes(scale: Scale): DemoHome[] {
  return demoHomes(scale.seed, scale.homes).filter((home) => home.status === "OPEN");
}

/** Picks homes in proportion to their capacity: bigger homes hold more activities. */
function capacityPicker(random: Random, homes: readonly DemoHome[]): () => DemoHome {
  const cumulative: number[] = [];
  let total = 0;
  for (const home of homes) {
    total += home.capacity;
    cumulative.push(total);
  }
  return () => {
    const point = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle]! > point) high = middle;
      else low = middle + 1;
    }
    return homes[low]!;
  };
}

/** How the year's activities divide into yearly festivals, weekly series and one-off activities. */
export function provincePlan(scale: Scale, homes: readonly DemoHome[]) {
  const festivalHomes = homes
    .filter((home) => home.demonstration)
    .slice(0, Math.floor(scale.activities / 100));
  const weekly = Math.max(1, Math.floor(scale.activities * WEEKLY_SHARE));
  const oneOff = scale.activities - festivalHomes.length * 2 - weekly;
  if (oneOff < 0) throw new Error("the province scale needs at least 2 activities");
  return { festivalHomes, weekly, oneOff };
}

/**
 * The province's activities of the year, chunk by chunk (a few hundred activities with their
 * occurrences, registrations and attendance at a time): "love at Mid-Autumn" and "warm New Year's
 * Eve" at the demonstration homes, weekly series (the first home's Saturday reading afternoon,
 * where the demo volunteer serves, among them), and the rest one-off activities at the active homes
 * in proportion to their capacity, of the kinds each month holds. Registrations name seed-kit's
 * children of the activity's home and active volunteers near it, as the demo's do (`participants`,
 * the scale's by default). Deterministic from the scale's seed.
 */
export function* provinceActivities(
  scale: Scale,
  homes: readonly DemoHome[],
  participants: DemoParticipants = new DemoParticipants(scale),
): Generator<Omit<DemoActivityRows, "homes">> {
  const random = new Random(scale.seed + 7);
  const first = homes.find((home) => home.id === FIRST_DEMO_HOME) ?? homes[0]!;
  // Most homes hold regular activities; a few stay quiet, and homes without children hold none
  // (nobody to hold them for). The festivals' demonstration homes are planned whatever their
  // children: at small scales one may have none, and its festivals then register only volunteers.
  const active = homes.filter(
    (home) => (home.demonstration || random.chance(0.8)) && participants.childrenOf(home.id).length > 0,
  );
  const pick = capacityPicker(random, active.length > 0 ? active : [first]);
  const plan = provincePlan(scale, homes);

  function* drafts(): Generator<{ draft: Draft; volunteer: string | null }> {
    for (const home of plan.festivalHomes) {
      for (const draft of lunarDrafts(home)) yield { draft, volunteer: null };
    }
    yield { draft: weeklyReading(first), volunteer: DEMO_VOLUNTEER_ID };
    for (let n = 1; n < plan.weekly; n++) {
      const series = random.pick(WEEKLY_KINDS);
      yield {
        draft: {
          home: pick(),
          kind: series.kind,
          title: series.title,
          rule: { kind: "WEEKLY", weekdays: [series.weekday] },
          startsOn: YEAR_START,
          endsOn: YEAR_END,
          startMinute: series.startMinute,
        },
        volunteer: null,
      };
    }
    for (let n = 0; n < plan.oneOff; n++) yield { draft: oneOffDraft(random, pick()), volunteer: null };
  }

  let rows = emptyRows();
  let count = 0;
  for (const { draft, volunteer } of drafts()) {
    pushActivityRows(random, draft, rows, participants, volunteer);
    if (++count % PROVINCE_CHUNK === 0 || rows.registrations.length >= PROVINCE_CHUNK_REGISTRATIONS) {
      yield rows;
      rows = emptyRows();
    }
  }
  if (rows.activities.length > 0) yield rows;
}

function emptyRows(): Omit<DemoActivityRows, "homes"> {
  return { activities: [], activityHomes: [], occurrences: [], registrations: [] };
}

const day = (month: number, date: number) =>
  `2026-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}T02:00:00.000Z`;

/**
 * The year's award selections across the province: the province's own three (excellent homes
 * published, caring stars under review, self-reliance stars still nominating) and the same three
 * in every city that has homes. Homes are nominated among each region's open homes (demonstration
 * homes first); caring and self-reliance stars in proportion to the scale's volunteers and children:
 * seed-kit's active volunteers near a home of the region and children of the region's homes, each
 * nominated once, with the home they serve at or attend. Reviews from three of the panel; published
 * selections rank their winners by mean score.
 */
export function provinceAwards(
  scale: Scale,
  homes: readonly DemoHome[],
  participants: DemoParticipants = new DemoParticipants(scale),
): DemoAwardRows {
  const random = new Random(scale.seed + 11);
  const rows: DemoAwardRows = { selections: [], nominations: [], reviews: [] };
  const byCity = new Map<string, DemoHome[]>();
  for (const home of homes) byCity.set(home.cityCode, [...(byCity.get(home.cityCode) ?? []), home]);
  const regions: { code: string; name: string; homes: readonly DemoHome[]; share: number; city: boolean }[] =
    [
      { code: "510000", name: "全省", homes, share: 1, city: false },
      ...[...byCity.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, cityHomes]) => ({
          code,
          name: "全市",
          homes: cityHomes,
          share: cityHomes.length / homes.length,
          city: true,
        })),
    ];

  for (const region of regions) {
    const panel = region.city ? [PANEL[0]!, `city-admin-${region.code}`, PANEL[2]!, PANEL[3]!] : PANEL;
    const officer = `officer-${region.code}`;
    const selection = (
      category: string,
      title: string,
      status: string,
      winnerCount: number,
      createdAt: string,
    ) => {
      const id = random.uuid();
      rows.selections.push({
        id,
        year: 2026,
        category,
        regionCode: region.code,
        title: `2026年度${region.name}${title}`,
        status,
        panel,
        winnerCount,
        publishedAt: status === "PUBLISHED" ? day(11, 20) : null,
        createdAt,
      });
      return id;
    };
    const nominate = (
      selectionId: string,
      nominee: { kind: string; studentId?: string; volunteerId?: string; siteId: string },
      index: number,
      reviewed: boolean,
    ) => {
      const id = random.uuid();
      const nomination = {
        id,
        selectionId,
        nomineeKind: nominee.kind,
        studentId: nominee.studentId ?? null,
        volunteerId: nominee.volunteerId ?? null,
        carerName: null,
        siteId: nominee.siteId,
        organisationId: null,
        reason: random.pick(REASONS),
        nominatedBy: officer,
        nominatorOrganisationId: null,
        createdAt: day(nominee.kind === "HOME" ? 9 : 10, 10 + (index % 20)),
        winner: false,
        rank: null as number | null,
      };
      rows.nominations.push(nomination);
      let total = 0;
      if (reviewed) {
        for (const reviewer of panel.slice(0, 3)) {
          const score = random.int(5, 10);
          total += score;
          rows.reviews.push({
            id: random.uuid(),
            nominationId: id,
            reviewer,
            score,
            comment: null,
            createdAt: day(11, 10),
          });
        }
      }
      return { nomination, mean: total / 3, index };
    };

    // Excellent homes: published, about one in ten open homes nominated (one in twenty for the
    // province), demonstration homes first.
    const nominees = Math.max(1, Math.round(region.homes.length * (region.city ? 0.1 : 0.05)));
    const demonstration = region.homes.filter((home) => home.demonstration);
    const others = region.homes.filter((home) => !home.demonstration);
    const chosen = [...demonstration, ...shuffled(random, others)].slice(0, nominees);
    const winners = Math.max(1, Math.round(chosen.length / (region.city ? 3 : 10)));
    const excellent = selection("EXCELLENT_HOME", "优秀留守学生之家", "PUBLISHED", winners, day(9, 1));
    const scored = chosen.map((home, index) =>
      nominate(excellent, { kind: "HOME", siteId: home.id }, index, true),
    );
    scored.sort((a, b) => b.mean - a.mean || a.index - b.index);
    for (const [rank, entry] of scored.slice(0, winners).entries()) {
      entry.nomination.winner = true;
      entry.nomination.rank = rank + 1;
    }

    // Caring stars (volunteers): under review. The province's list opens with the demo volunteer.
    const caring = selection("CARING_STAR", "“关爱之星”", "REVIEWING", region.city ? 10 : 20, day(10, 1));
    const volunteers = Math.max(
      1,
      Math.round((scale.volunteers / (region.city ? 200 : 1000)) * region.share),
    );
    const caringStars = new Set<string>();
    for (let n = 0, tries = 0; n < volunteers && tries < volunteers * 4; tries++) {
      const home = random.pick(region.homes);
      const near = participants.volunteersNear(home);
      if (near.length === 0) break;
      const volunteerId = !region.city && n === 0 ? DEMO_VOLUNTEER_ID : random.pick(near);
      if (caringStars.has(volunteerId)) continue;
      caringStars.add(volunteerId);
      // The demo volunteer serves at the first home (FIRST_DEMO_HOME with the demo seed).
      const siteId = volunteerId === DEMO_VOLUNTEER_ID ? (homes[0]?.id ?? home.id) : home.id;
      nominate(caring, { kind: "VOLUNTEER", volunteerId, siteId }, n++, true);
    }

    // Self-reliance stars (children): still nominating, not yet reviewed.
    const selfReliance = selection(
      "SELF_RELIANCE_STAR",
      "“自强之星”",
      "NOMINATING",
      region.city ? 20 : 50,
      day(10, 1),
    );
    const children = Math.max(1, Math.round((scale.children / (region.city ? 2000 : 10_000)) * region.share));
    const withChildren = region.homes.filter((home) => participants.childrenOf(home.id).length > 0);
    const selfRelianceStars = new Set<string>();
    for (let n = 0, tries = 0; n < children && withChildren.length > 0 && tries < children * 4; tries++) {
      const home = random.pick(withChildren);
      const studentId = random.pick(participants.childrenOf(home.id));
      if (selfRelianceStars.has(studentId)) continue;
      selfRelianceStars.add(studentId);
      nominate(selfReliance, { kind: "STUDENT", studentId, siteId: home.id }, n++, false);
    }
  }
  return rows;
}

function shuffled<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
