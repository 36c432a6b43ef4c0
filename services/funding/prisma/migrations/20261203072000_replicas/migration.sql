-- CreateTable
CREATE TABLE "SiteReplica" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "countyCode" TEXT NOT NULL,
    "cityCode" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "SiteReplica_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationReplica" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrganisationReplica_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProjectReplica" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "regionCodes" TEXT[],
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ProjectReplica_pkey" PRIMARY KEY ("id")
);

