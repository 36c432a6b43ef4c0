import type { PrismaClient } from "../../generated/prisma/client.js";
import { assertLedgerBalanced } from "../../testing.js";

/** Shared by this service's tests: recording a gift, and the ledger's invariant. */
export const RECORD_DONATION = /* GraphQL */ `
  mutation Record($input: RecordDonationInput!) {
    recordDonation(input: $input) {
      id receiptNumber anonymous donorName receivedOn channel reversed
      amount { fen currency amount }
      fund { code }
      designation { purpose site { id } projectId }
      journalEntry { id kind lines { account { code kind purpose } amount { fen } } }
    }
  }
`;

let keys = 0;

/** A valid gift of `yuan` to `fundCode`, with a fresh idempotency key unless one is given. */
export function donationInput(overrides: Record<string, unknown> = {}, yuan = 1000) {
  keys += 1;
  return {
    idempotencyKey: `test-key-${process.pid}-${keys}`,
    donorName: "张明",
    anonymous: false,
    amount: { fen: yuan * 100, currency: "CNY" },
    receivedOn: "2026-03-10",
    channel: "ONLINE",
    fundCode: "LOVE_FUND",
    designation: { purpose: "GENERAL" },
    ...overrides,
  };
}

/** The books' invariants (testing.ts's assertLedgerBalanced): used after every test of this service. */
export function expectLedgerBalanced(client: PrismaClient): Promise<void> {
  return assertLedgerBalanced(client);
}
