import { Money } from "@lamplight/subgraph-kit";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import type { Prisma } from "../../generated/prisma/client.js";
import { AccountKind, JournalEntryKind } from "../../generated/prisma/enums.js";
import { Purpose } from "../fund/fund.type.js";

export { AccountKind, JournalEntryKind };

registerEnumType(AccountKind, {
  name: "AccountKind",
  description: "The kind of a ledger account.",
  valuesConfig: {
    ASSET_BANK: { description: "Money the fund holds at the bank (debit balance)." },
    INCOME_DONATIONS: { description: "Donations received for one designation (credit balance)." },
  },
});

registerEnumType(JournalEntryKind, {
  name: "JournalEntryKind",
  valuesConfig: {
    DONATION: { description: "A donation received." },
    REVERSAL: { description: "Cancels an earlier entry; the earlier entry stays as it was." },
  },
});

/** A journal entry as read, with its lines and their accounts. */
export type JournalEntryRow = Prisma.JournalEntryGetPayload<{
  include: { lines: { include: { account: true } } };
}>;

@ObjectType("LedgerAccount", { description: "An account of a fund's chart of accounts." })
export class LedgerAccount {
  @Field(() => String, { description: "BANK, or INCOME_<purpose>." })
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => AccountKind)
  kind!: AccountKind;

  @Field(() => Purpose, { nullable: true, description: "The designation an income account collects." })
  purpose!: Purpose | null;
}

@ObjectType({ description: "One side of a journal entry." })
export class JournalLine {
  @Field(() => LedgerAccount)
  account!: LedgerAccount;

  @Field(() => Money, { description: "Debits are positive, credits negative; an entry's lines sum to zero." })
  amount!: Money;
}

/** One balanced posting of a fund's ledger. Finance officers of the fund's region and province admins only. */
@ObjectType({
  description:
    "One balanced posting in a fund's ledger. Never edited: a correction is a reversing entry that points at it.",
})
export class JournalEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  postedAt!: Date;

  @Field(() => String)
  memo!: string;

  @Field(() => JournalEntryKind)
  kind!: JournalEntryKind;

  @Field(() => String, { description: "Who posted it." })
  createdBy!: string;

  fundId!: string;
  reversesId!: string | null;
  lines!: JournalEntryRow["lines"];
}
