-- CreateEnum
CREATE TYPE "ProjectStatus" AS ENUM ('PLANNED', 'FUNDRAISING', 'UNDER_WAY', 'COMPLETED');

-- CreateEnum
CREATE TYPE "ActivityKind" AS ENUM ('NEW_YEARS_EVE', 'MID_AUTUMN', 'LOVE_RELAY', 'SUMMER_CAMP', 'WINTER_CAMP', 'LETTER_WRITING', 'MOCK_COURT', 'SELF_PROTECTION', 'FILM_SHOWING', 'READING', 'SCIENCE_MUSEUM', 'FAMILY_CALL', 'SPORTS', 'OTHER');

-- CreateEnum
CREATE TYPE "Recurrence" AS ENUM ('ONCE', 'WEEKLY', 'YEARLY_LUNAR');

-- CreateEnum
CREATE TYPE "Participant" AS ENUM ('CHILD', 'VOLUNTEER');

-- CreateEnum
CREATE TYPE "RegistrationStatus" AS ENUM ('CONFIRMED', 'WAITLISTED', 'CANCELLED');

-- CreateEnum
CREATE TYPE "AwardCategory" AS ENUM ('SELF_RELIANCE_STAR', 'CARING_STAR', 'EXCELLENT_HOME');

-- CreateEnum
CREATE TYPE "SelectionStatus" AS ENUM ('NOMINATING', 'REVIEWING', 'PUBLISHED');

-- CreateEnum
CREATE TYPE "NomineeKind" AS ENUM ('STUDENT', 'VOLUNTEER', 'CARER', 'HOME');

-- CreateTable
CREATE TABLE "Project" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "targetFen" BIGINT NOT NULL,
    "ownerOrganisationId" UUID,
    "regionCodes" TEXT[],
    "status" "ProjectStatus" NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectMilestone" (
    "id" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "dueOn" DATE NOT NULL,
    "reachedOn" DATE,

    CONSTRAINT "ProjectMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Home" (
    "siteId" UUID NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,

    CONSTRAINT "Home_pkey" PRIMARY KEY ("siteId")
);

-- CreateTable
CREATE TABLE "Activity" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "description" TEXT,
    "projectId" UUID,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "venue" TEXT,
    "organiserOrganisationId" UUID,
    "organiserName" TEXT NOT NULL,
    "capacity" INTEGER NOT NULL,
    "volunteerCapacity" INTEGER NOT NULL,
    "recurrence" "Recurrence" NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "startMinute" INTEGER NOT NULL,
    "durationMinutes" INTEGER NOT NULL,
    "weekdays" INTEGER[],
    "lunarMonth" INTEGER,
    "lunarDay" INTEGER,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Activity_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActivityHome" (
    "activityId" UUID NOT NULL,
    "siteId" UUID NOT NULL,

    CONSTRAINT "ActivityHome_pkey" PRIMARY KEY ("activityId","siteId")
);

