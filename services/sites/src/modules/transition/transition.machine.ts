// The life of a site as pure code: which moves exist, who may make each, and what must hold first.
// No database here: the repository gathers the facts, the resolver turns a refusal into an error.

export type Status =
  | "PROPOSED"
  | "APPLIED"
  | "UNDER_REVIEW"
  | "APPROVED"
  | "REJECTED"
  | "TENDERING"
  | "BUILDING"
  | "OPEN"
  | "SUSPENDED"
  | "CLOSED";

/** The levels of government that act on a site, lowest first. */
export type Level = "COUNTY" | "CITY" | "PROVINCE";
const LEVEL_RANK: Record<Level, number> = { COUNTY: 0, CITY: 1, PROVINCE: 2 };

export type Decision = "APPROVE" | "REJECT";

/** What the preconditions look at, gathered before a move. */
export interface TransitionFacts {
  /** Whether an application has been submitted for the site. */
  hasApplication: boolean;
  /** The decision recorded at each level of review, if any. */
  reviews: Partial<Record<Level, Decision>>;
  /** Whether a construction contract has been awarded for the site. */
  constructionAwarded: boolean;
  /** Whether the site has a location on the map. */
  hasLocation: boolean;
}

interface Rule {
  from: readonly Status[];
  to: Status;
  /** The lowest level that may make the move; higher levels may too. */
  minLevel: Level;
  /** What must hold first, in words, and the check. */
  requires?: { what: string; holds: (facts: TransitionFacts) => boolean };
}

const ALL_REVIEWS_APPROVE = (facts: TransitionFacts) =>
  facts.reviews.COUNTY === "APPROVE" &&
  facts.reviews.CITY === "APPROVE" &&
  facts.reviews.PROVINCE === "APPROVE";

export const RULES: readonly Rule[] = [
  {
    from: ["PROPOSED"],
    to: "APPLIED",
    minLevel: "COUNTY",
    requires: { what: "an application has been submitted", holds: (facts) => facts.hasApplication },
  },
  {
    from: ["APPLIED"],
    to: "UNDER_REVIEW",
    minLevel: "COUNTY",
    requires: { what: "an application has been submitted", holds: (facts) => facts.hasApplication },
  },
  {
    from: ["UNDER_REVIEW"],
    to: "APPROVED",
    minLevel: "PROVINCE",
    requires: {
      what: "the county, the city and the province have approved the application",
      holds: ALL_REVIEWS_APPROVE,
    },
  },
  {
    from: ["UNDER_REVIEW"],
    to: "REJECTED",
    minLevel: "COUNTY",
    requires: {
      what: "a review has rejected the application",
      holds: (facts) => Object.values(facts.reviews).includes("REJECT"),
    },
  },
  { from: ["APPROVED"], to: "TENDERING", minLevel: "CITY" },
  {
    from: ["TENDERING"],
    to: "BUILDING",
    minLevel: "CITY",
    requires: {
      what: "a construction contract has been awarded",
      holds: (facts) => facts.constructionAwarded,
    },
  },
  {
    from: ["BUILDING"],
    to: "OPEN",
    minLevel: "COUNTY",
    requires: { what: "the site has a location", holds: (facts) => facts.hasLocation },
  },
  { from: ["OPEN"], to: "SUSPENDED", minLevel: "COUNTY" },
  { from: ["SUSPENDED"], to: "OPEN", minLevel: "COUNTY" },
  { from: ["OPEN", "SUSPENDED"], to: "CLOSED", minLevel: "CITY" },
];

/** The statuses a site in `from` may move to, by anyone. */
export function nextStatuses(from: Status): Status[] {
  return RULES.filter((rule) => rule.from.includes(from)).map((rule) => rule.to);
}

export type Verdict =
  | { ok: true }
  /** No such move from the current status. */
  | { ok: false; reason: "ILLEGAL"; message: string }
  /** The move exists, but not for the caller's level. */
  | { ok: false; reason: "LEVEL"; message: string; minLevel: Level }
  /** The move exists and the caller may make it, but something must hold first. */
  | { ok: false; reason: "PRECONDITION"; message: string; unmet: string };

/**
 * Whether an actor at `level` (the highest level among their roles that covers the site) may move
 * a site from `from` to `to`, given the facts. Checks in this order: the move, the level, the facts.
 */
export function checkTransition(from: Status, to: Status, level: Level, facts: TransitionFacts): Verdict {
  const rule = RULES.find((candidate) => candidate.to === to && candidate.from.includes(from));
  if (!rule) {
    const allowed = nextStatuses(from);
    return {
      ok: false,
      reason: "ILLEGAL",
      message: `A site that is ${from} cannot become ${to}${allowed.length ? `; it can become ${allowed.join(" or ")}` : ""}`,
    };
  }
  if (LEVEL_RANK[level] < LEVEL_RANK[rule.minLevel]) {
    return {
      ok: false,
      reason: "LEVEL",
      minLevel: rule.minLevel,
      message: `Moving a site from ${from} to ${to} is for the ${rule.minLevel.toLowerCase()} level or above`,
    };
  }
  if (rule.requires && !rule.requires.holds(facts)) {
    return {
      ok: false,
      reason: "PRECONDITION",
      unmet: rule.requires.what,
      message: `A site can become ${to} only when ${rule.requires.what}`,
    };
  }
  return { ok: true };
}

/** The highest of the given levels, or null when there is none. */
export function highestLevel(levels: readonly Level[]): Level | null {
  return levels.reduce<Level | null>(
    (best, level) => (best === null || LEVEL_RANK[level] > LEVEL_RANK[best] ? level : best),
    null,
  );
}
