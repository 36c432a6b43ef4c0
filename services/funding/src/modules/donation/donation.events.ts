import {
  appendEvents,
  DONATION_EVENT_VERSION,
  DonationEventType,
  type DonationFacts,
} from "@lamplight/events";
import { formatFen } from "@lamplight/subgraph-kit";
import type { Prisma } from "../../generated/prisma/client.js";
import type { Donation } from "./donation.type.js";

/**
 * Appends `donation.received` for a gift just recorded, in the recording transaction. No donor's
 * name: only the giving organisation, when it is one. Only the command announces: the gifts the
 * seed loads are history, and are never announced.
 */
export async function appendDonationReceived(
  tx: Prisma.TransactionClient,
  donation: Donation,
  fundCode: string,
): Promise<void> {
  const facts: DonationFacts = {
    id: donation.id,
    fundCode,
    amount: formatFen(donation.amountFen),
    currency: donation.currency,
    receiptNumber: donation.receiptNumber,
    receivedAt: donation.receivedOn.toISOString().slice(0, 10),
    donorOrganisationId: donation.donorOrganisationId,
  };
  await appendEvents(tx, [
    {
      type: DonationEventType.RECEIVED,
      version: DONATION_EVENT_VERSION,
      entity: "Donation",
      key: donation.id,
      payload: { ...facts },
    },
  ]);
}