-- CreateTable
CREATE TABLE "Occurrence" (
    "id" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "date" DATE NOT NULL,
    "startsAt" TIMESTAMPTZ(3) NOT NULL,
    "endsAt" TIMESTAMPTZ(3) NOT NULL,
    "kind" "ActivityKind" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,

    CONSTRAINT "Occurrence_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Registration" (
    "id" UUID NOT NULL,
    "occurrenceId" UUID NOT NULL,
    "activityId" UUID NOT NULL,
    "participant" "Participant" NOT NULL,
    "studentId" UUID,
    "volunteerId" UUID,
    "homeId" UUID,
    "status" "RegistrationStatus" NOT NULL,
    "registeredAt" TIMESTAMPTZ(6) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "cancelledAt" TIMESTAMPTZ(3),
    "attended" BOOLEAN,
    "minutes" INTEGER,
    "registeredBy" TEXT NOT NULL,

    CONSTRAINT "Registration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AwardSelection" (
    "id" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "category" "AwardCategory" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "SelectionStatus" NOT NULL,
    "panel" TEXT[],
    "winnerCount" INTEGER NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AwardSelection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" UUID NOT NULL,
    "selectionId" UUID NOT NULL,
    "nomineeKind" "NomineeKind" NOT NULL,
    "studentId" UUID,
    "volunteerId" UUID,
    "carerName" TEXT,
    "siteId" UUID,
    "organisationId" UUID,
    "reason" TEXT NOT NULL,
    "nominatedBy" TEXT NOT NULL,
    "nominatorOrganisationId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "winner" BOOLEAN NOT NULL DEFAULT false,
    "rank" INTEGER,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Review" (
    "id" UUID NOT NULL,
    "nominationId" UUID NOT NULL,
    "reviewer" TEXT NOT NULL,
    "score" INTEGER NOT NULL,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Review_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "requestId" TEXT NOT NULL,
    "actorKind" TEXT NOT NULL,
    "actorId" TEXT,
    "actorRoles" TEXT[],
    "action" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT,
    "fields" TEXT[],
    "outcome" TEXT NOT NULL,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Project_code_key" ON "Project"("code");

-- CreateIndex
CREATE INDEX "Project_name_id_idx" ON "Project"("name", "id");

-- CreateIndex
CREATE INDEX "ProjectMilestone_projectId_dueOn_idx" ON "ProjectMilestone"("projectId", "dueOn");

-- CreateIndex
CREATE INDEX "Home_cityCode_idx" ON "Home"("cityCode");

-- CreateIndex
CREATE INDEX "Home_regionCode_idx" ON "Home"("regionCode");

-- CreateIndex
CREATE INDEX "Activity_projectId_idx" ON "Activity"("projectId");

-- CreateIndex
CREATE INDEX "Activity_cityCode_startsOn_idx" ON "Activity"("cityCode", "startsOn");

-- CreateIndex
CREATE INDEX "Activity_title_id_idx" ON "Activity"("title", "id");

-- CreateIndex
CREATE INDEX "ActivityHome_siteId_activityId_idx" ON "ActivityHome"("siteId", "activityId");

-- CreateIndex
CREATE INDEX "Occurrence_startsAt_id_idx" ON "Occurrence"("startsAt", "id");

-- CreateIndex
CREATE INDEX "Occurrence_cityCode_startsAt_idx" ON "Occurrence"("cityCode", "startsAt");

-- CreateIndex
CREATE INDEX "Occurrence_regionCode_startsAt_idx" ON "Occurrence"("regionCode", "startsAt");

-- CreateIndex
CREATE UNIQUE INDEX "Occurrence_activityId_date_key" ON "Occurrence"("activityId", "date");

-- CreateIndex
CREATE INDEX "Registration_occurrenceId_participant_status_registeredAt_idx" ON "Registration"("occurrenceId", "participant", "status", "registeredAt");

-- CreateIndex
CREATE INDEX "Registration_volunteerId_status_idx" ON "Registration"("volunteerId", "status");

-- CreateIndex
CREATE INDEX "Registration_studentId_idx" ON "Registration"("studentId");

-- CreateIndex
CREATE UNIQUE INDEX "AwardSelection_year_category_regionCode_key" ON "AwardSelection"("year", "category", "regionCode");

-- CreateIndex
CREATE INDEX "Nomination_selectionId_createdAt_id_idx" ON "Nomination"("selectionId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "Nomination_siteId_winner_idx" ON "Nomination"("siteId", "winner");

-- CreateIndex
CREATE UNIQUE INDEX "Review_nominationId_reviewer_key" ON "Review"("nominationId", "reviewer");

-- CreateIndex
CREATE INDEX "AuditEntry_at_id_idx" ON "AuditEntry"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "ProjectMilestone" ADD CONSTRAINT "ProjectMilestone_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityHome" ADD CONSTRAINT "ActivityHome_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActivityHome" ADD CONSTRAINT "ActivityHome_siteId_fkey" FOREIGN KEY ("siteId") REFERENCES "Home"("siteId") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Occurrence" ADD CONSTRAINT "Occurrence_activityId_fkey" FOREIGN KEY ("activityId") REFERENCES "Activity"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_occurrenceId_fkey" FOREIGN KEY ("occurrenceId") REFERENCES "Occurrence"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_selectionId_fkey" FOREIGN KEY ("selectionId") REFERENCES "AwardSelection"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Review" ADD CONSTRAINT "Review_nominationId_fkey" FOREIGN KEY ("nominationId") REFERENCES "Nomination"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A child or a volunteer holds at most one live registration (confirmed or waiting) per occurrence:
-- a double registration, even from two requests at once, fails on these indexes.
CREATE UNIQUE INDEX "Registration_one_live_per_child"
  ON "Registration"("occurrenceId", "studentId") WHERE "status" <> 'CANCELLED' AND "studentId" IS NOT NULL;
CREATE UNIQUE INDEX "Registration_one_live_per_volunteer"
  ON "Registration"("occurrenceId", "volunteerId") WHERE "status" <> 'CANCELLED' AND "volunteerId" IS NOT NULL;

ALTER TABLE "Registration" ADD CONSTRAINT "Registration_participant_id" CHECK (
  ("participant" = 'CHILD' AND "studentId" IS NOT NULL AND "volunteerId" IS NULL)
  OR ("participant" = 'VOLUNTEER' AND "volunteerId" IS NOT NULL AND "studentId" IS NULL));
ALTER TABLE "Registration" ADD CONSTRAINT "Registration_minutes" CHECK ("minutes" IS NULL OR "minutes" BETWEEN 0 AND 1440);
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_places" CHECK ("capacity" >= 0 AND "volunteerCapacity" >= 0);
ALTER TABLE "Activity" ADD CONSTRAINT "Activity_dates" CHECK ("endsOn" >= "startsOn");
ALTER TABLE "Project" ADD CONSTRAINT "Project_target" CHECK ("targetFen" >= 0);
ALTER TABLE "Review" ADD CONSTRAINT "Review_score" CHECK ("score" BETWEEN 1 AND 10);

-- The audit log is append-only: history is never edited or removed.
CREATE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_is_append_only"();

-- A nominee is put forward once per selection.
CREATE UNIQUE INDEX "Nomination_once_per_student" ON "Nomination"("selectionId", "studentId") WHERE "studentId" IS NOT NULL;
CREATE UNIQUE INDEX "Nomination_once_per_volunteer" ON "Nomination"("selectionId", "volunteerId") WHERE "volunteerId" IS NOT NULL;
CREATE UNIQUE INDEX "Nomination_once_per_home" ON "Nomination"("selectionId", "siteId") WHERE "nomineeKind" = 'HOME';
