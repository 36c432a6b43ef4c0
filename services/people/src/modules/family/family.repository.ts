import { StudentEventType } from "@lamplight/events";
import { isUuid } from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import { appendStudentEvents } from "../student/student.events.js";
import type { Student } from "../student/student.type.js";
import type { Guardian, MigrantParent } from "./family.type.js";

/** The only code that touches Guardian and MigrantParent (and the consent flags of a child). */
export class FamilyRepository {
  constructor(private readonly prisma: PrismaClient) {}

  guardiansOf(studentIds: readonly string[]): Promise<Guardian[]> {
    const valid = studentIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.guardian.findMany({
      where: { studentId: { in: valid } },
      orderBy: [{ studentId: "asc" }, { isPrimary: "desc" }, { createdAt: "asc" }, { id: "asc" }],
    });
  }

  migrantParentsOf(studentIds: readonly string[]): Promise<MigrantParent[]> {
    const valid = studentIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.migrantParent.findMany({
      where: { studentId: { in: valid } },
      orderBy: [{ studentId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    });
  }

  addGuardian(data: Prisma.GuardianUncheckedCreateInput): Promise<Guardian> {
    return this.prisma.guardian.create({ data });
  }

  addMigrantParent(data: Prisma.MigrantParentUncheckedCreateInput): Promise<MigrantParent> {
    return this.prisma.migrantParent.create({ data });
  }

  updateConsent(
    studentId: string,
    consent: { sharePartners: boolean; photos: boolean; statistics: boolean },
  ): Promise<Student> {
    return this.prisma.$transaction(async (tx) => {
      const student = await tx.student.update({
        where: { id: studentId },
        data: {
          consentSharePartners: consent.sharePartners,
          consentPhotos: consent.photos,
          consentStatistics: consent.statistics,
        },
      });
      // Others count only the children whose guardians consent: they hear of every change.
      await appendStudentEvents(tx, StudentEventType.CONSENT_CHANGED, [studentId]);
      return student;
    });
  }
}
