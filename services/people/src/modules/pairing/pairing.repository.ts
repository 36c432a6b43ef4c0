import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { ConflictError, NotFoundError } from "@lamplight/platform";
import { addDays } from "@lamplight/regions";
import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { TrainingTopic, VolunteerStatus } from "../../generated/prisma/enums.js";
import type { StudentScope } from "../student/student.policy.js";
import { livingWithin, scopeWhere } from "../student/student.repository.js";
import { pairingProblems } from "./pairing.rules.js";
import type { Pairing } from "./pairing.type.js";

const PAIRING_ORDER: readonly SqlOrderKey[] = [
  { field: "startedOn", direction: "desc", type: "date" },
  { field: "id", direction: "desc", type: "uuid" },
];

export const OVERDUE_ORDER = [
  { field: "nextCheckInDue", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

export interface NewPairing {
  volunteerId: string;
  studentId: string;
  reason: string;
  startedOn: Date;
  checkInEveryDays: number;
}

/** The only code that touches the Pairing table (check-ins advance it: CareRepository). */
export class PairingRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<Pairing[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.pairing.findMany({ where: { id: { in: valid } } });
  }

  /**
   * Pairs a volunteer with a child, in one transaction that first locks the volunteer's row
   * (SELECT … FOR UPDATE): two pairings of one volunteer made at the same moment run one after
   * the other, so the second sees the first when it counts open pairings, and the limit holds.
   */
  async create(pairing: NewPairing, options: { limit: number; today: Date }): Promise<Pairing> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const locked = await tx.$queryRaw<
          { status: VolunteerStatus; backgroundCheckExpiresOn: Date | null }[]
        >`SELECT "status", "backgroundCheckExpiresOn" FROM "Volunteer" WHERE "id" = ${pairing.volunteerId}::uuid FOR UPDATE`;
        const volunteer = locked[0];
        if (!volunteer) throw new NotFoundError("Volunteer", pairing.volunteerId);
        const [trainings, openPairings, alreadyPaired] = [
          await tx.volunteerTraining.findMany({
            where: { volunteerId: pairing.volunteerId },
            select: { topic: true, expiresOn: true, completedOn: true },
          }),
          await tx.pairing.count({ where: { volunteerId: pairing.volunteerId, endedOn: null } }),
          await tx.pairing.count({
            where: { volunteerId: pairing.volunteerId, studentId: pairing.studentId, endedOn: null },
          }),
        ];
        if (alreadyPaired > 0) {
          throw new ConflictError("The volunteer is already paired with this child", {
            reason: "ALREADY_PAIRED",
          });
        }
        const problems = pairingProblems(
          {
            status: volunteer.status,
            backgroundCheckExpiresOn: volunteer.backgroundCheckExpiresOn,
            trainings: trainings as { topic: TrainingTopic; expiresOn: Date | null; completedOn: Date }[],
            openPairings,
          },
          options.today,
          options.limit,
        );
        if (problems.length > 0) {
          throw new ConflictError(problems.map((problem) => problem.message).join("; "), {
            reason: problems[0]!.code,
            reasons: problems.map((problem) => problem.code),
          });
        }
        return tx.pairing.create({
          data: { ...pairing, nextCheckInDue: addDays(pairing.startedOn, pairing.checkInEveryDays) },
        });
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, "Pairing_open_volunteer_student_key")) {
        throw new ConflictError("The volunteer is already paired with this child", {
          reason: "ALREADY_PAIRED",
        });
      }
      throw error;
    }
  }

  /** The open pairings of the given children, in one query, the oldest first. */
  openOfStudents(studentIds: readonly string[]): Promise<Pairing[]> {
    const valid = [...new Set(studentIds.filter(isUuid))];
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.pairing.findMany({
      where: { studentId: { in: valid }, endedOn: null },
      orderBy: [{ studentId: "asc" }, { startedOn: "asc" }, { id: "asc" }],
    });
  }

  /** The open pairing of this volunteer with this child, if any. */
  openPairing(volunteerId: string, studentId: string): Promise<Pairing | null> {
    return this.prisma.pairing.findFirst({ where: { volunteerId, studentId, endedOn: null } });
  }

  /** Ends an open pairing; an ended one stays as it was (CONFLICT). */
  async end(id: string, endedOn: Date, reason: string): Promise<Pairing> {
    const { count } = await this.prisma.pairing.updateMany({
      where: { id, endedOn: null, startedOn: { lte: endedOn } },
      data: { endedOn, endReason: reason },
    });
    if (count === 0) {
      const pairing = await this.prisma.pairing.findUnique({ where: { id } });
      if (!pairing) throw new NotFoundError("Pairing", id);
      if (pairing.endedOn) throw new ConflictError("This pairing has already ended", { reason: "ENDED" });
      throw new ConflictError("A pairing cannot end before it started", { reason: "END_BEFORE_START" });
    }
    return this.prisma.pairing.findUniqueOrThrow({ where: { id } });
  }

  /** One page of pairings per volunteer, newest first, for a batch of volunteers in one query. */
  pagesByVolunteer(
    volunteerIds: readonly string[],
    page: PageRequest,
    includeEnded: boolean,
    countTotal: (volunteerId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Pairing>>> {
    return pagesByParent<Pairing>(this.prisma, {
      from: "Pairing",
      parent: "volunteerId",
      order: PAIRING_ORDER,
      ...(includeEnded ? {} : { where: Prisma.sql`"endedOn" IS NULL` }),
      parentIds: volunteerIds,
      page,
      countTotal,
    });
  }

  async countByVolunteer(
    volunteerIds: readonly string[],
    includeEnded: boolean,
  ): Promise<Map<string, number>> {
    const valid = [...new Set(volunteerIds.filter(isUuid))];
    const counts = new Map<string, number>();
    if (valid.length === 0) return counts;
    const groups = await this.prisma.pairing.groupBy({
      by: ["volunteerId"],
      where: { volunteerId: { in: valid }, ...(includeEnded ? {} : { endedOn: null }) },
      _count: { _all: true },
    });
    for (const group of groups) counts.set(group.volunteerId, group._count._all);
    return counts;
  }

  /** The children each volunteer is paired with now, in one query. */
  async openStudentIds(volunteerIds: readonly string[]): Promise<Map<string, string[]>> {
    const valid = [...new Set(volunteerIds.filter(isUuid))];
    const byVolunteer = new Map<string, string[]>(valid.map((id) => [id, []]));
    if (valid.length === 0) return byVolunteer;
    const rows = await this.prisma.pairing.findMany({
      where: { volunteerId: { in: valid }, endedOn: null },
      select: { volunteerId: true, studentId: true },
    });
    for (const row of rows) byVolunteer.get(row.volunteerId)?.push(row.studentId);
    return byVolunteer;
  }

  /** Open pairings whose next check-in was due before `today`, most overdue first, within a scope. */
  overdue(
    scope: StudentScope,
    region: string | null | undefined,
    today: Date,
    page: PageRequest,
  ): Promise<ConnectionResult<Pairing>> {
    const student: Prisma.StudentWhereInput[] = [scopeWhere(scope)];
    if (region) student.push(livingWithin(region, "filter.region"));
    return paginate<Pairing>(this.prisma.pairing, {
      where: { endedOn: null, nextCheckInDue: { lt: today }, student: { AND: student } },
      order: OVERDUE_ORDER,
      page,
    });
  }
}
