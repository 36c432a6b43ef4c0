import { aggregateLoader, byKeys, type ConnectionResult, type PageRequest } from "@lamplight/subgraph-kit";
import type { FundingContext } from "../../context.js";
import type { InKindDeliveryRow, InKindGiftRow } from "./inkind.type.js";

export function inKindGiftLoader(context: FundingContext) {
  return context.loaders.get<string, InKindGiftRow | null>("inKindGift.byId", async (ids) =>
    byKeys(ids, await context.inKind.findByIds(ids), (gift) => gift.id),
  );
}

/** Items delivered per gift of the batch: one grouped SQL query. */
export function deliveredCountLoader(context: FundingContext) {
  return context.loaders.get<string, number>("inKindGift.delivered", async (ids) => {
    const counts = await context.inKind.deliveredCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}

/** Value of goods delivered to each home of the batch: one grouped SQL query. */
export function siteInKindLoader(context: FundingContext) {
  return aggregateLoader<string, bigint>(context, "site.inKind", async (ids) => {
    const sums = await context.inKind.deliveredToSites(ids);
    return ids.map((id) => sums.get(id) ?? 0n);
  });
}

/** The same page of deliveries for each gift of the batch: one SQL query. */
export function deliveryPageLoader(context: FundingContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<InKindDeliveryRow>>(
    `inKindGift.deliveries:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.inKind.deliveryPages(ids, page, (id) =>
        deliveryCountLoader(context).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

/** How many deliveries each gift of the batch has: one SQL query. */
export function deliveryCountLoader(context: FundingContext) {
  return context.loaders.get<string, number>("inKindGift.deliveryCount", async (ids) => {
    const counts = await context.inKind.deliveryCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
