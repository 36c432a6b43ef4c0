import {
  DEMO_CHILD_CHUNK,
  type DemoHome,
  demoChildSource,
  demoHomes,
  demoVolunteerSource,
  type Random,
  type Scale,
} from "@lamplight/seed-kit";

/**
 * The children and volunteers of the demo world (seed-kit's, the records people loads) as the
 * activities' registrations need them: the ids of each home's children, and of the active
 * volunteers of each county and city. Ids only, so a province of a million children fits.
 */
export class DemoParticipants {
  readonly #childrenByHome = new Map<string, string[]>();
  readonly #activeByCounty = new Map<string, string[]>();
  readonly #activeByCity = new Map<string, string[]>();
  readonly #active: string[] = [];

  /** Walks the scale's children and volunteers chunk by chunk, keeping only what is named here. */
  constructor(scale: Scale, homes: readonly DemoHome[] = demoHomes(scale.seed, scale.homes)) {
    const nextChildren = demoChildSource(scale.seed, homes);
    for (let drawn = 0; drawn < scale.children; drawn += DEMO_CHILD_CHUNK) {
      for (const child of nextChildren(Math.min(DEMO_CHILD_CHUNK, scale.children - drawn))) {
        if (child.siteId !== null) push(this.#childrenByHome, child.siteId, compact(child.id));
      }
    }
    if (homes.length === 0) return;
    for (const volunteer of demoVolunteerSource(scale.seed, homes[0])(scale.volunteers)) {
      // Only an active volunteer serves (campaigns' own rule for registering one).
      if (volunteer.status !== "ACTIVE") continue;
      const id = compact(volunteer.id);
      push(this.#activeByCounty, volunteer.regionCode, id);
      push(this.#activeByCity, volunteer.cityCode, id);
      this.#active.push(id);
    }
  }

  /** The children who attend the home. */
  childrenOf(homeId: string): readonly string[] {
    return this.#childrenByHome.get(homeId) ?? [];
  }

  /**
   * The active volunteers who serve at a home: those of its county, else of its city, else (only
   * at scales so small that a city has none) of the province.
   */
  volunteersNear(home: DemoHome): readonly string[] {
    return this.#activeByCounty.get(home.regionCode) ?? this.#activeByCity.get(home.cityCode) ?? this.#active;
  }
}

/**
 * The id copied into one flat string. A drawn id is pieced together from its hex groups, and V8
 * keeps such a string as a tree of its pieces: about 370 bytes an id against 65 flat, the
 * difference between 330 MB and 65 MB for a province's million children.
 */
function compact(id: string): string {
  return Buffer.from(id, "latin1").toString("latin1");
}

function push(map: Map<string, string[]>, key: string, id: string): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}

/** Up to `count` distinct items drawn from `items` (all of them when there are no more). */
export function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const n = items.length;
  const k = Math.min(count, n);
  if (k * 3 < n) {
    // Few out of many: draw indexes until enough distinct ones, no copy of the list.
    const chosen = new Set<number>();
    while (chosen.size < k) chosen.add(random.int(0, n - 1));
    return [...chosen].map((index) => items[index]!);
  }
  const copy = items.slice();
  for (let i = 0; i < k; i++) {
    const j = random.int(i, n - 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, k);
}
