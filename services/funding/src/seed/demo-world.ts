import {
  DEMO_ORGANISATION_SEED,
  DEMO_PROJECTS,
  DEMO_SEED,
  type DemoFacilities,
  type DemoHome,
  type DemoOrganisation,
  demoFacilities,
  demoHomes,
  demoOrganisations,
  OrganisationKind,
} from "@lamplight/seed-kit";

/**
 * The records of other subgraphs that funding's demo rows name, all drawn from seed-kit's one demo
 * world for the scale's seed number, exactly as the subgraphs that own them load them: the homes and
 * facilities of the sites seed, the organisations of the people seed, the projects of the campaigns
 * seed. No id of another domain is made up here.
 */
export interface FundingWorld {
  homes: readonly DemoHome[];
  facilities: DemoFacilities;
  organisations: readonly DemoOrganisation[];
  donors: Donors;
}

/** The donors the programme names, by their name in the demo world. */
export interface Donors {
  sportsBureau: string;
  powerCompany: string;
  propertyGroup: string;
  mobileOperator: string;
  publishingGroup: string;
  youthFoundation: string;
  charityFederation: string;
}

/**
 * The demo world of a seed number: its homes (`demoHomes(seed, homes)`), the facilities that serve
 * them, and the organisations, whose seed moves with the seed number as the people seed moves it
 * (another `--seed` gives other organisations there, so the donors must follow).
 */
export function fundingWorld(seed = DEMO_SEED, homeCount?: number): FundingWorld {
  const homes = demoHomes(seed, homeCount);
  const organisations = demoOrganisations(DEMO_ORGANISATION_SEED + (seed - DEMO_SEED));
  const named = (name: string): string => {
    const organisation = organisations.find((candidate) => candidate.name === name);
    if (!organisation) throw new Error(`the demo world has no organisation named ${name}`);
    return organisation.id;
  };
  return {
    homes,
    facilities: demoFacilities(seed, homes),
    organisations,
    donors: {
      sportsBureau: named("四川省体育局"),
      powerCompany: named("蜀光电力有限公司"),
      propertyGroup: named("锦安地产集团"),
      mobileOperator: named("天府移动通信有限公司"),
      publishingGroup: named("巴蜀出版传媒集团"),
      youthFoundation: named("四川省青少年发展基金会"),
      charityFederation: named("四川省慈善总会"),
    },
  };
}

let demoWorld: FundingWorld | undefined;
/** The default seed's world, drawn once. */
export const defaultWorld = (): FundingWorld => {
  demoWorld ??= fundingWorld();
  return demoWorld;
};

/** A city's alliance companies in the demo world: who gives to its special fund. */
export const companiesOf = (world: FundingWorld, cityCode: string): string[] =>
  world.organisations
    .filter(
      (organisation) =>
        organisation.kind === OrganisationKind.ALLIANCE_COMPANY && organisation.regionCode === cityCode,
    )
    .map((organisation) => organisation.id);

export const projectId = (code: string) => DEMO_PROJECTS.find((project) => project.code === code)!.id;
