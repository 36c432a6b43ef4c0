import { BadUserInputError } from "@lamplight/platform";
import { isUuid } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { Site } from "../site/site.type.js";

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

  /** Replaces a library's route in one transaction. The stops must be homes of the library's city, each once. */
  async setRoute(library: Site & { cityCode?: string }, homeIds: readonly string[]): Promise<void> {
    if (library.kind !== "MOBILE_LIBRARY") {
      throw new BadUserInputError("Only a mobile library has a route", { field: "id" });
    }
    if (new Set(homeIds).size !== homeIds.length) {
      throw new BadUserInputError("input.homeIds names a home twice", { field: "input.homeIds" });
    }
    const homes = await this.prisma.site.findMany({
      where: { id: { in: [...homeIds] } },
      select: { id: true, kind: true, cityCode: true },
    });
    const city = `${library.regionCode.slice(0, 4)}00`;
    for (const id of homeIds) {
      const home = homes.find((candidate) => candidate.id === id);
      if (home?.kind !== "HOME" || home.cityCode !== city) {
        throw new BadUserInputError(`input.homeIds: ${id} is not a home in the library's city`, {
          field: "input.homeIds",
        });
      }
    }
    await this.prisma.$transaction([
      this.prisma.routeStop.deleteMany({ where: { librarySiteId: library.id } }),
      this.prisma.routeStop.createMany({
        data: homeIds.map((homeSiteId, index) => ({
          librarySiteId: library.id,
          position: index + 1,
          homeSiteId,
        })),
      }),
    ]);
  }
}
