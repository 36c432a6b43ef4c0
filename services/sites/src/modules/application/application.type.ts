import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { ReviewDecision, ReviewLevel } from "../../generated/prisma/enums.js";
import { HostModel } from "../site/site.type.js";

export { ReviewDecision, ReviewLevel };

registerEnumType(ReviewLevel, {
  name: "ReviewLevel",
  description: "The level of government that reviews an application or assesses a home.",
});
registerEnumType(ReviewDecision, { name: "ReviewDecision", description: "A reviewer's decision." });

/** The application to build a home. Site, applicant, location and documents resolve in ApplicationResolver. */
@ObjectType({
  description: "The application to build a home: who applied, for what, with which documents and reviews.",
})
export class SiteApplication {
  @Field(() => ID)
  id!: string;

  siteId!: string;
  applicantOrganisationId!: string;

  @Field(() => HostModel)
  hostModel!: HostModel;

  @Field(() => String)
  proposedAddress!: string;

  latitude!: { toString(): string } | null;
  longitude!: { toString(): string } | null;

  @Field(() => Int, { description: "How many children the proposed home would take in." })
  proposedCapacity!: number;

  @Field(() => String, { nullable: true })
  submittedBy!: string | null;

  @Field(() => Date)
  submittedAt!: Date;
}

@ObjectType({ description: "A supporting document of an application: its description and where it is kept." })
export class ApplicationDocument {
  @Field(() => ID)
  id!: string;

  applicationId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String, {
    description: 'What it is, e.g. "SITE_PLAN", "HOST_AGREEMENT", "SAFETY_INSPECTION".',
  })
  kind!: string;

  @Field(() => String, { description: "Where the document is kept (https)." })
  url!: string;

  @Field(() => String, { description: 'Its media type, e.g. "application/pdf".' })
  mediaType!: string;

  @Field(() => Int, { nullable: true })
  sizeBytes!: number | null;

  @Field(() => Date)
  addedAt!: Date;
}

@ObjectType({
  description: "The review of an application at one level: the decision and the reviewer's comments.",
})
export class ApplicationReview {
  @Field(() => ID)
  id!: string;

  applicationId!: string;

  @Field(() => ReviewLevel)
  level!: ReviewLevel;

  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field(() => String)
  comments!: string;

  @Field(() => String, { nullable: true })
  reviewerId!: string | null;

  @Field(() => Date)
  reviewedAt!: Date;
}
