-- CreateEnum
CREATE TYPE "TrustedOperationStatus" AS ENUM ('PENDING', 'APPROVED', 'REJECTED');

-- AlterTable
ALTER TABLE "ApiKey" ADD COLUMN     "rotatedFromId" UUID;

-- AlterTable
ALTER TABLE "TrustedOperation" ADD COLUMN     "decidedAt" TIMESTAMPTZ(3),
ADD COLUMN     "decidedBy" TEXT,
ADD COLUMN     "rejectionReason" TEXT,
ADD COLUMN     "status" "TrustedOperationStatus" NOT NULL DEFAULT 'APPROVED';

-- CreateTable
CREATE TABLE "ApiKeyUsage" (
    "keyId" UUID NOT NULL,
    "day" DATE NOT NULL,
    "operation" TEXT NOT NULL,
    "requests" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "rateLimited" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ApiKeyUsage_pkey" PRIMARY KEY ("keyId","day","operation")
);

-- CreateIndex
CREATE UNIQUE INDEX "ApiKey_rotatedFromId_key" ON "ApiKey"("rotatedFromId");

-- CreateIndex
CREATE INDEX "TrustedOperation_status_createdAt_id_idx" ON "TrustedOperation"("status", "createdAt", "id");

