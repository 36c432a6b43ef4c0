import { NotFoundError } from "@lamplight/platform";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** An organisation id a write names, and the input field that names it. */
export interface NamedOrganisation {
  id: string;
  field: string;
}

/** The only reader of the OrganisationReplica table; the organisation events consumer is its only writer. */
export class OrganisationReplicaRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Resolves when people has announced the organisation named by `field`; NOT_FOUND naming it otherwise. */
  async require(id: string, field: string): Promise<void> {
    const known = await this.prisma.organisationReplica.findUnique({ where: { id }, select: { id: true } });
    if (!known) throw new NotFoundError("Organisation", id, { field });
  }

  /**
   * The same for every organisation a write names, in one query: NOT_FOUND naming the first field
   * (in the order given) whose organisation people has not announced.
   */
  async requireEach(named: readonly NamedOrganisation[]): Promise<void> {
    if (named.length === 0) return;
    const ids = [...new Set(named.map((entry) => entry.id))];
    const known = new Set(
      (
        await this.prisma.organisationReplica.findMany({ where: { id: { in: ids } }, select: { id: true } })
      ).map((row) => row.id),
    );
    const unknown = named.find((entry) => !known.has(entry.id));
    if (unknown) throw new NotFoundError("Organisation", unknown.id, { field: unknown.field });
  }
}
