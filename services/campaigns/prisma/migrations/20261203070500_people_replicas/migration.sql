-- CreateTable
CREATE TABLE "StudentReplica" (
    "id" UUID NOT NULL,
    "siteId" UUID,
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "consentStatistics" BOOLEAN NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "StudentReplica_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VolunteerReplica" (
    "id" UUID NOT NULL,
    "status" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "VolunteerReplica_pkey" PRIMARY KEY ("id")
);

