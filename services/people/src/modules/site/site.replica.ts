import { NotFoundError } from "@lamplight/platform";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** A home as people knows it from the sites subgraph's events. */
export interface KnownSite {
  id: string;
  name: string;
  kind: string;
  countyCode: string;
  cityCode: string;
  status: string;
}

/** The only reader of the SiteReplica table; the site events consumer is its only writer. */
export class SiteReplicaRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The home named by `field`, or NOT_FOUND naming the field when sites never announced it. */
  async require(id: string, field: string): Promise<KnownSite> {
    const site = await this.prisma.siteReplica.findUnique({ where: { id } });
    if (!site) throw new NotFoundError("Site", id, { field });
    return site;
  }
}
