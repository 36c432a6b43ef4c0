-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('GOVERNMENT_UNIT', 'ALLIANCE_COMPANY', 'ALLIANCE_SOCIAL_GROUP', 'ALLIANCE_MEDIA', 'SCHOOL', 'VENDOR');

-- CreateEnum
CREATE TYPE "Gender" AS ENUM ('FEMALE', 'MALE');

-- CreateEnum
CREATE TYPE "GuardianRelationship" AS ENUM ('GRANDPARENT', 'PARENT', 'SIBLING', 'OTHER_RELATIVE', 'OTHER');

-- CreateEnum
CREATE TYPE "NeedCategory" AS ENUM ('PSYCHOLOGICAL', 'SAFETY', 'LEARNING', 'HEALTH', 'CULTURAL_LIFE');

-- CreateEnum
CREATE TYPE "NeedLevel" AS ENUM ('LOW', 'MEDIUM', 'HIGH');

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "regionCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Student" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "gender" "Gender" NOT NULL,
    "birthDate" DATE NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "siteId" UUID,
    "school" TEXT,
    "grade" INTEGER NOT NULL,
    "guardianName" TEXT NOT NULL,
    "guardianRelationship" "GuardianRelationship" NOT NULL,
    "guardianPhone" TEXT,
    "parentWorkCity" TEXT,
    "parentEmployer" TEXT,
    "parentPhone" TEXT,
    "consentSharePartners" BOOLEAN NOT NULL DEFAULT false,
    "consentPhotos" BOOLEAN NOT NULL DEFAULT false,
    "consentStatistics" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Student_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Need" (
    "id" UUID NOT NULL,
    "studentId" UUID NOT NULL,
    "category" "NeedCategory" NOT NULL,
    "level" "NeedLevel" NOT NULL,
    "assessedOn" DATE NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Need_pkey" PRIMARY KEY ("id")
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
CREATE INDEX "Organisation_name_id_idx" ON "Organisation"("name", "id");

-- CreateIndex
CREATE INDEX "Organisation_kind_name_id_idx" ON "Organisation"("kind", "name", "id");

-- CreateIndex
CREATE INDEX "Organisation_regionCode_name_id_idx" ON "Organisation"("regionCode", "name", "id");

-- CreateIndex
CREATE INDEX "Student_siteId_name_id_idx" ON "Student"("siteId", "name", "id");

-- CreateIndex
CREATE INDEX "Student_regionCode_name_id_idx" ON "Student"("regionCode", "name", "id");

-- CreateIndex
CREATE INDEX "Student_cityCode_name_id_idx" ON "Student"("cityCode", "name", "id");

-- CreateIndex
CREATE INDEX "Student_name_id_idx" ON "Student"("name", "id");

-- CreateIndex
CREATE INDEX "Student_name_birthDate_regionCode_idx" ON "Student"("name", "birthDate", "regionCode");

-- CreateIndex
CREATE INDEX "Need_category_studentId_idx" ON "Need"("category", "studentId");

-- CreateIndex
CREATE UNIQUE INDEX "Need_studentId_category_assessedOn_key" ON "Need"("studentId", "category", "assessedOn");

-- CreateIndex
CREATE INDEX "AuditEntry_at_id_idx" ON "AuditEntry"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Need" ADD CONSTRAINT "Need_studentId_fkey" FOREIGN KEY ("studentId") REFERENCES "Student"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The audit log is append-only: history is never edited or removed.
CREATE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_is_append_only"();
