import { isUuid } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { AllianceMembership } from "./alliance.type.js";

/** The only code that touches AllianceMembership. */
export class AllianceRepository {
  constructor(private readonly prisma: PrismaClient) {}

  membershipsOf(organisationIds: readonly string[]): Promise<AllianceMembership[]> {
    const valid = organisationIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.allianceMembership.findMany({
      where: { organisationId: { in: valid } },
      orderBy: [{ organisationId: "asc" }, { joinedOn: "desc" }, { id: "asc" }],
    });
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /** Locks an organisation's row until the transaction ends; false when there is no such organisation. */
  async lockOrganisation(tx: Prisma.TransactionClient, organisationId: string): Promise<boolean> {
    const locked = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "Organisation" WHERE "id" = ${organisationId}::uuid FOR UPDATE`;
    return locked.length > 0;
  }

  /** The organisation's membership that has not ended, if any. */
  openMembership(tx: Prisma.TransactionClient, organisationId: string): Promise<AllianceMembership | null> {
    return tx.allianceMembership.findFirst({ where: { organisationId, leftOn: null } });
  }

  /** The organisation's membership that ended last, if any. */
  lastMembership(tx: Prisma.TransactionClient, organisationId: string): Promise<AllianceMembership | null> {
    return tx.allianceMembership.findFirst({ where: { organisationId }, orderBy: { leftOn: "desc" } });
  }

  createMembership(
    tx: Prisma.TransactionClient,
    organisationId: string,
    joinedOn: Date,
  ): Promise<AllianceMembership> {
    return tx.allianceMembership.create({ data: { organisationId, joinedOn } });
  }

  findMembership(id: string): Promise<AllianceMembership | null> {
    return this.prisma.allianceMembership.findUnique({ where: { id } });
  }

  /** Ends a membership that has not ended; whether it did. */
  async endMembership(id: string, leftOn: Date): Promise<boolean> {
    const { count } = await this.prisma.allianceMembership.updateMany({
      where: { id, leftOn: null },
      data: { leftOn },
    });
    return count > 0;
  }
}
