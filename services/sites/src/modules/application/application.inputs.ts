import { IntegerBetween } from "@lamplight/subgraph-kit";
import { IsOptional, IsUrl, IsUUID, Length, Matches, ValidateNested } from "class-validator";
import { Field, ID, InputType, Int } from "type-graphql";
import { GeoPointInput } from "../site/site.inputs.js";
import { HostModel } from "../site/site.type.js";
import { ReviewDecision, ReviewLevel } from "./application.type.js";

/** A supporting document's size, as declared: a scanned plan or report is far below a gibibyte. */
const MAX_DOCUMENT_BYTES = 1024 ** 3;

@InputType({ description: "A supporting document: its description and a link to where it is kept." })
export class DocumentInput {
  @Field(() => String)
  @Length(1, 200)
  @Matches(/\S/, { message: "title must not be blank" })
  title!: string;

  @Field(() => String, { description: 'What it is, in capitals, e.g. "SITE_PLAN".' })
  @Matches(/^[A-Z][A-Z_]{1,39}$/, { message: "kind must be 2 to 40 capital letters or underscores" })
  kind!: string;

  @Field(() => String, { description: "An https link to the document." })
  @IsUrl({ protocols: ["https"], require_protocol: true }, { message: "url must be an https link" })
  @Length(1, 2000)
  url!: string;

  @Field(() => String)
  @Matches(/^[a-z]+\/[a-z0-9.+-]+$/, { message: "mediaType must be a media type such as application/pdf" })
  mediaType!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IntegerBetween(0, MAX_DOCUMENT_BYTES)
  sizeBytes?: number | null;
}

@InputType({ description: "The application to build a home at a proposed site." })
export class SubmitApplicationInput {
  @Field(() => ID, { description: "The applying organisation (an Organisation of the people subgraph)." })
  @IsUUID("all", { message: "applicantOrganisationId must be a UUID" })
  applicantOrganisationId!: string;

  @Field(() => HostModel)
  hostModel!: HostModel;

  @Field(() => String)
  @Length(1, 500)
  @Matches(/\S/, { message: "proposedAddress must not be blank" })
  proposedAddress!: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  proposedLocation?: GeoPointInput | null;

  @Field(() => Int)
  @IntegerBetween(1, 2000)
  proposedCapacity!: number;

  @Field(() => [DocumentInput], { defaultValue: [] })
  @ValidateNested({ each: true })
  documents!: DocumentInput[];
}

@InputType({ description: "A review of an application at the reviewer's level." })
export class ReviewApplicationInput {
  @Field(() => ReviewLevel, {
    description:
      "The level reviewing: a county officer reviews for the county, a city admin for the city, a province admin for the province.",
  })
  level!: ReviewLevel;

  @Field(() => ReviewDecision)
  decision!: ReviewDecision;

  @Field(() => String)
  @Length(1, 2000)
  @Matches(/\S/, { message: "comments must not be blank" })
  comments!: string;
}
