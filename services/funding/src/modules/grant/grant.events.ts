import { appendEvents, GRANT_EVENT_VERSION, GrantEventType, type GrantFacts } from "@lamplight/events";
import { formatFen } from "@lamplight/subgraph-kit";
import type { Prisma } from "../../generated/prisma/client.js";
import type { GrantRow } from "./grant.type.js";

/**
 * Appends `grant.approved` for a grant just approved, in the approving transaction. Only the command
 * announces: grants the seed loads were approved before anyone subscribed, and are never announced.
 */
export async function appendGrantApproved(tx: Prisma.TransactionClient, grant: GrantRow): Promise<void> {
  const fund = await tx.fund.findUniqueOrThrow({ where: { id: grant.fundId }, select: { code: true } });
  const facts: GrantFacts = {
    id: grant.id,
    reference: grant.reference,
    amount: formatFen(grant.amountFen),
    currency: grant.currency,
    fundCode: fund.code,
    recipientKind: grant.recipientKind,
    siteId: grant.siteId,
    projectId: grant.projectId,
    regionCode: grant.regionCode,
    approvedAt: (grant.decidedAt ?? new Date()).toISOString(),
  };
  await appendEvents(tx, [
    {
      type: GrantEventType.APPROVED,
      version: GRANT_EVENT_VERSION,
      entity: "Grant",
      key: grant.id,
      payload: { ...facts },
    },
  ]);
}
