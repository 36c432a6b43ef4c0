import { NotFoundError } from "@lamplight/platform";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** The only reader of the OrganisationReplica table; the organisation events consumer is its only writer. */
export class OrganisationReplicaRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Resolves when people has announced the organisation named by `field`; NOT_FOUND naming it otherwise. */
  async require(id: string, field: string): Promise<void> {
    const known = await this.prisma.organisationReplica.findUnique({ where: { id }, select: { id: true } });
    if (!known) throw new NotFoundError("Organisation", id, { field });
  }

  /** The names people announced for these organisations, by id; an organisation not announced is absent. */
  async names(ids: readonly string[]): Promise<Map<string, string>> {
    const rows = await this.prisma.organisationReplica.findMany({
      where: { id: { in: [...ids] } },
      select: { id: true, name: true },
    });
    return new Map(rows.map((row) => [row.id, row.name]));
  }
}
