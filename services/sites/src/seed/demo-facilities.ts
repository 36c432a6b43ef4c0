import { cities, countiesWithin, getRegion } from "@lamplight/regions";
import { type DemoHome, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";

/** Homes a mobile library calls at, at most. */
const ROUTE_LENGTH = 8;

/**
 * Facilities beyond homes: the mobile love library a publishing group gave each of the 21 cities
 * (each with a route of eight open homes of its city), the provincial sports activity centre and
 * the training base for left-behind single mothers.
 */
export function demoFacilities(
  homes: readonly DemoHome[],
  seed: number,
): {
  sites: Prisma.SiteCreateManyInput[];
  stops: Prisma.RouteStopCreateManyInput[];
  history: Prisma.SiteTransitionCreateManyInput[];
} {
  const random = new Random(seed + 4);
  const sites: Prisma.SiteCreateManyInput[] = [];
  const stops: Prisma.RouteStopCreateManyInput[] = [];
  for (const city of cities()) {
    const open = homes.filter((home) => home.cityCode === city.code && home.status === "OPEN");
    const county = open[0]?.regionCode ?? countiesWithin(city.code)[0]!.code;
    const id = random.uuid();
    sites.push({
      id,
      name: `${city.name}流动爱心图书馆`,
      regionCode: county,
      cityCode: city.code,
      address: `四川省${city.name}${getRegion(county)!.name}新华书店`,
      hostModel: "SOCIAL_ORGANISATION",
      kind: "MOBILE_LIBRARY",
      capacity: 40,
      status: "OPEN",
      openedOn: new Date("2025-06-01"),
    });
    const route = new Set<string>();
    while (route.size < Math.min(ROUTE_LENGTH, open.length)) route.add(random.pick(open).id);
    [...route].forEach((homeSiteId, index) => {
      stops.push({ librarySiteId: id, position: index + 1, homeSiteId });
    });
  }
  sites.push(
    {
      id: random.uuid(),
      name: "四川省青少年体育活动中心",
      regionCode: "510104",
      cityCode: "510100",
      address: "四川省成都市锦江区体育场路",
      hostModel: "TOWN_WORK_UNIT",
      kind: "ACTIVITY_CENTRE",
      capacity: 300,
      status: "OPEN",
      openedOn: new Date("2024-07-01"),
    },
    {
      id: random.uuid(),
      name: "留守单亲母亲培训基地",
      regionCode: "510723",
      cityCode: "510700",
      address: "四川省绵阳市盐亭县云溪镇",
      hostModel: "SOCIAL_ORGANISATION",
      kind: "ACTIVITY_CENTRE",
      capacity: 60,
      status: "OPEN",
      openedOn: new Date("2025-03-08"),
    },
  );
  const history = sites.map((site) => ({
    id: random.uuid(),
    siteId: site.id!,
    fromStatus: null,
    toStatus: "OPEN" as const,
    actorId: null,
    actorRoles: ["PROVINCE_ADMIN"],
    reason: "登记已开放的设施",
    at: new Date(site.openedOn as Date),
  }));
  return { sites, stops, history };
}
