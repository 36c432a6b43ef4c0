import { isUuid } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** Mobile libraries' routes: the only code touching the RouteStop table. */
export class FacilityRepository {
  constructor(private readonly prisma: PrismaClient) {}

  stops(
    libraryIds: readonly string[],
  ): Promise<{ librarySiteId: string; position: number; homeSiteId: string }[]> {
    const valid = [...new Set(libraryIds.filter(isUuid))];
    return valid.length
      ? this.prisma.routeStop.findMany({
          where: { librarySiteId: { in: valid } },
          orderBy: [{ position: "asc" }],
        })
      : Promise.resolve([]);
  }

  /** The kind and city of each site among these ids. */
  sitesIn(ids: readonly string[]): Promise<{ id: string; kind: string; cityCode: string }[]> {
    return this.prisma.site.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, kind: true, cityCode: true },
    });
  }

  /** Replaces a library's route, its stops in the order given, in one transaction. */
  async replaceRoute(librarySiteId: string, homeIds: readonly string[]): Promise<void> {
    await this.prisma.$transaction([
      this.prisma.routeStop.deleteMany({ where: { librarySiteId } }),
      this.prisma.routeStop.createMany({
        data: homeIds.map((homeSiteId, index) => ({ librarySiteId, position: index + 1, homeSiteId })),
      }),
    ]);
  }
}
