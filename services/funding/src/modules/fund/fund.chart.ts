import { AccountKind, Purpose } from "../../generated/prisma/enums.js";

/**
 * The chart of accounts every fund has: one bank account (an asset, debit balance) and one
 * donation-income account per purpose (income, credit balance). A donation debits the bank and
 * credits the income of its designation, so the fund's balance is the bank account's balance and
 * what it raised per purpose is each income account's (negated) balance.
 */
export const BANK_ACCOUNT = "BANK";
export const incomeAccount = (purpose: Purpose) => `INCOME_${purpose}`;

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

/** The accounts of a new fund; `newId` gives each its id (random, or seeded for demo data). */
export function chartOfAccounts(fundId: string, newId: () => string): ChartAccount[] {
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
  ];
}
