import { DateScalar, PartnerScope } from "@lamplight/subgraph-kit";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ProjectStatus } from "../../generated/prisma/enums.js";

export { ProjectStatus };

registerEnumType(ProjectStatus, {
  name: "ProjectStatus",
  description: "Where a public-welfare project stands.",
  valuesConfig: {
    PLANNED: { description: "Announced, not yet raising money." },
    FUNDRAISING: { description: "Offered to society: donors may give to it." },
    UNDER_WAY: { description: "Funded (at least in part) and being carried out." },
    COMPLETED: { description: "Done; its results stand." },
  },
});

/**
 * A public-welfare project of the programme ("projects are funded by society"). Public. The
 * funding subgraph adds what was raised and granted for it.
 */
@PartnerScope("read:campaigns")
@Directive('@key(fields: "id")')
@ObjectType({
  description:
    'A public-welfare project offered to society (mobile love library, "see where your parents work", …).',
})
export class Project {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Stable code, e.g. MOBILE_LIBRARY." })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  description!: string;

  @Field(() => ProjectStatus)
  status!: ProjectStatus;

  @Field(() => Date)
  createdAt!: Date;

  targetFen!: bigint;
  ownerOrganisationId!: string | null;
  regionCodes!: string[];
}

@ObjectType({ description: "A step of a project: planned for a day, and reached (or not yet)." })
export class ProjectMilestone {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => DateScalar, { description: "The day it is planned for." })
  dueOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: "The day it was reached; null until then." })
  reachedOn!: Date | null;

  projectId!: string;
}

@ObjectType({ description: "What a project's activities achieved, from attendance." })
export class ProjectResults {
  @Field(() => Int, {
    nullable: true,
    description:
      "Children who attended at least one of the project's activities. Null when small enough to point at a child, unless you may see every child of every region the project serves.",
  })
  childrenReached!: number | null;

  @Field(() => Int, { description: "Homes that held at least one of the project's activities." })
  homesServed!: number;

  @Field(() => Int, { description: "Occurrences of the project's activities held so far." })
  activitiesHeld!: number;

  @Field(() => Int, { description: "Minutes volunteers served at the project's activities." })
  volunteerMinutes!: number;
}
