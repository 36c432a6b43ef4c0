import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { CareRecord } from "./care.type.js";

const CARE_ORDER: readonly SqlOrderKey[] = [
  { field: "happenedOn", direction: "desc", type: "date" },
  { field: "id", direction: "desc", type: "uuid" },
];

/** The only code that touches CareRecord (and a pairing's check-in dates, when a record is a check-in). */
export class CareRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Records an act of care. When it is a check-in of a pairing, the pairing's last check-in and
   * next due date move on in the same transaction (never backwards: the latest check-in counts).
   */
  record(
    data: Prisma.CareRecordUncheckedCreateInput,
    pairing: { id: string; checkInEveryDays: number; lastCheckInOn: Date | null } | null,
  ): Promise<CareRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.careRecord.create({ data: { ...data, pairingId: pairing?.id ?? null } });
      if (pairing) {
        await tx.$executeRaw`
          UPDATE "Pairing"
          SET "lastCheckInOn" = GREATEST(COALESCE("lastCheckInOn", ${created.happenedOn}::date), ${created.happenedOn}::date),
              "nextCheckInDue" = GREATEST(COALESCE("lastCheckInOn", ${created.happenedOn}::date), ${created.happenedOn}::date) + "checkInEveryDays"
          WHERE "id" = ${pairing.id}::uuid`;
      }
      return created;
    });
  }

  /** A page of care records per child for a batch of children, in one query; `byVolunteer` narrows to one author. */
  pagesByStudent(
    studentIds: readonly string[],
    page: PageRequest,
    byVolunteer: string | null,
    countTotal: (studentId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<CareRecord>>> {
    return pagesByParent<CareRecord>(this.prisma, {
      from: "CareRecord",
      parent: "studentId",
      order: CARE_ORDER,
      ...(byVolunteer ? { where: Prisma.sql`"volunteerId" = ${byVolunteer}::uuid` } : {}),
      parentIds: studentIds,
      page,
      countTotal,
    });
  }

  /** A page of check-ins per pairing, newest first, for a batch of pairings in one query. */
  pagesByPairing(
    pairingIds: readonly string[],
    page: PageRequest,
    countTotal: (pairingId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<CareRecord>>> {
    return pagesByParent<CareRecord>(this.prisma, {
      from: "CareRecord",
      parent: "pairingId",
      order: CARE_ORDER,
      parentIds: pairingIds,
      page,
      countTotal,
    });
  }

  async countByStudent(
    studentIds: readonly string[],
    byVolunteer: string | null,
  ): Promise<Map<string, number>> {
    const valid = [...new Set(studentIds.filter(isUuid))];
    const counts = new Map<string, number>();
    if (valid.length === 0) return counts;
    const groups = await this.prisma.careRecord.groupBy({
      by: ["studentId"],
      where: { studentId: { in: valid }, ...(byVolunteer ? { volunteerId: byVolunteer } : {}) },
      _count: { _all: true },
    });
    for (const group of groups) counts.set(group.studentId, group._count._all);
    return counts;
  }

  async countByPairing(pairingIds: readonly string[]): Promise<Map<string, number>> {
    const valid = [...new Set(pairingIds.filter(isUuid))];
    const counts = new Map<string, number>();
    if (valid.length === 0) return counts;
    const groups = await this.prisma.careRecord.groupBy({
      by: ["pairingId"],
      where: { pairingId: { in: valid } },
      _count: { _all: true },
    });
    for (const group of groups) if (group.pairingId) counts.set(group.pairingId, group._count._all);
    return counts;
  }
}
