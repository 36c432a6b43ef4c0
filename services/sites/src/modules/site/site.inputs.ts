import { DateScalar, IntegerBetween } from "@lamplight/subgraph-kit";
import { IsLatitude, IsLongitude, IsOptional, Length, Matches, ValidateNested } from "class-validator";
import { Field, Float, ID, InputType, Int } from "type-graphql";
import { HostModel, SiteKind, SiteStatus } from "./site.type.js";

const REGION_CODE = /^\d{6}$/;

@InputType({ description: "A point on the map (WGS 84)." })
export class GeoPointInput {
  @Field(() => Float)
  @IsLatitude()
  latitude!: number;

  @Field(() => Float)
  @IsLongitude()
  longitude!: number;
}

@InputType({ description: "Which homes to list. Every condition given must hold." })
export class SiteFilter {
  @Field(() => ID, {
    nullable: true,
    description: "A region code at any level: the homes in that county, city, or the whole province.",
  })
  @IsOptional()
  @Matches(REGION_CODE, { message: "region must be a six-digit region code" })
  region?: string | null;

  @Field(() => HostModel, { nullable: true })
  hostModel?: HostModel | null;

  @Field(() => SiteKind, { nullable: true, description: "Only sites of this kind." })
  kind?: SiteKind | null;

  @Field(() => SiteStatus, { nullable: true })
  status?: SiteStatus | null;

  @Field(() => Boolean, { nullable: true })
  demonstration?: boolean | null;

  @Field(() => String, { nullable: true, description: "Part of the home's name or address, any case." })
  @IsOptional()
  @Length(1, 100)
  search?: string | null;
}

@InputType()
export class CreateSiteInput {
  @Field(() => String)
  @Length(1, 200)
  @Matches(/\S/, { message: "name must not be blank" })
  name!: string;

  @Field(() => ID, { description: "The county-level region the home is in." })
  @Matches(REGION_CODE, { message: "regionCode must be a six-digit region code" })
  regionCode!: string;

  @Field(() => String)
  @Length(1, 500)
  @Matches(/\S/, { message: "address must not be blank" })
  address!: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => HostModel)
  hostModel!: HostModel;

  @Field(() => SiteKind, { defaultValue: SiteKind.HOME })
  kind!: SiteKind;

  @Field(() => Boolean, { defaultValue: false })
  demonstration!: boolean;

  @Field(() => Int)
  @IntegerBetween(1, 2000)
  capacity!: number;

  @Field(() => SiteStatus, { defaultValue: SiteStatus.PROPOSED })
  status!: SiteStatus;

  @Field(() => DateScalar, { nullable: true })
  openedOn?: Date | null;
}

@InputType({ description: "The fields to change; those left out keep their value." })
export class UpdateSiteInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 200)
  @Matches(/\S/, { message: "name must not be blank" })
  name?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @Matches(REGION_CODE, { message: "regionCode must be a six-digit region code" })
  regionCode?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, 500)
  @Matches(/\S/, { message: "address must not be blank" })
  address?: string | null;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  location?: GeoPointInput | null;

  @Field(() => HostModel, { nullable: true })
  hostModel?: HostModel | null;

  @Field(() => Boolean, { nullable: true })
  demonstration?: boolean | null;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  @IntegerBetween(1, 2000)
  capacity?: number | null;

  @Field(() => DateScalar, { nullable: true })
  openedOn?: Date | null;
}
