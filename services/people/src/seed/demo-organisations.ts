import {
  DEMO_ALLIANCE_COUNT,
  type DemoOrganisation,
  demoOrganisations as demoWorldOrganisations,
  GOVERNMENT_MEMBER_UNITS,
  Random,
} from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";

export { DEMO_ALLIANCE_COUNT, GOVERNMENT_MEMBER_UNITS };

const PROVINCE = "510000";

/**
 * The leading group's member units and the caring alliance, as the demo world has them (seed-kit):
 * the other seeds name these organisations by the same ids.
 */
export function demoOrganisations(seed?: number): Prisma.OrganisationCreateManyInput[] {
  return demoWorldOrganisations(seed).map((organisation: DemoOrganisation) => ({ ...organisation }));
}

/**
 * When each alliance member joined the caring alliance: the provincial members at the programme's
 * launch, the others over the following years; a few have since left. Deterministic.
 */
export function demoMemberships(
  organisations: readonly Prisma.OrganisationCreateManyInput[],
  seed = 20261203,
): Prisma.AllianceMembershipCreateManyInput[] {
  const random = new Random(seed);
  const launch = new Date(Date.UTC(2021, 5, 1));
  return organisations
    .filter((organisation) => organisation.kind.startsWith("ALLIANCE_"))
    .map((organisation) => {
      const joinedOn =
        organisation.regionCode === PROVINCE ? launch : random.date(launch, new Date(Date.UTC(2026, 5, 30)));
      const left = random.chance(0.08);
      return {
        id: random.uuid(),
        organisationId: organisation.id!,
        joinedOn,
        leftOn: left ? random.date(joinedOn, new Date(Date.UTC(2026, 9, 31))) : null,
      };
    });
}
