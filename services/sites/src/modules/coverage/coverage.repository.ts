import { isWithin } from "@lamplight/regions";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { SiteStatus } from "../site/site.type.js";
import type { RegionCoverage } from "./coverage.type.js";

/** One group of sites of a county: the rows the coverage of any region is summed from. */
export interface CoverageGroup {
  regionCode: string;
  status: SiteStatus;
  kind: string;
  demonstration: boolean;
  sites: number;
  capacity: number;
  compliant: number;
}

const STATUSES = Object.values(SiteStatus) as SiteStatus[];

/** Reads what coverage is computed from: the only coverage code touching the database. */
export class CoverageRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Sites grouped by county, status, kind and demonstration, with their capacity and how many hold
   * the whole equipment standard: one query, a few thousand rows at most, for every region at once.
   */
  async groups(): Promise<CoverageGroup[]> {
    const rows = await this.prisma.$queryRaw<
      {
        regionCode: string;
        status: SiteStatus;
        kind: string;
        demonstration: boolean;
        sites: bigint;
        capacity: bigint;
        compliant: bigint;
      }[]
    >`
      SELECT s."regionCode", s."status"::text AS "status", s."kind"::text AS "kind", s."demonstration",
        COUNT(*) AS "sites", COALESCE(SUM(s."capacity"), 0) AS "capacity",
        COUNT(*) FILTER (WHERE NOT EXISTS (
          SELECT 1 FROM "EquipmentItem" e
          LEFT JOIN "InventoryItem" i ON i."siteId" = s."id" AND i."itemCode" = e."code"
          WHERE COALESCE(i."count", 0) < e."minimumCount"
        )) AS "compliant"
      FROM "Site" s
      GROUP BY s."regionCode", s."status", s."kind", s."demonstration"`;
    return rows.map((row) => ({
      ...row,
      sites: Number(row.sites),
      capacity: Number(row.capacity),
      compliant: Number(row.compliant),
    }));
  }
}

/** The coverage of one region from the groups: pure. */
export function coverageOf(regionCode: string, groups: readonly CoverageGroup[]): RegionCoverage {
  const within = groups.filter((group) => isWithin(group.regionCode, regionCode));
  const homes = within.filter((group) => group.kind === "HOME");
  const open = homes.filter((group) => group.status === "OPEN");
  const sum = (rows: readonly CoverageGroup[], field: "sites" | "capacity" | "compliant") =>
    rows.reduce((total, row) => total + row[field], 0);
  const openHomes = sum(open, "sites");
  const compliantHomes = sum(open, "compliant");
  const facilities = (kind: string) =>
    sum(
      within.filter((group) => group.kind === kind && group.status !== "CLOSED"),
      "sites",
    );
  return {
    homes: sum(homes, "sites"),
    byStatus: STATUSES.map((status) => ({
      status,
      count: sum(
        homes.filter((group) => group.status === status),
        "sites",
      ),
    })),
    openHomes,
    capacity: sum(open, "capacity"),
    demonstrationHomes: sum(
      open.filter((group) => group.demonstration),
      "sites",
    ),
    compliantHomes,
    equipmentComplianceRate: openHomes ? Math.round((compliantHomes / openHomes) * 10000) / 10000 : null,
    mobileLibraries: facilities("MOBILE_LIBRARY"),
    activityCentres: facilities("ACTIVITY_CENTRE"),
  };
}
