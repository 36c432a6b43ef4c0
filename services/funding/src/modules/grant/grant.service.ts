import { createOnce } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError } from "@lamplight/platform";
import { formatFen } from "@lamplight/subgraph-kit";
import type { Prisma } from "../../generated/prisma/client.js";
import {
  Currency,
  type ExpenditureCategory,
  type GrantRecipientKind,
  GrantStatus,
  JournalEntryKind,
} from "../../generated/prisma/enums.js";
import {
  type DesignationKey,
  designationKey,
  findDesignation,
  lockDesignation,
  poolBalance,
} from "../designation/designation.repository.js";
import { BANK_ACCOUNT, GRANT_ADVANCES, GRANTS_PAYABLE, grantsAccount } from "../fund/fund.chart.js";
import type { Fund } from "../fund/fund.type.js";
import type { LineDraft } from "../journal/journal.rules.js";
import type { JournalService } from "../journal/journal.service.js";
import { appendGrantApproved } from "./grant.events.js";
import { DISBURSEMENT_KEY, GRANT_KEY, type GrantRepository, REPORT_KEY } from "./grant.repository.js";
import type { DisbursementRow, ExpenditureReportRow, GrantProgress, GrantRow } from "./grant.type.js";

/** A grant as checked by the resolver, ready to propose. */
export interface GrantProposal {
  idempotencyKey: string;
  fund: Fund;
  designation: DesignationKey;
  recipientKind: GrantRecipientKind;
  siteId: string | null;
  projectId: string | null;
  regionCode: string;
  title: string;
  description: string;
  amountFen: bigint;
  proposedBy: string;
}

/** A payment on an approved grant, as checked by the resolver. */
export interface GrantPayment {
  idempotencyKey: string;
  amountFen: bigint;
  paidOn: Date;
  recordedBy: string;
}

/** What a grantee reports it spent, as checked by the resolver. */
export interface SpendingReport {
  idempotencyKey: string;
  amountFen: bigint;
  spentOn: Date;
  category: ExpenditureCategory;
  description: string;
  recordedBy: string;
}

const NOTHING_YET: GrantProgress = Object.freeze({ disbursedFen: 0n, reportedFen: 0n });
const yuan = (fen: bigint) => formatFen(fen);
/**
 * What a pool still holds, for an error's details: the exact yuan always, and the fen as a JSON
 * number only while a number holds it exactly (a pool past 2^53 fen would otherwise be rounded).
 */
const availableDetails = (fen: bigint) => ({
  available: yuan(fen),
  ...(fen <= BigInt(Number.MAX_SAFE_INTEGER) ? { availableFen: Number(fen) } : {}),
});
const cny = (accountId: string, amountFen: bigint): LineDraft => ({
  accountId,
  amountFen,
  currency: Currency.CNY,
});

/**
 * A grant's life: proposed, approved (the award posted, under its pool's lock) or rejected, paid,
 * accounted for and closed. Every decision and every movement takes the grant's row lock first, so
 * it is made once and never beyond the grant's amount.
 */
export class GrantService {
  constructor(
    private readonly grants: GrantRepository,
    private readonly journal: JournalService,
  ) {}

  /**
   * Proposes a grant: checks the pool could pay it today (a friendly early answer; approval checks
   * again under a lock) and writes it as PROPOSED. Idempotent on the key.
   */
  async propose(proposal: GrantProposal): Promise<GrantRow> {
    const { row, created } = await createOnce({
      find: () => this.grants.findByIdempotencyKey(proposal.idempotencyKey),
      constraint: GRANT_KEY,
      create: () =>
        this.grants.transaction(async (tx) => {
          const key = proposal.designation;
          const pool = await poolBalance(tx, key, await findDesignation(tx, key));
          if (proposal.amountFen > pool.availableFen) {
            throw new BadUserInputError(
              `Only ${yuan(pool.availableFen)} yuan designated to this purpose is available in ${proposal.fund.code}`,
              { field: "input.amount", ...availableDetails(pool.availableFen) },
            );
          }
          const designationId = await lockDesignation(tx, key);
          const id = crypto.randomUUID();
          return this.grants.create(tx, {
            id,
            reference: `G-${proposal.fund.code}-${new Date().getUTCFullYear()}-${id.slice(0, 8).toUpperCase()}`,
            fundId: proposal.fund.id,
            designationId,
            purpose: key.purpose,
            recipientKind: proposal.recipientKind,
            siteId: proposal.siteId,
            projectId: proposal.projectId,
            regionCode: proposal.regionCode,
            title: proposal.title,
            description: proposal.description,
            amountFen: proposal.amountFen,
            currency: Currency.CNY,
            proposedBy: proposal.proposedBy,
            idempotencyKey: proposal.idempotencyKey,
          });
        }),
    });
    if (!created && (row.fundId !== proposal.fund.id || row.amountFen !== proposal.amountFen)) {
      throw new ConflictError("idempotencyKey was already used for a different grant; use a new key", {
        grantId: row.id,
      });
    }
    return row;
  }

