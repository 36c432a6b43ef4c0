-- CreateEnum
CREATE TYPE "ParentRole" AS ENUM ('FATHER', 'MOTHER');

-- CreateEnum
CREATE TYPE "CareKind" AS ENUM ('VISIT', 'FAMILY_CALL', 'HEALTH_CHECK', 'COUNSELLING');

-- CreateEnum
CREATE TYPE "VolunteerKind" AS ENUM ('COLLEGE_STUDENT', 'FIVE_ELDERS', 'OFFICIAL', 'TEACHER', 'DOCTOR', 'LAWYER', 'PSYCHOLOGICAL_COUNSELLOR', 'OTHER');

-- CreateEnum
CREATE TYPE "VolunteerStatus" AS ENUM ('APPLIED', 'VETTED', 'ACTIVE', 'INACTIVE');

-- CreateEnum
CREATE TYPE "VolunteerSkill" AS ENUM ('COUNSELLING', 'TUTORING', 'READING', 'SAFETY_EDUCATION', 'LEGAL_AID', 'HEALTH_CARE', 'ARTS_AND_SPORTS', 'FAMILY_EDUCATION');

-- CreateEnum
CREATE TYPE "Weekday" AS ENUM ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY');

-- CreateEnum
CREATE TYPE "TrainingTopic" AS ENUM ('CHILD_PROTECTION', 'PSYCHOLOGICAL_SUPPORT', 'FIRST_AID', 'TUTORING', 'FAMILY_EDUCATION', 'OTHER');

-- CreateTable
CREATE TABLE "Guardian" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "relationship" "GuardianRelationship" NOT NULL,
    "phone" TEXT,
    "livesWithChild" BOOLEAN NOT NULL DEFAULT true,
    "isPrimary" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Guardian_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MigrantParent" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "role" "ParentRole" NOT NULL,
    "workCity" TEXT NOT NULL,
    "employer" TEXT,
    "phone" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MigrantParent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CareRecord" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "kind" "CareKind" NOT NULL,
    "happenedOn" DATE NOT NULL,
    "durationMinutes" INTEGER,
    "notes" TEXT NOT NULL,
    "volunteerId" UUID,
    "pairingId" UUID,
    "recordedBy" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CareRecord_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Volunteer" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone" TEXT,
    "kind" "VolunteerKind" NOT NULL,
    "status" "VolunteerStatus" NOT NULL DEFAULT 'APPLIED',
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "skills" "VolunteerSkill"[],
    "availableDays" "Weekday"[],
    "weeklyHours" INTEGER NOT NULL DEFAULT 2,
    "backgroundCheckedOn" DATE,
    "backgroundCheckExpiresOn" DATE,
    "backgroundCheckReference" TEXT,
    "statusChangedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "inactiveReason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Volunteer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerTraining" (
    "id" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "topic" "TrainingTopic" NOT NULL,
    "title" TEXT NOT NULL,
    "completedOn" DATE NOT NULL,
    "certificateNumber" TEXT,
    "expiresOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VolunteerTraining_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ServiceLog" (
    "id" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "servedOn" DATE NOT NULL,
    "minutes" INTEGER NOT NULL,
    "activityId" UUID,
    "description" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ServiceLog_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pairing" (
    "id" UUID NOT NULL,
    "volunteerId" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "reason" TEXT NOT NULL,
    "startedOn" DATE NOT NULL,
    "endedOn" DATE,
    "endReason" TEXT,
    "checkInEveryDays" INTEGER NOT NULL,
    "lastCheckInOn" DATE,
    "nextCheckInDue" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pairing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllianceMembership" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "joinedOn" DATE NOT NULL,
    "leftOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllianceMembership_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Guardian_studentId_createdAt_idx" ON "Guardian"("studentId", "createdAt");

-- CreateIndex
CREATE INDEX "MigrantParent_studentId_createdAt_idx" ON "MigrantParent"("studentId", "createdAt");

-- CreateIndex
CREATE INDEX "CareRecord_studentId_happenedOn_id_idx" ON "CareRecord"("studentId", "happenedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "CareRecord_pairingId_idx" ON "CareRecord"("pairingId");

-- CreateIndex
CREATE INDEX "Volunteer_name_id_idx" ON "Volunteer"("name", "id");

-- CreateIndex
CREATE INDEX "Volunteer_regionCode_name_id_idx" ON "Volunteer"("regionCode", "name", "id");

-- CreateIndex
CREATE INDEX "Volunteer_cityCode_name_id_idx" ON "Volunteer"("cityCode", "name", "id");

-- CreateIndex
CREATE INDEX "Volunteer_status_cityCode_idx" ON "Volunteer"("status", "cityCode");

-- CreateIndex
CREATE INDEX "VolunteerTraining_volunteerId_completedOn_idx" ON "VolunteerTraining"("volunteerId", "completedOn");

-- CreateIndex
CREATE INDEX "ServiceLog_volunteerId_servedOn_id_idx" ON "ServiceLog"("volunteerId", "servedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Pairing_volunteerId_endedOn_idx" ON "Pairing"("volunteerId", "endedOn");

-- CreateIndex
CREATE INDEX "Pairing_studentId_endedOn_idx" ON "Pairing"("studentId", "endedOn");

-- CreateIndex
CREATE INDEX "Pairing_nextCheckInDue_id_idx" ON "Pairing"("nextCheckInDue", "id");

-- CreateIndex
CREATE INDEX "AllianceMembership_organisationId_joinedOn_idx" ON "AllianceMembership"("organisationId", "joinedOn");

-- AddForeignKey
ALTER TABLE "Guardian" ADD CONSTRAINT "Guardian_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MigrantParent" ADD CONSTRAINT "MigrantParent_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareRecord" ADD CONSTRAINT "CareRecord_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareRecord" ADD CONSTRAINT "CareRecord_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CareRecord" ADD CONSTRAINT "CareRecord_pairingId_fkey" FOREIGN KEY ("pairingId") REFERENCES "Pairing"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VolunteerTraining" ADD CONSTRAINT "VolunteerTraining_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ServiceLog" ADD CONSTRAINT "ServiceLog_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_volunteerId_fkey" FOREIGN KEY ("volunteerId") REFERENCES "Volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AllianceMembership" ADD CONSTRAINT "AllianceMembership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- A volunteer is paired with a child at most once at a time: a second open pairing is refused.
CREATE UNIQUE INDEX "Pairing_open_volunteer_student_key" ON "Pairing"("volunteerId", "studentId") WHERE "endedOn" IS NULL;

-- The overdue check-in list reads open pairings only.
CREATE INDEX "Pairing_open_nextCheckInDue_idx" ON "Pairing"("nextCheckInDue", "id") WHERE "endedOn" IS NULL;

ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_cadence_check" CHECK ("checkInEveryDays" BETWEEN 1 AND 90);
ALTER TABLE "Pairing" ADD CONSTRAINT "Pairing_dates_check" CHECK ("endedOn" IS NULL OR "endedOn" >= "startedOn");
ALTER TABLE "ServiceLog" ADD CONSTRAINT "ServiceLog_minutes_check" CHECK ("minutes" BETWEEN 1 AND 1440);
ALTER TABLE "AllianceMembership" ADD CONSTRAINT "AllianceMembership_dates_check" CHECK ("leftOn" IS NULL OR "leftOn" >= "joinedOn");
