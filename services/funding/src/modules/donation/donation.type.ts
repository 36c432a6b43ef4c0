import { DateScalar, Money, PartnerScope } from "@lamplight/subgraph-kit";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DonationChannel } from "../../generated/prisma/enums.js";
import { Purpose } from "../fund/fund.type.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Project } from "../project/project.type.js";
import { Site } from "../site/site.type.js";

export { DonationChannel };

registerEnumType(DonationChannel, {
  name: "DonationChannel",
  description: "How a gift reached the fund.",
  valuesConfig: {
    BANK_TRANSFER: { description: "A bank transfer." },
    ONLINE: { description: "An online payment." },
    CASH: { description: "Cash handed over and banked." },
    PAYROLL_GIVING: { description: "Deducted from wages by the donor's employer." },
  },
});

/**
 * A gift received into a fund. Public (the programme publishes its gifts), except the donor's
 * identity when the donor asked to stay anonymous.
 */
@PartnerScope("read:funding")
@ObjectType({ description: "A gift received into a fund, with its receipt and its journal entry." })
export class Donation {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { description: "Gapless per fund and year of receipt, e.g. LOVE_FUND-2026-000123." })
  receiptNumber!: string;

  @Field(() => DateScalar, { description: "The day the money was received." })
  receivedOn!: Date;

  @Field(() => DonationChannel)
  channel!: DonationChannel;

  @Field(() => Boolean, {
    description: "The donor asked not to be named: the public sees no donor identity.",
  })
  anonymous!: boolean;

  @Field(() => Date)
  recordedAt!: Date;

  idempotencyKey!: string;
  fundId!: string;
  donorOrganisationId!: string | null;
  donorName!: string | null;
  amountFen!: bigint;
  currency!: string;
  purpose!: Purpose;
  siteId!: string | null;
  projectId!: string | null;
  pledgeInstalmentId!: string | null;
  journalEntryId!: string;
  recordedBy!: string;
}

@PartnerScope("read:funding")
@ObjectType({ description: "What a gift is designated to: every yuan is designated." })
export class Designation {
  @Field(() => Purpose)
  purpose!: Purpose;

  @Field(() => Site, { nullable: true, description: "The home the gift is for, if one." })
  site!: Site | null;

  @Field(() => ID, { nullable: true, description: "The campaign project the gift is for, if one." })
  projectId!: string | null;

  @Field(() => Project, { nullable: true, description: "The campaign project the gift is for, if one." })
  project!: Project | null;
}

export enum FundingGroupBy {
  FUND = "FUND",
  CITY = "CITY",
  MONTH = "MONTH",
  YEAR = "YEAR",
  PURPOSE = "PURPOSE",
  DONOR = "DONOR",
  DESIGNATION = "DESIGNATION",
}
registerEnumType(FundingGroupBy, {
  name: "FundingGroupBy",
  description: "How fundingTotals groups the donations.",
  valuesConfig: {
    FUND: { description: "Per fund; key is the fund's code." },
    CITY: {
      description: "Per city running the fund; key is the city's region code (510000 for provincial funds).",
    },
    MONTH: { description: "Per calendar month of receipt; key is YYYY-MM." },
    YEAR: { description: "Per calendar year of receipt; key is YYYY." },
    PURPOSE: { description: "Per designation; key is the Purpose." },
    DONOR: {
      description:
        "Per donor; key is ORGANISATION:<id>, INDIVIDUAL:<name>, or ANONYMOUS for every gift whose donor asked not to be named.",
    },
    DESIGNATION: {
      description:
        "Per pool of designated money; key is <purpose>, <purpose>:SITE:<id> or <purpose>:PROJECT:<id>.",
    },
  },
});

@PartnerScope("read:funding")
@ObjectType({ description: "Money received in one group of donations. Aggregate: no donor identities." })
export class FundingTotal {
  @Field(() => String, { description: "The group: a fund code, region code, YYYY-MM, YYYY or purpose." })
  key!: string;

  @Field(() => String, { description: "A readable name for the group." })
  label!: string;

  @Field(() => Money)
  amount!: Money;

  @Field(() => Int, { description: "How many donations the group holds." })
  donations!: number;

  @Field(() => Organisation, {
    nullable: true,
    description:
      "For a DONOR group of an organisation: the organisation (its name comes from the people subgraph).",
  })
  organisation!: Organisation | null;
}