  /**
   * Approves a proposed grant in ONE transaction: locks the grant (one decision only) and then its
   * pool (so concurrent approvals take turns), checks the pool still holds the amount, posts the
   * award (debit the purpose's grants expense, credit grants payable) and marks the grant approved,
   * announcing it (grant.approved).
   * Two approvals racing for the same money: the second sees the first's award and is refused.
   */
  approve(grant: GrantRow, decidedBy: string, note: string | null, awardDate: Date): Promise<GrantRow> {
    return this.grants.transaction(async (tx) => {
      await this.lockProposed(tx, grant);
      const key = await designationKey(tx, grant.designationId);
      await lockDesignation(tx, key);
      const pool = await poolBalance(tx, key, grant.designationId);
      if (grant.amountFen > pool.availableFen) {
        throw new ConflictError(
          `Only ${yuan(pool.availableFen)} yuan of this designation is available; the grant needs ${yuan(grant.amountFen)}`,
          { id: grant.id, ...availableDetails(pool.availableFen) },
        );
      }
      const expense = grantsAccount(grant.purpose);
      const accounts = await this.journal.accountIds(tx, grant.fundId, [expense, GRANTS_PAYABLE]);
      await this.journal.post(tx, {
        fundId: grant.fundId,
        memo: `Grant ${grant.reference} awarded: ${grant.title}`,
        kind: JournalEntryKind.GRANT_AWARD,
        grantId: grant.id,
        createdBy: decidedBy,
        lines: [
          cny(accounts.get(expense)!, grant.amountFen),
          cny(accounts.get(GRANTS_PAYABLE)!, -grant.amountFen),
        ],
      });
      const approved = await this.grants.update(tx, grant.id, {
        status: GrantStatus.APPROVED,
        decidedBy,
        decidedAt: new Date(),
        awardDate,
        decisionNote: note,
      });
      await appendGrantApproved(tx, approved);
      return approved;
    });
  }

  /** Turns a proposal down; nothing is posted. One decision only (the grant's row lock settles races). */
  reject(grant: GrantRow, decidedBy: string, note: string | null): Promise<GrantRow> {
    return this.grants.transaction(async (tx) => {
      await this.lockProposed(tx, grant);
      return this.grants.update(tx, grant.id, {
        status: GrantStatus.REJECTED,
        decidedBy,
        decidedAt: new Date(),
        decisionNote: note,
      });
    });
  }

  /**
   * Pays part of an approved grant: under the grant's row lock, checks it is not paid beyond its
   * amount, then posts the payment (debit advances to grantees, credit the bank). Idempotent on the key.
   */
  async disburse(grant: GrantRow, payment: GrantPayment): Promise<DisbursementRow> {
    const { row, created } = await createOnce({
      find: () => this.grants.disbursementByIdempotencyKey(payment.idempotencyKey),
      constraint: DISBURSEMENT_KEY,
      create: () =>
        this.grants.transaction(async (tx) => {
          const progress = await this.lockApproved(tx, grant);
          const left = grant.amountFen - progress.disbursedFen;
          if (payment.amountFen > left) {
            throw new BadUserInputError(`Grant ${grant.reference} has only ${yuan(left)} yuan left to pay`, {
              field: "input.amount",
            });
          }
          const accounts = await this.journal.accountIds(tx, grant.fundId, [GRANT_ADVANCES, BANK_ACCOUNT]);
          const entry = await this.journal.post(tx, {
            fundId: grant.fundId,
            memo: `Grant ${grant.reference} paid`,
            kind: JournalEntryKind.GRANT_DISBURSEMENT,
            grantId: grant.id,
            createdBy: payment.recordedBy,
            lines: [
              cny(accounts.get(GRANT_ADVANCES)!, payment.amountFen),
              cny(accounts.get(BANK_ACCOUNT)!, -payment.amountFen),
            ],
          });
          return this.grants.createDisbursement(tx, {
            grantId: grant.id,
            amountFen: payment.amountFen,
            paidOn: payment.paidOn,
            journalEntryId: entry.id,
            idempotencyKey: payment.idempotencyKey,
            recordedBy: payment.recordedBy,
          });
        }),
    });
    return created ? row : sameMovement(row, grant.id, payment.amountFen);
  }

