import { cities } from "@lamplight/regions";
import { DEMO_PARTNER_ORGANISATION } from "./demo-references.js";
import { placeName } from "./names.js";
import { Random } from "./random.js";

/** The kinds of organisation of the people subgraph (its OrganisationKind enum). */
export const OrganisationKind = {
  GOVERNMENT_UNIT: "GOVERNMENT_UNIT",
  ALLIANCE_COMPANY: "ALLIANCE_COMPANY",
  ALLIANCE_SOCIAL_GROUP: "ALLIANCE_SOCIAL_GROUP",
  ALLIANCE_MEDIA: "ALLIANCE_MEDIA",
} as const;
export type OrganisationKind = (typeof OrganisationKind)[keyof typeof OrganisationKind];

/**
 * An organisation of the demo world: registered by the people seed, and named by every other
 * seed that needs one (a gift's donor, a project's owner), by the same id.
 */
export interface DemoOrganisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  /** The region it works in: 510000 for province-wide bodies, else its city. */
  regionCode: string;
}

const PROVINCE = "510000";

/** The leading group's 13 member units (the programme's joint-meeting system), all province-wide. */
export const GOVERNMENT_MEMBER_UNITS: readonly string[] = [
  "四川省公安厅",
  "四川省教育厅",
  "四川省文化和旅游厅",
  "四川省人力资源和社会保障厅",
  "四川省妇女联合会",
  "四川省关心下一代工作委员会",
  "四川省民政厅",
  "四川省财政厅",
  "四川省卫生健康委员会",
  "四川省司法厅",
  "四川省体育局",
  "四川省农业农村厅",
  "四川省总工会",
];

/**
 * Province-wide alliance members. Invented names for the kinds of bodies the programme reports:
 * the power company and the property group that funded homes, the mobile operator that gave homes
 * IP phones, the publishing group that gave each city a mobile love library, the newspapers and
 * broadcasters that carry the campaign.
 */
const PROVINCIAL_ALLIANCE: readonly (readonly [string, OrganisationKind])[] = [
  ["蜀光电力有限公司", OrganisationKind.ALLIANCE_COMPANY],
  ["锦安地产集团", OrganisationKind.ALLIANCE_COMPANY],
  ["天府移动通信有限公司", OrganisationKind.ALLIANCE_COMPANY],
  ["巴蜀出版传媒集团", OrganisationKind.ALLIANCE_COMPANY],
  ["四川省青少年发展基金会", OrganisationKind.ALLIANCE_SOCIAL_GROUP],
  ["四川省志愿服务联合会", OrganisationKind.ALLIANCE_SOCIAL_GROUP],
  ["四川省慈善总会", OrganisationKind.ALLIANCE_SOCIAL_GROUP],
  ["四川省心理咨询师协会", OrganisationKind.ALLIANCE_SOCIAL_GROUP],
  ["四川省律师志愿服务团", OrganisationKind.ALLIANCE_SOCIAL_GROUP],
  ["巴蜀日报", OrganisationKind.ALLIANCE_MEDIA],
  ["天府广播电视台", OrganisationKind.ALLIANCE_MEDIA],
  ["西部都市报", OrganisationKind.ALLIANCE_MEDIA],
];

const COMPANY_TRADES = [
  "食品有限公司",
  "建设集团",
  "酒业集团",
  "药业有限公司",
  "物流有限公司",
  "电子科技有限公司",
  "农业发展有限公司",
  "旅游集团",
  "商贸有限公司",
];
const SOCIAL_GROUPS = [
  "义工联合会",
  "社会工作者协会",
  "爱心妈妈志愿服务队",
  "五老志愿服务团",
  "助学促进会",
  "青年志愿者协会",
];
const MEDIA = ["日报", "广播电视台", "晚报", "融媒体中心"];

const ALLIANCE_KINDS: readonly (readonly [OrganisationKind, number])[] = [
  [OrganisationKind.ALLIANCE_COMPANY, 45],
  [OrganisationKind.ALLIANCE_SOCIAL_GROUP, 35],
  [OrganisationKind.ALLIANCE_MEDIA, 20],
];

/** "绵阳市" → "绵阳"; prefectures keep their full name ("阿坝藏族羌族自治州" reads badly cut). */
const shortCityName = (name: string) => (name.endsWith("市") ? name.slice(0, -1) : name);

/** The seed the demo's organisations are drawn from. */
export const DEMO_ORGANISATION_SEED = 20261130;

/** How many alliance members the demo has (the programme reports "60+"). */
export const DEMO_ALLIANCE_COUNT = 64;

/**
 * The leading group's member units and the caring alliance: province-wide members first, then
 * members based in the cities. Deterministic: the same seed gives the same rows, ids included.
 */
export function demoOrganisations(seed = DEMO_ORGANISATION_SEED): DemoOrganisation[] {
  const random = new Random(seed);
  const rows: DemoOrganisation[] = [];
  for (const name of GOVERNMENT_MEMBER_UNITS) {
    rows.push({ id: random.uuid(), name, kind: OrganisationKind.GOVERNMENT_UNIT, regionCode: PROVINCE });
  }
  for (const [name, kind] of PROVINCIAL_ALLIANCE)
    rows.push({ id: random.uuid(), name, kind, regionCode: PROVINCE });
  const names = new Set(rows.map((row) => row.name));
  const cityList = cities();
  while (rows.length < GOVERNMENT_MEMBER_UNITS.length + DEMO_ALLIANCE_COUNT) {
    const city = random.pick(cityList);
    const kind = random.weighted(ALLIANCE_KINDS);
    const cityName = shortCityName(city.name);
    const name =
      kind === OrganisationKind.ALLIANCE_COMPANY
        ? `${cityName}${placeName(random)}${random.pick(COMPANY_TRADES)}`
        : kind === OrganisationKind.ALLIANCE_SOCIAL_GROUP
          ? `${cityName}${random.pick(SOCIAL_GROUPS)}`
          : `${cityName}${random.pick(MEDIA)}`;
    // The draw for the id happens either way, so one skipped name does not shift later ids.
    const id = random.uuid();
    if (names.has(name)) continue;
    names.add(name);
    rows.push({ id, name, kind, regionCode: city.code });
  }
  // Last, so that no draw above moves: the demo partner, whose API key the access seed loads.
  rows.push({
    id: DEMO_PARTNER_ORGANISATION.id,
    name: DEMO_PARTNER_ORGANISATION.name,
    kind: OrganisationKind.ALLIANCE_COMPANY,
    regionCode: PROVINCE,
  });
  return rows;
}
