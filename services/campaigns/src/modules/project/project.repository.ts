import { ancestorsOf, childrenOf } from "@lamplight/regions";
import { type ConnectionResult, isUuid, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import type { Project, ProjectMilestone, ProjectStatus } from "./project.type.js";

/** A project's results before suppression. */
export interface ProjectTotals {
  childrenReached: number;
  homesServed: number;
  activitiesHeld: number;
  volunteerMinutes: number;
}

const NOTHING: ProjectTotals = Object.freeze({
  childrenReached: 0,
  homesServed: 0,
  activitiesHeld: 0,
  volunteerMinutes: 0,
});

/** A region, the regions above it and every region within it: the codes a project serving it may name. */
function relatedRegions(code: string): string[] {
  const codes = [code, ...ancestorsOf(code).map((region) => region.code)];
  const below = [...childrenOf(code)];
  while (below.length > 0) {
    const region = below.pop()!;
    codes.push(region.code);
    below.push(...childrenOf(region.code));
  }
  return codes;
}

/** The unique index on the projects' codes. */
export const ONE_PROJECT_PER_CODE = "Project_code_key";

export interface NewProject {
  code: string;
  name: string;
  description: string;
  targetFen: bigint;
  ownerOrganisationId: string | null;
  regionCodes: string[];
  status: ProjectStatus;
}

/** The only code in this service that touches the Project and ProjectMilestone tables. */
export class ProjectRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<Project[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.project.findMany({ where: { id: { in: valid } } });
  }

  findByCodes(codes: readonly string[]): Promise<Project[]> {
    return this.prisma.project.findMany({ where: { code: { in: [...codes] } } });
  }

  list(filter: { status: ProjectStatus | null; region: string | null }, page: PageRequest) {
    const where = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.region ? { regionCodes: { hasSome: relatedRegions(filter.region) } } : {}),
    };
    return paginate<Project>(this.prisma.project, {
      where,
      order: [
        { field: "name", direction: "asc" },
        { field: "id", direction: "asc" },
      ],
      page,
    }) as Promise<ConnectionResult<Project>>;
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  create(tx: Prisma.TransactionClient, project: NewProject): Promise<Project> {
    return tx.project.create({ data: project }) as Promise<Project>;
  }

  setStatus(tx: Prisma.TransactionClient, id: string, status: ProjectStatus): Promise<Project> {
    return tx.project.update({ where: { id }, data: { status } }) as Promise<Project>;
  }

  /** Every milestone of the batch's projects in one query (a project has tens at most), by due day. */
  milestonesOf(projectIds: readonly string[]): Promise<ProjectMilestone[]> {
    const valid = projectIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.projectMilestone.findMany({
      where: { projectId: { in: valid } },
      orderBy: [{ dueOn: "asc" }, { id: "asc" }],
    });
  }

  findMilestone(id: string): Promise<ProjectMilestone | null> {
    if (!isUuid(id)) return Promise.resolve(null);
    return this.prisma.projectMilestone.findUnique({ where: { id } });
  }

  addMilestone(milestone: { projectId: string; title: string; dueOn: Date }): Promise<ProjectMilestone> {
    return this.prisma.projectMilestone.create({ data: milestone });
  }

  reachMilestone(id: string, reachedOn: Date): Promise<ProjectMilestone> {
    return this.prisma.projectMilestone.update({ where: { id }, data: { reachedOn } });
  }

  /**
   * What the activities of many projects achieved, in ONE query: children who attended (distinct),
   * homes that held an occurrence so far, occurrences held so far, and volunteers' minutes.
   */
  async totals(projectIds: readonly string[], now: Date): Promise<Map<string, ProjectTotals>> {
    const totals = new Map<string, ProjectTotals>(projectIds.map((id) => [id, NOTHING]));
    const valid = [...new Set(projectIds.filter(isUuid))];
    if (valid.length === 0) return totals;
    const rows = await this.prisma.$queryRaw<
      { projectId: string; children: bigint; homes: bigint; held: bigint; minutes: bigint }[]
    >`
      SELECT a."projectId",
        (SELECT COUNT(DISTINCT r."studentId") FROM "Registration" r JOIN "Activity" x ON x."id" = r."activityId"
          WHERE x."projectId" = a."projectId" AND r."attended" = true) AS "children",
        (SELECT COUNT(DISTINCT h."siteId") FROM "ActivityHome" h JOIN "Activity" x ON x."id" = h."activityId"
          WHERE x."projectId" = a."projectId" AND x."startsOn" <= ${now}) AS "homes",
        COUNT(o."id") FILTER (WHERE o."startsAt" <= ${now}) AS "held",
        (SELECT COALESCE(SUM(r."minutes"), 0) FROM "Registration" r JOIN "Activity" x ON x."id" = r."activityId"
          WHERE x."projectId" = a."projectId" AND r."participant" = 'VOLUNTEER' AND r."attended" = true) AS "minutes"
      FROM "Activity" a LEFT JOIN "Occurrence" o ON o."activityId" = a."id"
      WHERE a."projectId" = ANY(${valid}::uuid[])
      GROUP BY a."projectId"`;
    for (const row of rows) {
      totals.set(row.projectId, {
        childrenReached: Number(row.children),
        homesServed: Number(row.homes),
        activitiesHeld: Number(row.held),
        volunteerMinutes: Number(row.minutes),
      });
    }
    return totals;
  }
}
