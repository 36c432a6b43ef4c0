import { violatesUniqueConstraint } from "@lamplight/db-kit";
import {
  ConflictError,
  type ConnectionResult,
  isUuid,
  type PageRequest,
  paginate,
} from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { Currency, type Purpose } from "../../generated/prisma/enums.js";
import type { Fund } from "../fund/fund.type.js";
import type { InstalmentRow, PledgeRow } from "./pledge.type.js";

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

const WITH_INSTALMENTS = { instalments: { orderBy: { number: "asc" } } } as const;

/** The only code in this service that touches pledges and their instalments. */
export class PledgeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Writes the pledge and its instalments in one statement. Idempotent on the key. */
  async record(record: PledgeRecord): Promise<PledgeRow> {
    const totalFen = record.instalments.reduce((sum, instalment) => sum + instalment.amountFen, 0n);
    const find = () =>
      this.prisma.pledge.findUnique({
        where: { idempotencyKey: record.idempotencyKey },
        include: WITH_INSTALMENTS,
      });
    const same = (pledge: PledgeRow) => {
      if (pledge.fundId !== record.fund.id || pledge.totalFen !== totalFen) {
        throw new ConflictError("idempotencyKey was already used for a different pledge", {
          pledgeId: pledge.id,
        });
      }
      return pledge;
    };
    const existing = await find();
    if (existing) return same(existing);
    try {
      return await this.prisma.pledge.create({
        data: {
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
          instalments: {
            create: record.instalments.map((instalment, index) => ({
              number: index + 1,
              dueOn: instalment.dueOn,
              amountFen: instalment.amountFen,
            })),
          },
        },
        include: WITH_INSTALMENTS,
      });
    } catch (error) {
      if (!violatesUniqueConstraint(error, "Pledge_idempotencyKey_key")) throw error;
      const winner = await find();
      if (!winner) throw error;
      return same(winner);
    }
  }

  instalment(id: string) {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.pledgeInstalment.findUnique({ where: { id }, include: { pledge: true } });
  }

  findByIds(ids: readonly string[]): Promise<PledgeRow[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.pledge.findMany({ where: { id: { in: valid } }, include: WITH_INSTALMENTS });
  }

  list(fundIds: string[], page: PageRequest): Promise<ConnectionResult<PledgeRow>> {
    const pledges = this.prisma.pledge;
    return paginate<PledgeRow>(
      {
        findMany: (args) => pledges.findMany({ ...args, include: WITH_INSTALMENTS }),
        count: (args) => pledges.count(args),
      },
      {
        where: { fundId: { in: fundIds } },
        order: [
          { field: "pledgedOn", direction: "desc" },
          { field: "id", direction: "desc" },
        ],
        page,
      },
    );
  }

  /** What was paid on each instalment of the batch (gifts not reversed), in ONE grouped query. */
  async paid(instalmentIds: readonly string[]): Promise<Map<string, bigint>> {
    const sums = new Map<string, bigint>();
    const valid = [...new Set(instalmentIds.filter(isUuid))];
    if (valid.length === 0) return sums;
    const rows = await this.prisma.$queryRaw<{ id: string; paidFen: bigint }[]>`
      SELECT d."pledgeInstalmentId" AS "id", SUM(d."amountFen")::bigint AS "paidFen"
      FROM "Donation" d
      WHERE d."pledgeInstalmentId" = ANY(${valid}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM "JournalEntry" r WHERE r."reversesId" = d."journalEntryId")
      GROUP BY d."pledgeInstalmentId"`;
    for (const row of rows) sums.set(row.id, BigInt(row.paidFen));
    return sums;
  }
}

export type { InstalmentRow };
