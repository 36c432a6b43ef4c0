import { NotFoundError } from "@lamplight/subgraph-kit";
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

/** Homes a child cannot newly attend: refused, closed, or not yet approved to run. */
const NOT_RECEIVING = new Set(["REJECTED", "SUSPENDED", "CLOSED"]);

/** The only reader of the SiteReplica table; the site events consumer is its only writer. */
export class SiteReplicaRepository {
  constructor(private readonly prisma: PrismaClient) {}

  find(id: string): Promise<KnownSite | null> {
    return this.prisma.siteReplica.findUnique({ where: { id } });
  }

  /** The home named by `field`, or NOT_FOUND naming the field when sites never announced it. */
  async require(id: string, field: string): Promise<KnownSite> {
    const site = await this.find(id);
    if (!site) throw new NotFoundError("Site", id, { field });
    return site;
  }
}

/** Whether a home may take a newly registered child. */
export function receivesChildren(site: KnownSite): boolean {
  return !NOT_RECEIVING.has(site.status);
}
