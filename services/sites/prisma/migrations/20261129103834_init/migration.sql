-- CreateEnum
CREATE TYPE "HostModel" AS ENUM ('SCHOOL', 'TOWN_WORK_UNIT', 'SOCIAL_ORGANISATION', 'VILLAGE_COMMITTEE', 'FAMILY');

-- CreateEnum
CREATE TYPE "SiteStatus" AS ENUM ('PROPOSED', 'APPLIED', 'UNDER_REVIEW', 'APPROVED', 'REJECTED', 'TENDERING', 'BUILDING', 'OPEN', 'SUSPENDED', 'CLOSED');

-- CreateTable
CREATE TABLE "Site" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "latitude" DECIMAL(9,6),
    "longitude" DECIMAL(9,6),
    "hostModel" "HostModel" NOT NULL,
    "demonstration" BOOLEAN NOT NULL DEFAULT false,
    "capacity" INTEGER NOT NULL,
    "status" "SiteStatus" NOT NULL DEFAULT 'PROPOSED',
    "openedOn" DATE,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Site_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Site_regionCode_name_id_idx" ON "Site"("regionCode", "name", "id");

-- CreateIndex
CREATE INDEX "Site_cityCode_name_id_idx" ON "Site"("cityCode", "name", "id");

-- CreateIndex
CREATE INDEX "Site_name_id_idx" ON "Site"("name", "id");

-- CreateIndex
CREATE INDEX "Site_status_idx" ON "Site"("status");
