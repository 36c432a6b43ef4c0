import { NotFoundError } from "@lamplight/platform";
import {
  Allow,
  Connection,
  type ConnectionResult,
  ListBound,
  money,
  PageArgs,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { FundingContext } from "../../context.js";
import { fundByCodeLoader, fundLoader } from "../fund/fund.loader.js";
import { assertManagesFund, FUNDING_OFFICERS } from "../fund/fund.policy.js";
import { Fund } from "../fund/fund.type.js";
import { ReverseJournalEntryArgs } from "./journal.inputs.js";
import { journalEntryLoader, reversalLoader } from "./journal.loader.js";
import { JournalEntry, type JournalEntryRow, JournalLine } from "./journal.type.js";

export const JournalEntryConnection = Connection(JournalEntry);

/** The fund an entry belongs to, checked against the caller: FORBIDDEN outside their region. */
async function managedFundOf(context: FundingContext, entry: { fundId: string }): Promise<Fund> {
  const fund = await fundLoader(context).load(entry.fundId);
  if (!fund) throw new Error(`journal entry of unknown fund ${entry.fundId}`);
  assertManagesFund(context.principal, fund);
  return fund;
}

/** The ledger: finance officers of the fund's region and province admins only. */
@Resolver(() => JournalEntry)
export class JournalEntryResolver {
  @Query(() => JournalEntry, {
    nullable: true,
    description:
      "One journal entry by id; null when there is none. FORBIDDEN for a fund outside your region.",
  })
  @Allow(...FUNDING_OFFICERS)
  async journalEntry(
    @Arg("id", () => ID) id: string,
    @Ctx() context: FundingContext,
  ): Promise<JournalEntryRow | null> {
    const entry = await journalEntryLoader(context).load(id);
    if (!entry) return null;
    await managedFundOf(context, entry);
    return entry;
  }

  @Query(() => JournalEntryConnection, { description: "A fund's journal, newest first, a page at a time." })
  @Allow(...FUNDING_OFFICERS)
  async journalEntries(
    @Arg("fundCode", () => String) fundCode: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: FundingContext,
  ): Promise<ConnectionResult<JournalEntryRow>> {
    const request = pageRequest(page);
    const fund = await fundByCodeLoader(context).load(fundCode);
    if (!fund) throw new NotFoundError("Fund", fundCode);
    assertManagesFund(context.principal, fund);
    return context.journal.list(fund.id, request);
  }

  @Mutation(() => JournalEntry, {
    description:
      "Cancels a journal entry by posting a reversing entry (every line negated) in one transaction. The original stays as it was; an entry is reversed at most once (CONFLICT otherwise).",
  })
  @Allow(...FUNDING_OFFICERS)
  async reverseJournalEntry(
    @Args(() => ReverseJournalEntryArgs) { id, reason }: ReverseJournalEntryArgs,
    @Ctx() context: FundingContext,
  ): Promise<JournalEntryRow> {
    const entry = await journalEntryLoader(context).load(id);
    if (!entry) throw new NotFoundError("JournalEntry", id);
    await managedFundOf(context, entry);
    return context.journalService.reverse(
      entry,
      reason.trim(),
      context.principal.subject ?? context.principal.kind,
    );
  }

  @FieldResolver(() => Fund)
  async fund(@Root() entry: JournalEntryRow, @Ctx() context: FundingContext): Promise<Fund> {
    return (await fundLoader(context).load(entry.fundId))!;
  }

  @ListBound(50)
  @FieldResolver(() => [JournalLine], { description: "Debits first (positive), then credits (negative)." })
  lines(@Root() entry: JournalEntryRow): JournalLine[] {
    return entry.lines.map((line) => ({
      account: line.account,
      amount: money(line.amountFen, line.currency),
    }));
  }

  @FieldResolver(() => JournalEntry, { nullable: true, description: "The entry this one cancels." })
  async reverses(
    @Root() entry: JournalEntryRow,
    @Ctx() context: FundingContext,
  ): Promise<JournalEntryRow | null> {
    return entry.reversesId ? journalEntryLoader(context).load(entry.reversesId) : null;
  }

  @FieldResolver(() => JournalEntry, {
    nullable: true,
    description: "The entry that cancels this one, if any.",
  })
  reversedBy(
    @Root() entry: JournalEntryRow,
    @Ctx() context: FundingContext,
  ): Promise<JournalEntryRow | null> {
    return reversalLoader(context).load(entry.id);
  }
}
