import { BadUserInputError, ForbiddenError } from "@lamplight/platform";
import { getRegion, PROVINCE_CODE, todayInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  checkDateRange,
  checkedFen,
  DateScalar,
  ListBound,
  Money,
  money,
  PageArgs,
  PartnerScope,
  PUBLIC,
  pageRequest,
  refuseBeyondBound,
  scope,
} from "@lamplight/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { fundByCodeLoader, fundLoader } from "../fund/fund.loader.js";
import { assertManagesFund, FUNDING_OFFICERS, managesFund } from "../fund/fund.policy.js";
import { Fund } from "../fund/fund.type.js";
import { journalEntryLoader } from "../journal/journal.loader.js";
import { JournalEntry, type JournalEntryRow } from "../journal/journal.type.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Project } from "../project/project.type.js";
import { Site } from "../site/site.type.js";
import { DonationFilter, RecordDonationInput } from "./donation.inputs.js";
import { reversedLoader } from "./donation.loader.js";
import { revealsDonor } from "./donation.policy.js";
import type { TotalRow } from "./donation.repository.js";
import { Designation, Donation, FundingGroupBy, FundingTotal } from "./donation.type.js";

export const DonationConnection = Connection(Donation);

/** The most groups one fundingTotals serves; more (donors, province-wide) must be narrowed. */
const MOST_FUNDING_TOTALS = 2_000;

const trimmed = (text: string | null | undefined): string | null => {
  const value = text?.trim();
  return value ? value : null;
};

/** The checks the input types cannot make; the gift's amount, exact, when they pass. */
function checkDonation(input: RecordDonationInput, context: FundingContext): bigint {
  const amountFen = checkedFen(input.amount, "input.amount", { maxFen: context.maxGiftFen });
  if (input.receivedOn > todayInProvince()) {
    throw new BadUserInputError("input.receivedOn is in the future", { field: "input.receivedOn" });
  }
  const donorName = trimmed(input.donorName);
  if (input.donorOrganisationId && donorName) {
    throw new BadUserInputError("Give either input.donorOrganisationId or input.donorName, not both", {
      field: "input.donorName",
    });
  }
  if (!input.donorOrganisationId && !donorName && !input.anonymous) {
    throw new BadUserInputError("A named gift needs input.donorOrganisationId or input.donorName", {
      field: "input.donorName",
    });
  }
  return amountFen;
}

/** The city a fund's owner belongs to (or the province, for provincial funds). */
function cityKey(regionCode: string): string {
  const region = getRegion(regionCode);
  if (!region || region.level === "PROVINCE") return PROVINCE_CODE;
  return region.level === "CITY" ? region.code : (region.parent ?? PROVINCE_CODE);
}

/** A readable name for a DONOR group: never a name the donor asked to keep private. */
function donorLabel(key: string): string {
  if (key === "ANONYMOUS") return "匿名捐赠者";
  return key.replace(/^(INDIVIDUAL|ORGANISATION):/, "");
}

/**
 * The pledge instalment a gift pays, checked: it must exist and belong to a pledge to the same fund,
 * for the same designation. How much is left to pay is checked under a lock when the gift is written.
 */
async function checkedInstalment(
  context: FundingContext,
  input: RecordDonationInput,
  fundId: string,
): Promise<string | null> {
  if (!input.pledgeInstalmentId) return null;
  const instalment = await context.pledges.instalment(input.pledgeInstalmentId);
  const pledge = instalment?.pledge;
  if (!instalment || !pledge) {
    throw new BadUserInputError("input.pledgeInstalmentId is not an instalment", {
      field: "input.pledgeInstalmentId",
    });
  }
  const same =
    pledge.fundId === fundId &&
    pledge.purpose === input.designation.purpose &&
    pledge.siteId === (input.designation.siteId ?? null) &&
    pledge.projectId === (input.designation.projectId ?? null);
  if (!same) {
    throw new BadUserInputError("A gift paying a pledge goes to the pledge's fund and designation", {
      field: "input.pledgeInstalmentId",
    });
  }
  return instalment.id;
}

