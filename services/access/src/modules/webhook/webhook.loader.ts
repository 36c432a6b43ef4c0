import type { ConnectionResult, PageRequest } from "@lamplight/subgraph-kit";
import type { AccessServiceContext } from "../../context.js";
import type { WebhookAttempt } from "./webhook.type.js";

/** A page of each delivery's attempt log: one query for the deliveries of a whole page. */
export function attemptPageLoader(context: AccessServiceContext, page: PageRequest) {
  return context.loaders.get<string, ConnectionResult<WebhookAttempt>>(
    `webhook.attempts:${page.first}:${page.after ?? ""}`,
    async (ids) => {
      const pages = await context.webhooks.attemptPages(ids, page, (id) =>
        attemptCountLoader(context).load(id),
      );
      return ids.map((id) => pages.get(id)!);
    },
  );
}

export function attemptCountLoader(context: AccessServiceContext) {
  return context.loaders.get<string, number>("webhook.attemptCount", async (ids) => {
    const counts = await context.webhooks.attemptCounts(ids);
    return ids.map((id) => counts.get(id) ?? 0);
  });
}
