import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  paginate,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import { Participant, type Registration, RegistrationStatus } from "./registration.type.js";

const REGISTRATION_ORDER: readonly SqlOrderKey[] = [
  { field: "registeredAt", direction: "asc", type: "timestamptz" },
  { field: "id", direction: "asc", type: "uuid" },
];

/** A registration to make, once checked. */
export interface NewRegistration {
  occurrenceId: string;
  activityId: string;
  participant: Participant;
  studentId: string | null;
  volunteerId: string | null;
  homeId: string | null;
  registeredBy: string;
}

/** Places taken at one occurrence. */
export interface PlaceCounts {
  childrenConfirmed: number;
  childrenWaiting: number;
  volunteersConfirmed: number;
  volunteersWaiting: number;
}

const NO_PLACES: PlaceCounts = Object.freeze({
  childrenConfirmed: 0,
  childrenWaiting: 0,
  volunteersConfirmed: 0,
  volunteersWaiting: 0,
});

/** The unique indexes that allow one live registration per child, and per volunteer, at an occurrence. */
export const ONE_LIVE_REGISTRATION = [
  "Registration_one_live_per_child",
  "Registration_one_live_per_volunteer",
] as const;

/** The only code in this service that touches the Registration table. */
export class RegistrationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<Registration[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.registration.findMany({ where: { id: { in: valid } } });
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /** Locks an occurrence's row until the transaction ends: its places are decided one at a time. */
  async lockOccurrence(tx: Prisma.TransactionClient, occurrenceId: string): Promise<void> {
    await tx.$queryRaw`SELECT "id" FROM "Occurrence" WHERE "id" = ${occurrenceId}::uuid FOR UPDATE`;
  }

  /** How many places of one participant kind are taken at an occurrence. */
  confirmedCount(
    tx: Prisma.TransactionClient,
    occurrenceId: string,
    participant: Participant,
  ): Promise<number> {
    return tx.registration.count({
      where: { occurrenceId, participant, status: RegistrationStatus.CONFIRMED },
    });
  }

  /** The first in line for a place of one participant kind at an occurrence. */
  firstWaiting(
    tx: Prisma.TransactionClient,
    occurrenceId: string,
    participant: Participant,
  ): Promise<Registration | null> {
    return tx.registration.findFirst({
      where: { occurrenceId, participant, status: RegistrationStatus.WAITLISTED },
      orderBy: [{ registeredAt: "asc" }, { id: "asc" }],
    });
  }

  find(tx: Prisma.TransactionClient, id: string): Promise<Registration | null> {
    return tx.registration.findUnique({ where: { id } });
  }

  /** Writes a registration, stamped now: the waiting list's order is the order of the writes. */
  create(
    tx: Prisma.TransactionClient,
    registration: NewRegistration,
    status: RegistrationStatus,
  ): Promise<Registration> {
    return tx.registration.create({ data: { ...registration, status, registeredAt: new Date() } });
  }

  setStatus(tx: Prisma.TransactionClient, id: string, status: RegistrationStatus): Promise<Registration> {
    return tx.registration.update({
      where: { id },
      data: { status, ...(status === RegistrationStatus.CANCELLED ? { cancelledAt: new Date() } : {}) },
    });
  }

  recordAttendance(id: string, attended: boolean, minutes: number): Promise<Registration> {
    return this.prisma.registration.update({ where: { id }, data: { attended, minutes } });
  }

  /** A page of one occurrence's registrations (or only those of some homes, for a site manager). */
  list(
    occurrenceId: string,
    filter: { participant: Participant | null; status: RegistrationStatus | null; homeIds: string[] | null },
    page: PageRequest,
  ): Promise<ConnectionResult<Registration>> {
    const where: Prisma.RegistrationWhereInput = {
      occurrenceId,
      ...(filter.participant ? { participant: filter.participant } : {}),
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.homeIds
        ? { OR: [{ participant: Participant.VOLUNTEER }, { homeId: { in: filter.homeIds } }] }
        : {}),
    };
    return paginate<Registration>(this.prisma.registration, { where, order: REGISTRATION_ORDER, page });
  }

  /** Each waiting registration's place in line (1 = next), for every registration of the batch: one query. */
  async waitingPositions(ids: readonly string[]): Promise<Map<string, number>> {
    const positions = new Map<string, number>();
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return positions;
    const rows = await this.prisma.$queryRaw<{ id: string; position: bigint }[]>`
      SELECT ranked."id", ranked."position" FROM (
        SELECT r."id", row_number() OVER (PARTITION BY r."occurrenceId", r."participant" ORDER BY r."registeredAt", r."id") AS "position"
        FROM "Registration" r
        WHERE r."status" = 'WAITLISTED'
          AND r."occurrenceId" IN (SELECT "occurrenceId" FROM "Registration" WHERE "id" = ANY(${valid}::uuid[]))
      ) AS ranked
      WHERE ranked."id" = ANY(${valid}::uuid[])`;
    for (const row of rows) positions.set(row.id, Number(row.position));
    return positions;
  }

  /** Places taken at many occurrences, in ONE grouped query. */
  async placeCounts(occurrenceIds: readonly string[]): Promise<Map<string, PlaceCounts>> {
    const counts = new Map<string, PlaceCounts>();
    const valid = [...new Set(occurrenceIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const groups = await this.prisma.registration.groupBy({
      by: ["occurrenceId", "participant", "status"],
      where: { occurrenceId: { in: valid }, status: { not: RegistrationStatus.CANCELLED } },
      _count: { _all: true },
    });
    for (const group of groups) {
      const places = { ...(counts.get(group.occurrenceId) ?? NO_PLACES) };
      const child = group.participant === Participant.CHILD;
      const confirmed = group.status === RegistrationStatus.CONFIRMED;
      const key = child
        ? confirmed
          ? "childrenConfirmed"
          : "childrenWaiting"
        : confirmed
          ? "volunteersConfirmed"
          : "volunteersWaiting";
      places[key] = group._count._all;
      counts.set(group.occurrenceId, places);
    }
    return counts;
  }

  /**
   * The same page of the confirmed volunteers of each of many occurrences, in ONE
   * query (a window function per occurrence), in the order they registered.
   */
  volunteerPages(
    occurrenceIds: readonly string[],
    page: PageRequest,
    attendedOnly: boolean,
    countTotal: (occurrenceId: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<Registration>>> {
    return pagesByParent<Registration>(this.prisma, {
      from: "Registration",
      parent: "occurrenceId",
      order: REGISTRATION_ORDER,
      where: Prisma.sql`"participant" = 'VOLUNTEER' AND "status" = 'CONFIRMED' AND ${attendedOnly ? Prisma.sql`"attended" = true` : Prisma.sql`TRUE`}`,
      parentIds: occurrenceIds,
      page,
      countTotal,
    });
  }

  /** How many volunteers came to each occurrence of the batch: one grouped query. */
  async attendedVolunteerCounts(occurrenceIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(occurrenceIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const groups = await this.prisma.registration.groupBy({
      by: ["occurrenceId"],
      where: {
        occurrenceId: { in: valid },
        participant: Participant.VOLUNTEER,
        status: RegistrationStatus.CONFIRMED,
        attended: true,
      },
      _count: { _all: true },
    });
    for (const group of groups) counts.set(group.occurrenceId, group._count._all);
    return counts;
  }

  /** Minutes each volunteer of the batch served at activities they attended: one grouped query. */
  async minutesByVolunteer(volunteerIds: readonly string[]): Promise<Map<string, number>> {
    const minutes = new Map<string, number>();
    const valid = [...new Set(volunteerIds.filter(isUuid))];
    if (valid.length === 0) return minutes;
    const groups = await this.prisma.registration.groupBy({
      by: ["volunteerId"],
      where: {
        volunteerId: { in: valid },
        participant: Participant.VOLUNTEER,
        status: RegistrationStatus.CONFIRMED,
        attended: true,
      },
      _sum: { minutes: true },
    });
    for (const group of groups)
      if (group.volunteerId) minutes.set(group.volunteerId, group._sum.minutes ?? 0);
    return minutes;
  }

  /** How many activities each volunteer of the batch is registered for: one grouped query. */
  async activityCountsByVolunteer(volunteerIds: readonly string[]): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    const valid = [...new Set(volunteerIds.filter(isUuid))];
    if (valid.length === 0) return counts;
    const rows = await this.prisma.$queryRaw<{ volunteerId: string; count: bigint }[]>`
      SELECT r."volunteerId", COUNT(DISTINCT r."activityId") AS "count"
      FROM "Registration" r
      WHERE r."volunteerId" = ANY(${valid}::uuid[]) AND r."status" <> 'CANCELLED'
      GROUP BY r."volunteerId"`;
    for (const row of rows) counts.set(row.volunteerId, Number(row.count));
    return counts;
  }
}
