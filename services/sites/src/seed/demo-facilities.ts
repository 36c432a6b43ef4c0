import { type DemoHome, demoFacilities as demoWorldFacilities, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";

/**
 * Facilities beyond homes, as the demo world has them (seed-kit's `demoFacilities`, which funding
 * names by the same ids): the mobile love library a publishing group gave each of the 21 cities,
 * with its route of up to eight open homes of its city, the provincial sports activity centre and
 * the training base for left-behind single mothers; and each facility's registration as open.
 */
export function demoFacilities(
  homes: readonly DemoHome[],
  seed: number,
): {
  sites: Prisma.SiteCreateManyInput[];
  stops: Prisma.RouteStopCreateManyInput[];
  history: Prisma.SiteTransitionCreateManyInput[];
} {
  const facilities = demoWorldFacilities(seed, homes);
  const sites: Prisma.SiteCreateManyInput[] = facilities.all.map((facility) => ({
    id: facility.id,
    name: facility.name,
    regionCode: facility.regionCode,
    cityCode: facility.cityCode,
    address: facility.address,
    hostModel: facility.hostModel,
    kind: facility.kind,
    capacity: facility.capacity,
    status: facility.status,
    openedOn: facility.openedOn,
  }));
  const stops = facilities.mobileLibraries.flatMap((library) =>
    library.route.map((homeSiteId, index) => ({
      librarySiteId: library.id,
      position: index + 1,
      homeSiteId,
    })),
  );
  // Seed-kit draws the facilities from this seed's stream seed + 4; their registrations take the next.
  const random = new Random(seed + 5);
  const history = facilities.all.map((facility) => ({
    id: random.uuid(),
    siteId: facility.id,
    fromStatus: null,
    toStatus: "OPEN" as const,
    actorId: null,
    actorRoles: ["PROVINCE_ADMIN"],
    reason: "登记已开放的设施",
    at: new Date(facility.openedOn),
  }));
  return { sites, stops, history };
}
