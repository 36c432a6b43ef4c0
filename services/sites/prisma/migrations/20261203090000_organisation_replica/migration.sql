-- CreateTable
CREATE TABLE "OrganisationReplica" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "regionCode" TEXT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "OrganisationReplica_pkey" PRIMARY KEY ("id")
);

