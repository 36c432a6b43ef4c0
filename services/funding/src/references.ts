import { takesOnNew } from "@lamplight/events";
import { ConflictError, NotFoundError } from "@lamplight/platform";
import type { PrismaClient } from "./generated/prisma/client.js";

/** A record of another subgraph that an input names, and the argument that names it. */
export interface Reference {
  kind: "Site" | "Organisation" | "Project";
  id: string | null | undefined;
  field: string;
}

/** A home as funding knows it from sites' events. */
export interface KnownSite {
  id: string;
  name: string;
  countyCode: string;
  cityCode: string;
  status: string;
}

/**
 * The homes, donor organisations and projects funding knows from the events of sites, people and
 * campaigns (SiteReplica, OrganisationReplica, ProjectReplica): the only reader of those tables;
 * their consumers are the only writers. Every id an input names is checked here.
 */
export class KnownReferences {
  constructor(private readonly prisma: PrismaClient) {}

  /** Resolves when every named record is known; NOT_FOUND naming the first unknown one's field. */
  async require(references: readonly Reference[]): Promise<void> {
    const named = references.filter((reference): reference is Reference & { id: string } =>
      Boolean(reference.id),
    );
    const idsOf = (kind: Reference["kind"]) => [
      ...new Set(named.filter((reference) => reference.kind === kind).map((reference) => reference.id)),
    ];
    const [sites, organisations, projects] = await Promise.all([
      this.known(idsOf("Site"), (ids) =>
        this.prisma.siteReplica.findMany({ where: { id: { in: ids } }, select: { id: true } }),
      ),
      this.known(idsOf("Organisation"), (ids) =>
        this.prisma.organisationReplica.findMany({ where: { id: { in: ids } }, select: { id: true } }),
      ),
      this.known(idsOf("Project"), (ids) =>
        this.prisma.projectReplica.findMany({ where: { id: { in: ids } }, select: { id: true } }),
      ),
    ]);
    const known = { Site: sites, Organisation: organisations, Project: projects };
    const unknown = named.find((reference) => !known[reference.kind].has(reference.id));
    if (unknown) throw new NotFoundError(unknown.kind, unknown.id, { field: unknown.field });
  }

  /** The home named by `field`, taking grants and deliveries: NOT_FOUND or CONFLICT otherwise. */
  async receivingSite(id: string, field: string): Promise<KnownSite> {
    const site = await this.prisma.siteReplica.findUnique({ where: { id } });
    if (!site) throw new NotFoundError("Site", id, { field });
    if (!takesOnNew(site.status)) {
      throw new ConflictError(`${site.name} is ${site.status} and receives nothing new`, {
        field,
        status: site.status,
      });
    }
    return site;
  }

  private async known(
    ids: string[],
    find: (ids: string[]) => Promise<Array<{ id: string }>>,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set((await find(ids)).map((row) => row.id));
  }
}
