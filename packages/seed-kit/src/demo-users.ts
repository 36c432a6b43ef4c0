import type { DevelopmentTokenClaims } from "@lamplight/platform";
import { DEMO_PARTNER_ORGANISATION, DEMO_VOLUNTEER_ID, demoPartnerKeySecret } from "./demo-references.js";

/**
 * One demo user for every role, matching the demo data: `pnpm run token --user <subject>` signs a
 * development token for one of them. The site manager runs the first home of the demo seed
 * (鹤塘社区留守学生之家 in Yanting County, Mianyang); a test checks the seed still has it.
 */
export const DEMO_USERS: readonly (DevelopmentTokenClaims & { description: string })[] = [
  {
    subject: "demo-province-admin",
    roles: ["PROVINCE_ADMIN"],
    description: "the province's programme office",
  },
  {
    subject: "demo-city-admin-mianyang",
    roles: ["CITY_ADMIN"],
    region: "510700",
    description: "Mianyang's leading group",
  },
  {
    subject: "demo-city-admin-chengdu",
    roles: ["CITY_ADMIN"],
    region: "510100",
    description: "Chengdu's leading group",
  },
  {
    subject: "demo-county-officer-yanting",
    roles: ["COUNTY_OFFICER"],
    region: "510723",
    description: "Yanting County, Mianyang",
  },
  {
    subject: "demo-site-manager",
    roles: ["SITE_MANAGER"],
    sites: ["06adf337-e817-466e-9150-007fd232b2ce"],
    description: "the manager of 鹤塘社区留守学生之家",
  },
  {
    subject: "demo-finance-officer",
    roles: ["FINANCE_OFFICER"],
    region: "510000",
    description: "the love fund's finance office",
  },
  {
    subject: "demo-volunteer",
    roles: ["VOLUNTEER"],
    volunteer: DEMO_VOLUNTEER_ID,
    description: "a volunteer in Yanting, paired with three children of that home",
  },
  {
    subject: "demo-partner-admin",
    roles: ["PARTNER_ADMIN"],
    organisation: DEMO_PARTNER_ORGANISATION.id,
    description: `the demo partner's key manager (${DEMO_PARTNER_ORGANISATION.name})`,
  },
];

/** The demo partner's API key (`x-api-key`), loaded by the access subgraph's demo seed. */
export const DEMO_PARTNER_KEY = {
  organisation: DEMO_PARTNER_ORGANISATION.name,
  secret: demoPartnerKeySecret(),
};
