import { DateScalar, MoneyInput } from "@lamplight/subgraph-kit";
import { ArrayMaxSize, ArrayMinSize, IsOptional, IsUUID, Length, Matches } from "class-validator";
import { Field, ID, InputType } from "type-graphql";
import { ProjectStatus } from "./project.type.js";

@InputType({ description: "A new public-welfare project." })
export class CreateProjectInput {
  @Field(() => String, { description: "Stable code: capitals, digits and underscores, e.g. MOBILE_LIBRARY." })
  @Matches(/^[A-Z][A-Z0-9_]{1,49}$/, { message: "code must be 2 to 50 capitals, digits or underscores" })
  code!: string;

  @Field(() => String)
  @Length(1, 100)
  name!: string;

  @Field(() => String)
  @Length(1, 4000)
  description!: string;

  @Field(() => MoneyInput, { description: "The fundraising target, in integer fen." })
  fundraisingTarget!: MoneyInput;

  @Field(() => ID, { nullable: true, description: "The organisation running the project." })
  @IsOptional()
  @IsUUID("all", { message: "ownerOrganisationId must be an organisation id" })
  ownerOrganisationId?: string | null;

  @Field(() => [ID], { description: "Region codes the project serves (510000: the whole province)." })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  regionCodes!: string[];

  @Field(() => ProjectStatus, { defaultValue: ProjectStatus.PLANNED })
  status!: ProjectStatus;
}

@InputType({ description: "Which projects to list. Every condition given must hold." })
export class ProjectFilter {
  @Field(() => ProjectStatus, { nullable: true })
  status?: ProjectStatus | null;

  @Field(() => ID, {
    nullable: true,
    description: "Projects serving this region: naming it, a region above it, or one within it.",
  })
  @IsOptional()
  @Matches(/^\d{6}$/, { message: "region must be a six-digit region code" })
  region?: string | null;
}

@InputType({ description: "A new step of a project." })
export class AddMilestoneInput {
  @Field(() => ID)
  @IsUUID("all", { message: "projectId must be a project id" })
  projectId!: string;

  @Field(() => String)
  @Length(1, 200)
  title!: string;

  @Field(() => DateScalar)
  dueOn!: Date;
}
