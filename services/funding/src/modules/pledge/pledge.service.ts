import { createOnce } from "@lamplight/db-kit";
import { ConflictError } from "@lamplight/platform";
import { Currency, type Purpose } from "../../generated/prisma/enums.js";
import type { Fund } from "../fund/fund.type.js";
import { PLEDGE_KEY, type PledgeRepository } from "./pledge.repository.js";
import type { PledgeRow } from "./pledge.type.js";

/** A pledge as checked by the resolver, ready to record. */
export interface PledgeRecord {
  idempotencyKey: string;
  fund: Fund;
  donorOrganisationId: string | null;
  donorName: string | null;
  anonymous: boolean;
  purpose: Purpose;
  siteId: string | null;
  projectId: string | null;
  pledgedOn: Date;
  instalments: { dueOn: Date; amountFen: bigint }[];
  recordedBy: string;
}

/** Recording a donor's promise to give in instalments. */
export class PledgeService {
  constructor(private readonly pledges: PledgeRepository) {}

  /** Writes the pledge and its instalments in one statement. Idempotent on the key. */
  async record(record: PledgeRecord): Promise<PledgeRow> {
    const totalFen = record.instalments.reduce((sum, instalment) => sum + instalment.amountFen, 0n);
    const { row, created } = await createOnce({
      find: () => this.pledges.findByIdempotencyKey(record.idempotencyKey),
      constraint: PLEDGE_KEY,
      create: () =>
        this.pledges.create(
          {
            fundId: record.fund.id,
            donorOrganisationId: record.donorOrganisationId,
            donorName: record.donorName,
            anonymous: record.anonymous,
            purpose: record.purpose,
            siteId: record.siteId,
            projectId: record.projectId,
            totalFen,
            currency: Currency.CNY,
            pledgedOn: record.pledgedOn,
            idempotencyKey: record.idempotencyKey,
            recordedBy: record.recordedBy,
          },
          record.instalments,
        ),
    });
    if (!created && (row.fundId !== record.fund.id || row.totalFen !== totalFen)) {
      throw new ConflictError("idempotencyKey was already used for a different pledge", { pledgeId: row.id });
    }
    return row;
  }
}