function labelled(groupBy: FundingGroupBy, rows: TotalRow[]): FundingTotal[] {
  const groups = new Map<string, { label: string; totalFen: bigint; donations: number }>();
  for (const row of rows) {
    const key = groupBy === FundingGroupBy.CITY ? cityKey(row.key) : row.key;
    const label =
      groupBy === FundingGroupBy.FUND
        ? row.fundName
        : groupBy === FundingGroupBy.CITY
          ? (getRegion(key)?.name ?? key)
          : groupBy === FundingGroupBy.DONOR
            ? donorLabel(key)
            : key;
    const group = groups.get(key) ?? { label, totalFen: 0n, donations: 0 };
    group.totalFen += row.totalFen;
    group.donations += row.donations;
    groups.set(key, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, group]) => ({
      key,
      label: group.label,
      amount: money(group.totalFen),
      donations: group.donations,
      organisation: key.startsWith("ORGANISATION:")
        ? Organisation.of(key.slice("ORGANISATION:".length))
        : null,
    }));
}

@Resolver(() => Donation)
export class DonationResolver {
  @Mutation(() => Donation, {
    description:
      "Records a gift: the donation, its journal entry (debit the fund's bank, credit the income of its designation) and a gapless receipt number, in one transaction. Idempotent on input.idempotencyKey. Finance officers whose region covers the fund, and province admins.",
  })
  @Allow(...FUNDING_OFFICERS)
  async recordDonation(
    @Arg("input", () => RecordDonationInput) input: RecordDonationInput,
    @Ctx() context: FundingContext,
  ): Promise<Donation> {
    const amountFen = checkDonation(input, context);
    const fund = await fundByCodeLoader(context).load(input.fundCode);
    if (!fund) {
      throw new BadUserInputError(`input.fundCode "${input.fundCode}" is not a fund`, {
        field: "input.fundCode",
      });
    }
    assertManagesFund(context.principal, fund);
    await context.known.require([
      { kind: "Organisation", id: input.donorOrganisationId, field: "input.donorOrganisationId" },
      { kind: "Site", id: input.designation.siteId, field: "input.designation.siteId" },
      { kind: "Project", id: input.designation.projectId, field: "input.designation.projectId" },
    ]);
    const { donation } = await context.donationService.record({
      idempotencyKey: input.idempotencyKey,
      fund,
      donorOrganisationId: input.donorOrganisationId ?? null,
      donorName: trimmed(input.donorName),
      anonymous: input.anonymous,
      amountFen,
      receivedOn: input.receivedOn,
      channel: input.channel,
      purpose: input.designation.purpose,
      siteId: input.designation.siteId ?? null,
      projectId: input.designation.projectId ?? null,
      pledgeInstalmentId: await checkedInstalment(context, input, fund.id),
      recordedBy: context.principal.subject ?? context.principal.kind,
    });
    return donation;
  }

