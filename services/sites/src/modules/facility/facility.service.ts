import { BadUserInputError } from "@lamplight/platform";
import type { Site } from "../site/site.type.js";
import type { FacilityRepository } from "./facility.repository.js";

/** Mobile libraries' routes through the homes of their city. */
export class FacilityService {
  constructor(private readonly facilities: FacilityRepository) {}

  /** Replaces a library's route in one transaction. The stops must be homes of the library's city, each once. */
  async setRoute(library: Site & { cityCode?: string }, homeIds: readonly string[]): Promise<void> {
    if (library.kind !== "MOBILE_LIBRARY") {
      throw new BadUserInputError("Only a mobile library has a route", { field: "id" });
    }
    if (new Set(homeIds).size !== homeIds.length) {
      throw new BadUserInputError("input.homeIds names a home twice", { field: "input.homeIds" });
    }
    const homes = await this.facilities.sitesIn(homeIds);
    const city = `${library.regionCode.slice(0, 4)}00`;
    for (const id of homeIds) {
      const home = homes.find((candidate) => candidate.id === id);
      if (home?.kind !== "HOME" || home.cityCode !== city) {
        throw new BadUserInputError(`input.homeIds: ${id} is not a home in the library's city`, {
          field: "input.homeIds",
        });
      }
    }
    await this.facilities.replaceRoute(library.id, homeIds);
  }
}
