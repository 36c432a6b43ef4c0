import { byKeys } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";
import type { AccountBalanceRow, FundTotals } from "./fund.repository.js";
import type { Fund } from "./fund.type.js";

/** The request's Fund-by-id loader: every id asked for in one tick becomes one SQL query. */
export function fundLoader(context: FundingContext) {
  return context.loaders.get<string, Fund | null>("fund.byId", async (ids) =>
    byKeys(ids, await context.funds.findByIds(ids), (fund) => fund.id),
  );
}

/** The request's Fund-by-code loader. */
export function fundByCodeLoader(context: FundingContext) {
  return context.loaders.get<string, Fund | null>("fund.byCode", async (codes) =>
    byKeys(codes, await context.funds.findByCodes(codes), (fund) => fund.code),
  );
}

/** Every account of every fund in the batch with its balance: one grouped SQL query. */
export function accountBalancesLoader(context: FundingContext) {
  return context.loaders.get<string, AccountBalanceRow[]>("fund.accountBalances", async (ids) => {
    const balances = await context.funds.accountBalances(ids);
    return ids.map((id) => balances.get(id) ?? []);
  });
}

/** Balance and money raised of every fund in the batch: one aggregate over the journal lines. */
export function fundTotalsLoader(context: FundingContext) {
  return context.loaders.get<string, FundTotals>("fund.totals", async (ids) => {
    const totals = await context.funds.totals(ids);
    return ids.map((id) => totals.get(id)!);
  });
}