  @PartnerScope("read:funding")
  @Query(() => DonationConnection, {
    description:
      "Donations to the funds you manage (finance officers: the funds run within your region; province admins: all), newest first. A partner key with the read:funding scope lists its own organisation's gifts, to every fund.",
  })
  @Allow(...FUNDING_OFFICERS, scope("read:funding"))
  async donations(
    @Arg("filter", () => DonationFilter, { nullable: true }) filter: DonationFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<Donation>> {
    const request = pageRequest(page);
    const { principal } = context;
    if (principal.kind === "partner") {
      // A partner reconciles what it gave: its own gifts, wherever they went, and nobody else's.
      const own = principal.organisationId;
      if (!own || (filter?.donorOrganisationId && filter.donorOrganisationId !== own)) {
        throw new ForbiddenError("A partner key lists only its own organisation's donations");
      }
      const funds = filter?.fundCode
        ? [await fundByCodeLoader(context).load(filter.fundCode)]
        : await context.funds.all();
      return context.donations.list(
        {
          fundIds: funds.flatMap((fund) => (fund ? [fund.id] : [])),
          donorOrganisationId: own,
          from: filter?.from ?? null,
          to: filter?.to ?? null,
        },
        request,
      );
    }
    let fundIds: string[];
    if (filter?.fundCode) {
      const fund = await fundByCodeLoader(context).load(filter.fundCode);
      if (!fund) {
        throw new BadUserInputError(`filter.fundCode "${filter.fundCode}" is not a fund`, {
          field: "filter.fundCode",
        });
      }
      assertManagesFund(context.principal, fund);
      fundIds = [fund.id];
    } else {
      fundIds = (await context.funds.all())
        .filter((fund) => managesFund(context.principal, fund))
        .map((f) => f.id);
    }
    return context.donations.list(
      {
        fundIds,
        donorOrganisationId: filter?.donorOrganisationId ?? null,
        from: filter?.from ?? null,
        to: filter?.to ?? null,
      },
      request,
    );
  }

  @PartnerScope("read:funding")
  @Query(() => DonationConnection, {
    description:
      "A fund's gifts, newest first. Public: the programme publishes its gifts; anonymous donors are not named.",
  })
  @Allow(PUBLIC)
  async fundDonations(
    @Arg("fundCode", () => String) fundCode: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<Donation>> {
    const request = pageRequest(page);
    const fund = await fundByCodeLoader(context).load(fundCode);
    if (!fund) throw new BadUserInputError(`fundCode "${fundCode}" is not a fund`, { field: "fundCode" });
    return context.donations.list(
      { fundIds: [fund.id], donorOrganisationId: null, from: null, to: null },
      request,
    );
  }

  @ListBound(MOST_FUNDING_TOTALS)
  @PartnerScope("read:funding")
  @Query(() => [FundingTotal], {
    description:
      "Money received, grouped by fund, city, month, year or purpose; reversed gifts are left out. Public: no donor identities.",
  })
  @Allow(PUBLIC)
  async fundingTotals(
    @Arg("groupBy", () => FundingGroupBy) groupBy: FundingGroupBy,
    @Arg("fundCode", () => String, { nullable: true, description: "Only this fund." }) fundCode:
      | string
      | null,
    @Arg("from", () => DateScalar, { nullable: true, description: "Received on or after this day." })
    from: Date | null,
    @Arg("to", () => DateScalar, { nullable: true, description: "Received on or before this day." })
    to: Date | null,
    @Ctx() context: FundingContext,
  ): Promise<FundingTotal[]> {
    let fundId: string | null = null;
    if (fundCode) {
      const fund = await fundByCodeLoader(context).load(fundCode);
      if (!fund) throw new BadUserInputError(`fundCode "${fundCode}" is not a fund`, { field: "fundCode" });
      fundId = fund.id;
    }
    checkDateRange({ from, to });
    // Public and the same for every caller: shared between requests (a year's donations by month
    // reads a million rows at province scale).
    const key = [groupBy, fundId, from?.toISOString(), to?.toISOString()].join(":");
    const totals = await context.aggregates.one(`fundingTotals:${key}`, () =>
      context.donations.totals(groupBy, { fundId, from: from ?? null, to: to ?? null }),
    );
    return labelled(
      groupBy,
      refuseBeyondBound(totals, MOST_FUNDING_TOTALS, { field: "groupBy", narrowBy: "fundCode, from or to" }),
    );
  }

  @FieldResolver(() => Money)
  amount(@Root() donation: Donation): Money {
    return money(donation.amountFen, donation.currency);
  }

  @FieldResolver(() => Fund)
  async fund(@Root() donation: Donation, @Ctx() context: FundingContext): Promise<Fund> {
    return (await fundLoader(context).load(donation.fundId))!;
  }

  @FieldResolver(() => Designation)
  designation(@Root() donation: Donation): Designation {
    return {
      purpose: donation.purpose,
      site: donation.siteId ? Site.of(donation.siteId) : null,
      projectId: donation.projectId,
      project: donation.projectId ? Project.of(donation.projectId) : null,
    };
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "An individual donor's name; null for the public when the donor asked to stay anonymous.",
  })
  async donorName(
    @Root() donation: Donation,
    @Ctx() context: FundingContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string | null> {
    return (await revealsDonor(donation, "Donation", context, info)) ? donation.donorName : null;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: "The donor organisation; null for the public when the donor asked to stay anonymous.",
  })
  async donorOrganisation(
    @Root() donation: Donation,
    @Ctx() context: FundingContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Organisation | null> {
    if (!donation.donorOrganisationId) return null;
    return (await revealsDonor(donation, "Donation", context, info))
      ? Organisation.of(donation.donorOrganisationId)
      : null;
  }

  @FieldResolver(() => Boolean, { description: "Whether the gift's journal entry has been reversed." })
  reversed(@Root() donation: Donation, @Ctx() context: FundingContext): Promise<boolean> {
    return reversedLoader(context).load(donation.journalEntryId);
  }

  @FieldResolver(() => JournalEntry, {
    nullable: true,
    description:
      "The gift's journal entry. Finance officers of the fund's region and province admins only: anyone else gets null and an error for this field.",
  })
  @Allow(...FUNDING_OFFICERS)
  async journalEntry(
    @Root() donation: Donation,
    @Ctx() context: FundingContext,
  ): Promise<JournalEntryRow | null> {
    const fund = (await fundLoader(context).load(donation.fundId))!;
    assertManagesFund(context.principal, fund);
    return journalEntryLoader(context).load(donation.journalEntryId);
  }
}
