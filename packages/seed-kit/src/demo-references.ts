import { createHash } from "node:crypto";
import { DEMO_SEED } from "./demo-homes.js";

// Records that several subgraphs' demo seeds refer to by id: one subgraph loads each, the others
// point at it (campaigns loads the projects, funding designates gifts to them), so they must agree.

/** One of the projects offered to donors, in the shape the campaigns subgraph stores. */
export interface DemoProject {
  id: string;
  /** A stable short code, e.g. `MOBILE_LIBRARY`. */
  code: string;
  name: string;
  /** The fundraising target in fen (1 yuan = 100 fen). */
  targetFen: bigint;
}

/** The 11 projects the programme offers to society (see the domain brief, "Campaigns"). */
export const DEMO_PROJECTS: readonly DemoProject[] = [
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a01",
    code: "MOBILE_LIBRARY",
    name: "流动爱心图书馆",
    targetFen: 300_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a02",
    code: "PARENTS_WORKPLACE",
    name: "看看爸妈工作的地方",
    targetFen: 120_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a03",
    code: "SINGLE_MOTHERS_BASE",
    name: "留守单亲母亲培训基地",
    targetFen: 200_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a04",
    code: "SPORTS_CENTRE",
    name: "留守学生体育活动中心",
    targetFen: 800_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a05",
    code: "OLYMPIC_JOURNEY",
    name: "奥运之旅",
    targetFen: 150_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a06",
    code: "FAMILY_CALLS",
    name: "亲情电话",
    targetFen: 100_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a07",
    code: "GOOD_BOOKS_AND_PLAYS",
    name: "好书好戏进家园",
    targetFen: 80_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a08",
    code: "SUMMER_WINTER_CAMPS",
    name: "冬夏令营",
    targetFen: 250_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a09",
    code: "SELF_PROTECTION",
    name: "我是小大人自护演练",
    targetFen: 60_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a10",
    code: "SCIENCE_MUSEUM_VISITS",
    name: "走进科技馆",
    targetFen: 90_000_000n,
  },
  {
    id: "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a11",
    code: "HOME_EQUIPMENT",
    name: "留守学生之家设备配置",
    targetFen: 500_000_000n,
  },
];

/** The demo volunteer account's volunteer record: people seeds it (active, paired), and the demo token carries it. */
export const DEMO_VOLUNTEER_ID = "3f9b6c1d-2a4e-4f7b-8c5d-6e1a9b0c2d01";

/**
 * The demo partner: an alliance company with an API key in the demo data. People seeds the
 * organisation; access seeds its key and the operations it may run.
 */
export const DEMO_PARTNER_ORGANISATION = {
  id: "5d2c8a41-7e3b-4f9a-b6c0-1e8d4a2f9c01",
  name: "蜀光通信四川分公司",
  kind: "ALLIANCE_COMPANY",
} as const;

/** The demo partner's API key's id: fixed, so that examples can ask for its usage. */
export const DEMO_PARTNER_KEY_ID = "5d2c8a41-7e3b-4f9a-b6c0-1e8d4a2f9c02";

/**
 * The demo partner's API key secret, derived from the seed number so that the README's examples
 * work on every development machine. It is public knowledge: demo data never goes to production.
 */
export function demoPartnerKeySecret(seed = DEMO_SEED): string {
  return `lk_${createHash("sha256").update(`lamplight demo partner ${seed}`).digest("base64url")}`;
}
