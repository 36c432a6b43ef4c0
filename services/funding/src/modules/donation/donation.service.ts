import { createOnce } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError } from "@lamplight/platform";
import { formatFen } from "@lamplight/subgraph-kit";
import type { Prisma } from "../../generated/prisma/client.js";
import { Currency, JournalEntryKind, type Purpose } from "../../generated/prisma/enums.js";
import { BANK_ACCOUNT, incomeAccount } from "../fund/fund.chart.js";
import type { Fund } from "../fund/fund.type.js";
import type { JournalService } from "../journal/journal.service.js";
import { appendDonationReceived } from "./donation.events.js";
import { DONATION_KEY, type DonationRepository } from "./donation.repository.js";
import type { Donation } from "./donation.type.js";

/** A donation as checked by the resolver, ready to record. */
export interface DonationRecord {
  idempotencyKey: string;
  fund: Fund;
  donorOrganisationId: string | null;
  donorName: string | null;
  anonymous: boolean;
  amountFen: bigint;
  receivedOn: Date;
  channel: Donation["channel"];
  purpose: Purpose;
  siteId: string | null;
  projectId: string | null;
  /** The pledge instalment the gift pays, if any (checked by the resolver against the pledge). */
  pledgeInstalmentId: string | null;
  recordedBy: string;
}

/** Recording gifts: the receipt, the journal entry and the donation, together or not at all. */
export class DonationService {
  constructor(
    private readonly donations: DonationRepository,
    private readonly journal: JournalService,
  ) {}

  /**
   * Records a gift in ONE transaction: the next receipt number of its fund and year, the journal
   * entry (debit the fund's bank, credit the income of its designation), the donation row and its
   * announcement (donation.received).
   * Idempotent: a key already used returns the first donation and writes nothing, also when two
   * requests with one key race (the unique index decides, the loser reads the winner's row).
   */
  async record(record: DonationRecord): Promise<{ donation: Donation; created: boolean }> {
    const { row, created } = await createOnce({
      find: () => this.donations.findByIdempotencyKey(record.idempotencyKey),
      constraint: DONATION_KEY,
      create: () =>
        this.donations.transaction(async (tx) => {
          const income = incomeAccount(record.purpose);
          const accounts = await this.journal.accountIds(tx, record.fund.id, [BANK_ACCOUNT, income]);
          if (record.pledgeInstalmentId)
            await this.checkInstalment(tx, record.pledgeInstalmentId, record.amountFen);
          const receipt = await this.donations.nextReceiptNumber(
            tx,
            record.fund,
            record.receivedOn.getUTCFullYear(),
          );
          const entry = await this.journal.post(tx, {
            fundId: record.fund.id,
            memo: `Donation ${receipt}`,
            kind: JournalEntryKind.DONATION,
            createdBy: record.recordedBy,
            lines: [
              { accountId: accounts.get(BANK_ACCOUNT)!, amountFen: record.amountFen, currency: Currency.CNY },
              { accountId: accounts.get(income)!, amountFen: -record.amountFen, currency: Currency.CNY },
            ],
          });
          const donation = await this.donations.create(tx, {
            idempotencyKey: record.idempotencyKey,
            fundId: record.fund.id,
            donorOrganisationId: record.donorOrganisationId,
            donorName: record.donorName,
            anonymous: record.anonymous,
            amountFen: record.amountFen,
            currency: Currency.CNY,
            receivedOn: record.receivedOn,
            channel: record.channel,
            purpose: record.purpose,
            siteId: record.siteId,
            projectId: record.projectId,
            pledgeInstalmentId: record.pledgeInstalmentId,
            receiptNumber: receipt,
            journalEntryId: entry.id,
            recordedBy: record.recordedBy,
          });
          await appendDonationReceived(tx, donation, record.fund.code);
          return donation;
        }),
    });
    // A retry must be the same gift: the same key for another fund or amount is a client error.
    if (!created && (row.fundId !== record.fund.id || row.amountFen !== record.amountFen)) {
      throw new ConflictError(
        "idempotencyKey was already used for a different donation; use a new key for a new gift",
        { donationId: row.id },
      );
    }
    return { donation: row, created };
  }

  /**
   * A gift paying a pledge instalment: the instalment's row is locked, so two gifts racing to pay it
   * take turns, and together they never pay more than it asks.
   */
  private async checkInstalment(tx: Prisma.TransactionClient, instalmentId: string, amountFen: bigint) {
    const instalmentFen = await this.donations.lockInstalment(tx, instalmentId);
    if (instalmentFen === null) {
      throw new BadUserInputError("input.pledgeInstalmentId is not an instalment", {
        field: "input.pledgeInstalmentId",
      });
    }
    const left = instalmentFen - (await this.donations.paidOnInstalment(tx, instalmentId));
    if (amountFen > left) {
      throw new BadUserInputError(`The instalment has only ${formatFen(left)} yuan left to pay`, {
        field: "input.amount",
      });
    }
  }
}
