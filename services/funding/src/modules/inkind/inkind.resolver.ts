import { BadUserInputError, NotFoundError } from "@lamplight/platform";
import { todayInProvince } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  checkedFen,
  Money,
  money,
  PageArgs,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import type { GraphQLResolveInfo } from "graphql";
import { Arg, Args, Ctx, FieldResolver, Info, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { revealsDonor } from "../donation/donation.policy.js";
import { fundByCodeLoader, fundLoader } from "../fund/fund.loader.js";
import { assertManagesFund, FUNDING_OFFICERS } from "../fund/fund.policy.js";
import { Fund } from "../fund/fund.type.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Site } from "../site/site.type.js";
import { DeliverInKindGiftInput, RecordInKindGiftInput } from "./inkind.inputs.js";
import { deliveredCountLoader, deliveryPageLoader, inKindGiftLoader } from "./inkind.loader.js";
import { InKindDelivery, type InKindDeliveryRow, InKindGift, type InKindGiftRow } from "./inkind.type.js";

export const InKindGiftConnection = Connection(InKindGift);
export const InKindDeliveryConnection = Connection(InKindDelivery);

const actor = (context: FundingContext) => context.principal.subject ?? context.principal.kind;

@Resolver(() => InKindGift)
export class InKindGiftResolver {
  @Mutation(() => InKindGift, {
    description:
      "Records goods given instead of money at their estimated value (debit goods held, credit income in kind). Idempotent on input.idempotencyKey.",
  })
  @Allow(...FUNDING_OFFICERS)
  async recordInKindGift(
    @Arg("input", () => RecordInKindGiftInput) input: RecordInKindGiftInput,
    @Ctx() context: FundingContext,
  ): Promise<InKindGiftRow> {
    const fund = await fundByCodeLoader(context).load(input.fundCode);
    if (!fund) {
      throw new BadUserInputError(`input.fundCode "${input.fundCode}" is not a fund`, {
        field: "input.fundCode",
      });
    }
    assertManagesFund(context.principal, fund);
    const estimatedValueFen = checkedFen(input.estimatedValue, "input.estimatedValue", {
      maxFen: context.maxGiftFen,
    });
    if (input.receivedOn > todayInProvince()) {
      throw new BadUserInputError("input.receivedOn is in the future", { field: "input.receivedOn" });
    }
    const donorName = input.donorName?.trim() || null;
    if (input.donorOrganisationId && donorName) {
      throw new BadUserInputError("Give either input.donorOrganisationId or input.donorName, not both", {
        field: "input.donorName",
      });
    }
    await context.known.require([
      { kind: "Organisation", id: input.donorOrganisationId, field: "input.donorOrganisationId" },
    ]);
    if (!input.donorOrganisationId && !donorName && !input.anonymous) {
      throw new BadUserInputError("A named gift needs input.donorOrganisationId or input.donorName", {
        field: "input.donorName",
      });
    }
    return context.inKindService.record({
      idempotencyKey: input.idempotencyKey,
      fund,
      donorOrganisationId: input.donorOrganisationId ?? null,
      donorName,
      anonymous: input.anonymous,
      category: input.category,
      description: input.description.trim(),
      quantity: input.quantity,
      estimatedValueFen,
      receivedOn: input.receivedOn,
      recordedBy: actor(context),
    });
  }

  @Mutation(() => InKindDelivery, {
    description:
      "Hands items of a gift in kind to a home; their share of the estimated value moves from goods held to delivered. Never more items than were given.",
  })
  @Allow(...FUNDING_OFFICERS)
  async deliverInKindGift(
    @Arg("input", () => DeliverInKindGiftInput) input: DeliverInKindGiftInput,
    @Ctx() context: FundingContext,
  ): Promise<InKindDeliveryRow> {
    const gift = await inKindGiftLoader(context).load(input.giftId);
    if (!gift) throw new NotFoundError("InKindGift", input.giftId);
    assertManagesFund(context.principal, (await fundLoader(context).load(gift.fundId))!);
    if (input.deliveredOn > todayInProvince() || input.deliveredOn < gift.receivedOn) {
      throw new BadUserInputError("input.deliveredOn is before the gift arrived or in the future", {
        field: "input.deliveredOn",
      });
    }
    await context.known.receivingSite(input.siteId, "input.siteId");
    return context.inKindService.deliver(gift, {
      siteId: input.siteId,
      quantity: input.quantity,
      deliveredOn: input.deliveredOn,
      recordedBy: actor(context),
    });
  }

  @Query(() => InKindGiftConnection, {
    description: "A fund's gifts in kind, newest first. Public; anonymous donors are not named.",
  })
  @Allow(PUBLIC)
  async inKindGifts(
    @Arg("fundCode", () => String) fundCode: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<InKindGiftRow>> {
    const request = pageRequest(page);
    const fund = await fundByCodeLoader(context).load(fundCode);
    if (!fund) throw new BadUserInputError(`fundCode "${fundCode}" is not a fund`, { field: "fundCode" });
    return context.inKind.list(fund.id, request);
  }

  @FieldResolver(() => Money)
  estimatedValue(@Root() gift: InKindGiftRow): Money {
    return money(gift.estimatedValueFen, gift.currency);
  }

  @FieldResolver(() => Int, { description: "Items handed to homes so far." })
  delivered(@Root() gift: InKindGiftRow, @Ctx() context: FundingContext): Promise<number> {
    return deliveredCountLoader(context).load(gift.id);
  }

  @FieldResolver(() => Fund)
  async fund(@Root() gift: InKindGiftRow, @Ctx() context: FundingContext): Promise<Fund> {
    return (await fundLoader(context).load(gift.fundId))!;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "Null for the public when the donor asked to stay anonymous.",
  })
  async donorName(
    @Root() gift: InKindGiftRow,
    @Ctx() context: FundingContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<string | null> {
    return (await revealsDonor(gift, "InKindGift", context, info)) ? gift.donorName : null;
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: "Null for the public when the donor asked to stay anonymous.",
  })
  async donorOrganisation(
    @Root() gift: InKindGiftRow,
    @Ctx() context: FundingContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Organisation | null> {
    if (!gift.donorOrganisationId) return null;
    return (await revealsDonor(gift, "InKindGift", context, info))
      ? Organisation.of(gift.donorOrganisationId)
      : null;
  }

  @FieldResolver(() => InKindDeliveryConnection, { description: "Deliveries to homes, oldest first." })
  async deliveries(
    @Root() gift: InKindGiftRow,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<InKindDeliveryRow>> {
    return deliveryPageLoader(context, pageRequest(page)).load(gift.id);
  }
}

@Resolver(() => InKindDelivery)
export class InKindDeliveryResolver {
  @FieldResolver(() => Money, { description: "This delivery's share of the gift's estimated value." })
  value(@Root() delivery: InKindDeliveryRow): Money {
    return money(delivery.valueFen);
  }

  @FieldResolver(() => Site, { nullable: true, description: "The home it went to (sites subgraph)." })
  site(@Root() delivery: InKindDeliveryRow): Site {
    return Site.of(delivery.siteId);
  }

  @FieldResolver(() => InKindGift)
  async gift(@Root() delivery: InKindDeliveryRow, @Ctx() context: FundingContext): Promise<InKindGiftRow> {
    return (await inKindGiftLoader(context).load(delivery.giftId))!;
  }
}
