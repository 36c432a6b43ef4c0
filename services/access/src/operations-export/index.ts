import type { PrismaClient } from "../generated/prisma/client.js";
import { OrganisationReplicaRepository } from "../modules/organisation/organisation.replica.js";
import { TrustedOperationRepository } from "../modules/trusted-operation/trusted-operation.repository.js";

/** A trusted operation as `pnpm schema:check --operations <file>` reads it. */
export interface ExportedOperation {
  /** The organisation's name as people announced it; its id when it never did. */
  organisation: string;
  name: string;
  document: string;
}

/** Every organisation's trusted operations, for checking a schema change against what partners run. */
export async function exportTrustedOperations(prisma: PrismaClient): Promise<ExportedOperation[]> {
  const operations = await new TrustedOperationRepository(prisma).trusted();
  const names = await new OrganisationReplicaRepository(prisma).names([
    ...new Set(operations.map((operation) => operation.organisationId)),
  ]);
  return operations.map(({ organisationId, name, document }) => ({
    organisation: names.get(organisationId) ?? organisationId,
    name,
    document,
  }));
}
