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
import { livingWithin, scopeWhere } from "../student/student.scope.js";
import type { Pairing } from "./pairing.type.js";

const PAIRING_ORDER: readonly SqlOrderKey[] = [
  { field: "startedOn", direction: "desc", type: "date" },
  { field: "id", direction: "desc", type: "uuid" },
];

export const OVERDUE_ORDER = [
  { field: "nextCheckInDue", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

/** The unique index that allows one open pairing of a volunteer with a child. */
export const ONE_OPEN_PAIRING = "Pairing_open_volunteer_student_key";

/** What the pairing rules look at of a volunteer (pairing.rules.ts), read under its row lock. */
export interface VolunteerStanding {
  status: VolunteerStatus;
  backgroundCheckExpiresOn: Date | null;
  trainings: { topic: TrainingTopic; expiresOn: Date | null; completedOn: Date }[];
  openPairings: number;
  /** Whether the volunteer is paired with the child already. */
  pairedWithChild: boolean;
}

/** The only code that touches the Pairing table (check-ins advance it: CareRepository). */
export class PairingRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<Pairing[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.pairing.findMany({ where: { id: { in: valid } } });
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /**
   * A volunteer's standing for pairing with a child, its row LOCKED until the transaction ends
   * (SELECT … FOR UPDATE); null when there is no such volunteer.
   */
  async lockVolunteer(
    tx: Prisma.TransactionClient,
    volunteerId: string,
    studentId: string,
  ): Promise<VolunteerStanding | null> {
    const [volunteer] = await tx.$queryRaw<
      { status: VolunteerStatus; backgroundCheckExpiresOn: Date | null }[]
    >`SELECT "status", "backgroundCheckExpiresOn" FROM "Volunteer" WHERE "id" = ${volunteerId}::uuid FOR UPDATE`;
    if (!volunteer) return null;
    const trainings = await tx.volunteerTraining.findMany({
      where: { volunteerId },
      select: { topic: true, expiresOn: true, completedOn: true },
    });
    const openPairings = await tx.pairing.count({ where: { volunteerId, endedOn: null } });
    const alreadyPaired = await tx.pairing.count({ where: { volunteerId, studentId, endedOn: null } });
    return { ...volunteer, trainings, openPairings, pairedWithChild: alreadyPaired > 0 };
  }

  create(tx: Prisma.TransactionClient, pairing: Prisma.PairingUncheckedCreateInput): Promise<Pairing> {
    return tx.pairing.create({ data: pairing });
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

  /** Ends the pairing if it is open and started on or before `endedOn`; whether it did. */
  async end(id: string, endedOn: Date, reason: string): Promise<boolean> {
    const { count } = await this.prisma.pairing.updateMany({
      where: { id, endedOn: null, startedOn: { lte: endedOn } },
      data: { endedOn, endReason: reason },
    });
    return count > 0;
  }

  findById(id: string): Promise<Pairing | null> {
    return this.prisma.pairing.findUnique({ where: { id } });
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
