import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { InstalmentRow, PledgeRow } from "./pledge.type.js";

/** The unique index on the pledges' idempotency keys. */
export const PLEDGE_KEY = "Pledge_idempotencyKey_key";

const WITH_INSTALMENTS = { instalments: { orderBy: { number: "asc" } } } as const;

/** The only code in this service that touches pledges and their instalments. */
export class PledgeRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIdempotencyKey(idempotencyKey: string): Promise<PledgeRow | null> {
    return this.prisma.pledge.findUnique({ where: { idempotencyKey }, include: WITH_INSTALMENTS });
  }

  /** Writes the pledge and its instalments (numbered 1, 2, 3… in the order given) in one statement. */
  create(
    pledge: Omit<Prisma.PledgeUncheckedCreateInput, "instalments">,
    instalments: readonly { dueOn: Date; amountFen: bigint }[],
  ): Promise<PledgeRow> {
    return this.prisma.pledge.create({
      data: {
        ...pledge,
        instalments: {
          create: instalments.map((instalment, index) => ({
            number: index + 1,
            dueOn: instalment.dueOn,
            amountFen: instalment.amountFen,
          })),
        },
      },
      include: WITH_INSTALMENTS,
    });
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