  /**
   * Records what the grantee spent: under the grant's row lock, checks it does not account for more
   * than was paid, then posts it (debit grants payable, credit advances). Idempotent on the key.
   */
  async report(grant: GrantRow, report: SpendingReport): Promise<ExpenditureReportRow> {
    const { row, created } = await createOnce({
      find: () => this.grants.reportByIdempotencyKey(report.idempotencyKey),
      constraint: REPORT_KEY,
      create: () =>
        this.grants.transaction(async (tx) => {
          const progress = await this.lockApproved(tx, grant);
          const unaccounted = progress.disbursedFen - progress.reportedFen;
          if (report.amountFen > unaccounted) {
            throw new BadUserInputError(
              `Only ${yuan(unaccounted)} yuan of grant ${grant.reference} was paid and not yet accounted for`,
              { field: "input.amount" },
            );
          }
          const accounts = await this.journal.accountIds(tx, grant.fundId, [GRANTS_PAYABLE, GRANT_ADVANCES]);
          const entry = await this.journal.post(tx, {
            fundId: grant.fundId,
            memo: `Grant ${grant.reference} spending reported: ${report.description}`,
            kind: JournalEntryKind.GRANT_EXPENDITURE,
            grantId: grant.id,
            createdBy: report.recordedBy,
            lines: [
              cny(accounts.get(GRANTS_PAYABLE)!, report.amountFen),
              cny(accounts.get(GRANT_ADVANCES)!, -report.amountFen),
            ],
          });
          return this.grants.createReport(tx, {
            grantId: grant.id,
            amountFen: report.amountFen,
            spentOn: report.spentOn,
            category: report.category,
            description: report.description,
            journalEntryId: entry.id,
            idempotencyKey: report.idempotencyKey,
            recordedBy: report.recordedBy,
          });
        }),
    });
    return created ? row : sameMovement(row, grant.id, report.amountFen);
  }

  /**
   * Closes an approved grant once the grantee is done, in ONE transaction under the grant's row lock:
   * money paid and not spent comes back to the bank (debit bank, credit advances), and everything not
   * spent goes back to the designation (debit grants payable, credit the purpose's grants). Afterwards
   * the grant costs its designation exactly what was reported spent.
   */
  close(grant: GrantRow, closedBy: string, note: string | null): Promise<GrantRow> {
    return this.grants.transaction(async (tx) => {
      const progress = await this.lockApproved(tx, grant);
      const returnedFen = progress.disbursedFen - progress.reportedFen;
      const releasedFen = grant.amountFen - progress.reportedFen;
      const expense = grantsAccount(grant.purpose);
      const accounts = await this.journal.accountIds(tx, grant.fundId, [
        BANK_ACCOUNT,
        GRANT_ADVANCES,
        GRANTS_PAYABLE,
        expense,
      ]);
      const lines: LineDraft[] = [];
      if (returnedFen > 0n) {
        lines.push(
          cny(accounts.get(BANK_ACCOUNT)!, returnedFen),
          cny(accounts.get(GRANT_ADVANCES)!, -returnedFen),
        );
      }
      if (releasedFen > 0n) {
        lines.push(
          cny(accounts.get(GRANTS_PAYABLE)!, releasedFen),
          cny(accounts.get(expense)!, -releasedFen),
        );
      }
      if (lines.length > 0) {
        await this.journal.post(tx, {
          fundId: grant.fundId,
          memo: `Grant ${grant.reference} closed${note ? `: ${note}` : ""}`,
          kind: JournalEntryKind.GRANT_CLOSURE,
          grantId: grant.id,
          createdBy: closedBy,
          lines,
        });
      }
      return this.grants.update(tx, grant.id, { status: GrantStatus.CLOSED, releasedFen });
    });
  }

  /** Takes the grant's row lock for a decision: only a proposal is decided, and only once. */
  private async lockProposed(tx: Prisma.TransactionClient, grant: GrantRow): Promise<void> {
    const status = await this.locked(tx, grant);
    if (status !== GrantStatus.PROPOSED) {
      throw new ConflictError(`Grant ${grant.reference} was already ${status.toLowerCase()}`, {
        id: grant.id,
      });
    }
  }

  /** Takes the grant's row lock for a movement on an approved grant; what it was paid and accounted for. */
  private async lockApproved(tx: Prisma.TransactionClient, grant: GrantRow): Promise<GrantProgress> {
    const status = await this.locked(tx, grant);
    if (status !== GrantStatus.APPROVED) {
      throw new ConflictError(`Grant ${grant.reference} is ${status.toLowerCase()}, not approved`, {
        id: grant.id,
      });
    }
    return (await this.grants.progress([grant.id], tx)).get(grant.id) ?? NOTHING_YET;
  }

  private async locked(tx: Prisma.TransactionClient, grant: GrantRow): Promise<GrantStatus> {
    const status = await this.grants.lock(tx, grant.id);
    if (!status) throw new Error(`grant ${grant.id} vanished`);
    return status;
  }
}

/** A retry must be the same payment or report: the same key for another grant or amount is a client error. */
function sameMovement<Row extends { id: string; grantId: string; amountFen: bigint }>(
  row: Row,
  grantId: string,
  amountFen: bigint,
): Row {
  if (row.grantId !== grantId || row.amountFen !== amountFen) {
    throw new ConflictError("idempotencyKey was already used for a different payment or report", {
      id: row.id,
    });
  }
  return row;
}
