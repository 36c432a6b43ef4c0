import { AccountKind, Purpose } from "../../generated/prisma/enums.js";

/**
 * The chart of accounts every fund has: one bank account (an asset, debit balance) and one
 * donation-income account per purpose (income, credit balance). A donation debits the bank and
 * credits the income of its designation, so the fund's balance is the bank account's balance and
 * what it raised per purpose is each income account's (negated) balance.
 */
export const BANK_ACCOUNT = "BANK";
export const incomeAccount = (purpose: Purpose) => `INCOME_${purpose}`;
/** Grants awarded from a purpose's money (an expense: debit balance). */
export const grantsAccount = (purpose: Purpose) => `GRANTS_${purpose}`;
/** Grants awarded and not yet accounted for by their grantees (a liability: credit balance). */
export const GRANTS_PAYABLE = "GRANTS_PAYABLE";
/** Money paid to grantees that they have not yet reported spent (an asset: debit balance). */
export const GRANT_ADVANCES = "GRANT_ADVANCES";
/** Goods given in kind, not yet delivered (asset), received (income), delivered (expense). */
export const IN_KIND_GOODS = "IN_KIND_GOODS";
export const IN_KIND_INCOME = "IN_KIND_INCOME";
export const IN_KIND_DELIVERED = "IN_KIND_DELIVERED";

const PURPOSE_NAMES: Record<Purpose, string> = {
  BUILDING_HOMES: "建设留守学生之家",
  SPORTS_CENTRE: "体育活动中心",
  ACTIVITIES: "关爱活动",
  GENERAL: "非限定用途",
  EQUIPMENT: "设备配置",
};

export interface ChartAccount {
  id: string;
  fundId: string;
  code: string;
  name: string;
  kind: AccountKind;
  purpose: Purpose | null;
}

/**
 * The accounts of a new fund; `newId` gives each its id (random, or seeded for demo data). The
 * accounts of the first slice come first, with ids from `newId`; the later ones take theirs from
 * `laterId`, so the seeded ids of the first accounts never change.
 */
export function chartOfAccounts(
  fundId: string,
  newId: () => string,
  laterId: () => string = newId,
): ChartAccount[] {
  const account = (code: string, name: string, kind: AccountKind, purpose: Purpose | null = null) => ({
    id: laterId(),
    fundId,
    code,
    name,
    kind,
    purpose,
  });
  return [
    {
      id: newId(),
      fundId,
      code: BANK_ACCOUNT,
      name: "银行存款",
      kind: AccountKind.ASSET_BANK,
      purpose: null,
    },
    ...Object.values(Purpose).map((purpose) => ({
      id: newId(),
      fundId,
      code: incomeAccount(purpose),
      name: `捐赠收入——${PURPOSE_NAMES[purpose]}`,
      kind: AccountKind.INCOME_DONATIONS,
      purpose,
    })),
    ...Object.values(Purpose).map((purpose) =>
      account(
        grantsAccount(purpose),
        `资助支出——${PURPOSE_NAMES[purpose]}`,
        AccountKind.EXPENSE_GRANTS,
        purpose,
      ),
    ),
    account(GRANTS_PAYABLE, "应付资助款", AccountKind.LIABILITY_GRANTS_PAYABLE),
    account(GRANT_ADVANCES, "预付受助方款项", AccountKind.ASSET_GRANT_ADVANCES),
    account(IN_KIND_GOODS, "受赠物资", AccountKind.ASSET_IN_KIND_GOODS),
    account(IN_KIND_INCOME, "捐赠收入——实物", AccountKind.INCOME_IN_KIND),
    account(IN_KIND_DELIVERED, "实物发放支出", AccountKind.EXPENSE_IN_KIND_DELIVERED),
  ];
}
