import type { SqlClient } from "@lamplight/events";
import { type ConnectionResult, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { type TrustedOperation, TrustedOperationStatus } from "./trusted-operation.type.js";

/** The only code in this service that touches the TrustedOperation table. */
export class TrustedOperationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Writes the operation, or keeps the organisation's registration of the same document (same hash). */
  register(operation: {
    organisationId: string;
    name: string;
    sha256: string;
    document: string;
    createdBy: string;
    status?: TrustedOperationStatus;
  }): Promise<TrustedOperation> {
    return this.prisma.trustedOperation.upsert({
      where: {
        organisationId_sha256: { organisationId: operation.organisationId, sha256: operation.sha256 },
      },
      create: operation,
      update: {},
    });
  }

  list(organisationId: string, page: PageRequest): Promise<ConnectionResult<TrustedOperation>> {
    return paginate<TrustedOperation>(this.prisma.trustedOperation, {
      where: { organisationId },
      order: [
        { field: "name", direction: "asc" },
        { field: "id", direction: "asc" },
      ],
      page,
    });
  }

  /**
   * The document registered for the organisation under this hash, as submitted; null when there is
   * none, or when it is only proposed or was rejected (not trusted).
   */
  async documentOf(organisationId: string, sha256: string): Promise<string | null> {
    const found = await this.prisma.trustedOperation.findUnique({
      where: { organisationId_sha256: { organisationId, sha256 } },
      select: { document: true, status: true },
    });
    return found?.status === TrustedOperationStatus.APPROVED ? found.document : null;
  }

  /** Every registration's hash and document, the earliest first. */
  hashesAndDocuments(): Promise<{ id: string; organisationId: string; sha256: string; document: string }[]> {
    return this.prisma.trustedOperation.findMany({
      select: { id: true, organisationId: true, sha256: true, document: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
  }

  /** Every organisation's trusted (APPROVED) operations, by organisation, then name: what partners run. */
  trusted(): Promise<{ organisationId: string; name: string; document: string }[]> {
    return this.prisma.trustedOperation.findMany({
      where: { status: TrustedOperationStatus.APPROVED },
      select: { organisationId: true, name: true, document: true },
      orderBy: [{ organisationId: "asc" }, { name: "asc" }, { id: "asc" }],
    });
  }

  async setHash(id: string, sha256: string): Promise<void> {
    await this.prisma.trustedOperation.updateMany({ where: { id }, data: { sha256 } });
  }

  /** Only an APPROVED operation is trusted: a pending or rejected proposal is not. */
  async isTrusted(organisationId: string, sha256: string): Promise<boolean> {
    const found = await this.prisma.trustedOperation.findUnique({
      where: { organisationId_sha256: { organisationId, sha256 } },
      select: { status: true },
    });
    return found?.status === TrustedOperationStatus.APPROVED;
  }

  /** The operation with this id; null when there is none (or the id is not one). */
  findById(id: string): Promise<TrustedOperation | null> {
    return this.prisma.trustedOperation.findUnique({ where: { id } }).catch(() => null);
  }

  /**
   * Approves or rejects a PENDING operation, and runs `announce` with the decided operation in the
   * same transaction; null when it was not pending (any more).
   */
  decide(
    id: string,
    decision: { status: TrustedOperationStatus; decidedBy: string; rejectionReason?: string },
    announce: (tx: SqlClient, operation: TrustedOperation) => Promise<void>,
  ): Promise<TrustedOperation | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.trustedOperation.updateMany({
        where: { id, status: TrustedOperationStatus.PENDING },
        data: { ...decision, decidedAt: new Date() },
      });
      if (count !== 1) return null;
      const operation = await tx.trustedOperation.findUniqueOrThrow({ where: { id } });
      await announce(tx, operation);
      return operation;
    });
  }

  /** Operations of one status (every organisation's, or one's), the oldest first: a review queue. */
  listByStatus(
    status: TrustedOperationStatus,
    organisationId: string | null,
    page: PageRequest,
  ): Promise<ConnectionResult<TrustedOperation>> {
    return paginate<TrustedOperation>(this.prisma.trustedOperation, {
      where: organisationId ? { status, organisationId } : { status },
      order: [
        { field: "createdAt", direction: "asc" },
        { field: "id", direction: "asc" },
      ],
      page,
    });
  }
}
