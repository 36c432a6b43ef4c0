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
    EXPENSE_GRANTS: { description: "Grants awarded from one designation (debit balance)." },
    LIABILITY_GRANTS_PAYABLE: {
      description: "Grants awarded and not yet accounted for by their grantees (credit balance).",
    },
    ASSET_GRANT_ADVANCES: { description: "Paid to grantees and not yet reported spent (debit balance)." },
    ASSET_IN_KIND_GOODS: { description: "Goods given in kind and not yet delivered (debit balance)." },
    INCOME_IN_KIND: { description: "Gifts in kind received, at estimated value (credit balance)." },
    EXPENSE_IN_KIND_DELIVERED: { description: "Gifts in kind delivered to homes (debit balance)." },
  },
});

registerEnumType(JournalEntryKind, {
  name: "JournalEntryKind",
  valuesConfig: {
    DONATION: { description: "A donation received." },
    REVERSAL: { description: "Cancels an earlier entry; the earlier entry stays as it was." },
    GRANT_AWARD: { description: "A grant approved: debit the designation's grants, credit grants payable." },
    GRANT_DISBURSEMENT: { description: "A grant paid: debit advances to grantees, credit the bank." },
    GRANT_EXPENDITURE: {
      description: "A grantee's spending reported: debit grants payable, credit advances.",
    },
    IN_KIND_RECEIPT: { description: "Goods received: debit goods held, credit income in kind." },
    IN_KIND_DELIVERY: { description: "Goods delivered to a home: debit delivered, credit goods held." },
    GRANT_CLOSURE: {
      description:
        "A grant closed: unspent money paid comes back (debit bank, credit advances) and all not spent returns to the designation (debit grants payable, credit grants).",
    },
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

@ObjectType({ description: "An account of a fund with its balance: one line of the trial balance." })
export class AccountBalance {
  @Field(() => LedgerAccount)
  account!: LedgerAccount;

  @Field(() => Money, {
    description: "Debits less credits: assets and expenses positive, income and liabilities negative.",
  })
  balance!: Money;
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
