-- CreateEnum
CREATE TYPE "GrantRecipientKind" AS ENUM ('SITE', 'PROJECT', 'CITY');

-- CreateEnum
CREATE TYPE "GrantStatus" AS ENUM ('PROPOSED', 'APPROVED', 'REJECTED');

-- CreateEnum
CREATE TYPE "ExpenditureCategory" AS ENUM ('CONSTRUCTION', 'EQUIPMENT', 'BOOKS', 'ACTIVITIES', 'STAFF', 'TRAVEL', 'OTHER');

-- CreateEnum
CREATE TYPE "InKindCategory" AS ENUM ('BOOKS', 'MOBILE_LIBRARY', 'PHONES', 'COMPUTERS', 'TELEVISIONS', 'SPORTS_EQUIPMENT', 'CLOTHING', 'OTHER');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AccountKind" ADD VALUE 'EXPENSE_GRANTS';
ALTER TYPE "AccountKind" ADD VALUE 'LIABILITY_GRANTS_PAYABLE';
ALTER TYPE "AccountKind" ADD VALUE 'ASSET_GRANT_ADVANCES';
ALTER TYPE "AccountKind" ADD VALUE 'ASSET_IN_KIND_GOODS';
ALTER TYPE "AccountKind" ADD VALUE 'INCOME_IN_KIND';
ALTER TYPE "AccountKind" ADD VALUE 'EXPENSE_IN_KIND_DELIVERED';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "JournalEntryKind" ADD VALUE 'GRANT_AWARD';
ALTER TYPE "JournalEntryKind" ADD VALUE 'GRANT_DISBURSEMENT';
ALTER TYPE "JournalEntryKind" ADD VALUE 'GRANT_EXPENDITURE';
ALTER TYPE "JournalEntryKind" ADD VALUE 'IN_KIND_RECEIPT';
ALTER TYPE "JournalEntryKind" ADD VALUE 'IN_KIND_DELIVERY';

-- AlterTable
ALTER TABLE "JournalEntry" ADD COLUMN     "grantId" UUID;

-- AlterTable
ALTER TABLE "Donation" ADD COLUMN     "pledgeInstalmentId" UUID;

-- CreateTable
CREATE TABLE "Designation" (
    "id" UUID NOT NULL,
    "fundId" UUID NOT NULL,
    "purpose" "Purpose" NOT NULL,
    "siteId" UUID,
    "projectId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Designation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Grant" (
    "id" UUID NOT NULL,
    "reference" TEXT NOT NULL,
    "fundId" UUID NOT NULL,
    "designationId" UUID NOT NULL,
    "purpose" "Purpose" NOT NULL,
    "recipientKind" "GrantRecipientKind" NOT NULL,
    "siteId" UUID,
    "projectId" UUID,
    "regionCode" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL DEFAULT 'CNY',
    "status" "GrantStatus" NOT NULL DEFAULT 'PROPOSED',
    "proposedBy" TEXT NOT NULL,
    "proposedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decidedBy" TEXT,
    "decidedAt" TIMESTAMPTZ(3),
    "awardDate" DATE,
    "decisionNote" TEXT,
    "idempotencyKey" TEXT NOT NULL,

    CONSTRAINT "Grant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GrantDisbursement" (
    "id" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL DEFAULT 'CNY',
    "paidOn" DATE NOT NULL,
    "journalEntryId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GrantDisbursement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ExpenditureReport" (
    "id" UUID NOT NULL,
    "grantId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL DEFAULT 'CNY',
    "spentOn" DATE NOT NULL,
    "category" "ExpenditureCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "journalEntryId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ExpenditureReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Pledge" (
    "id" UUID NOT NULL,
    "fundId" UUID NOT NULL,
    "donorOrganisationId" UUID,
    "donorName" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "purpose" "Purpose" NOT NULL,
    "siteId" UUID,
    "projectId" UUID,
    "totalFen" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL DEFAULT 'CNY',
    "pledgedOn" DATE NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Pledge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PledgeInstalment" (
    "id" UUID NOT NULL,
    "pledgeId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "dueOn" DATE NOT NULL,
    "amountFen" BIGINT NOT NULL,

    CONSTRAINT "PledgeInstalment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InKindGift" (
    "id" UUID NOT NULL,
    "fundId" UUID NOT NULL,
    "donorOrganisationId" UUID,
    "donorName" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "category" "InKindCategory" NOT NULL,
    "description" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "estimatedValueFen" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL DEFAULT 'CNY',
    "receivedOn" DATE NOT NULL,
    "journalEntryId" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InKindGift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InKindDelivery" (
    "id" UUID NOT NULL,
    "giftId" UUID NOT NULL,
    "siteId" UUID NOT NULL,
    "quantity" INTEGER NOT NULL,
    "valueFen" BIGINT NOT NULL,
    "deliveredOn" DATE NOT NULL,
    "journalEntryId" UUID NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InKindDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Designation_fundId_idx" ON "Designation"("fundId");

-- CreateIndex
CREATE UNIQUE INDEX "Grant_reference_key" ON "Grant"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Grant_idempotencyKey_key" ON "Grant"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Grant_fundId_status_idx" ON "Grant"("fundId", "status");

-- CreateIndex
CREATE INDEX "Grant_designationId_status_idx" ON "Grant"("designationId", "status");

-- CreateIndex
CREATE INDEX "Grant_siteId_idx" ON "Grant"("siteId");

-- CreateIndex
CREATE INDEX "Grant_projectId_idx" ON "Grant"("projectId");

-- CreateIndex
CREATE INDEX "Grant_regionCode_idx" ON "Grant"("regionCode");

-- CreateIndex
CREATE INDEX "Grant_proposedAt_id_idx" ON "Grant"("proposedAt" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "GrantDisbursement_journalEntryId_key" ON "GrantDisbursement"("journalEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "GrantDisbursement_idempotencyKey_key" ON "GrantDisbursement"("idempotencyKey");

-- CreateIndex
CREATE INDEX "GrantDisbursement_grantId_paidOn_idx" ON "GrantDisbursement"("grantId", "paidOn");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenditureReport_journalEntryId_key" ON "ExpenditureReport"("journalEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "ExpenditureReport_idempotencyKey_key" ON "ExpenditureReport"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ExpenditureReport_grantId_spentOn_idx" ON "ExpenditureReport"("grantId", "spentOn");

-- CreateIndex
CREATE UNIQUE INDEX "Pledge_idempotencyKey_key" ON "Pledge"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Pledge_fundId_pledgedOn_id_idx" ON "Pledge"("fundId", "pledgedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Pledge_donorOrganisationId_idx" ON "Pledge"("donorOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "PledgeInstalment_pledgeId_number_key" ON "PledgeInstalment"("pledgeId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "InKindGift_journalEntryId_key" ON "InKindGift"("journalEntryId");

-- CreateIndex
CREATE UNIQUE INDEX "InKindGift_idempotencyKey_key" ON "InKindGift"("idempotencyKey");

-- CreateIndex
CREATE INDEX "InKindGift_fundId_receivedOn_id_idx" ON "InKindGift"("fundId", "receivedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "InKindGift_donorOrganisationId_idx" ON "InKindGift"("donorOrganisationId");

-- CreateIndex
CREATE UNIQUE INDEX "InKindDelivery_journalEntryId_key" ON "InKindDelivery"("journalEntryId");

-- CreateIndex
CREATE INDEX "InKindDelivery_giftId_idx" ON "InKindDelivery"("giftId");

-- CreateIndex
CREATE INDEX "InKindDelivery_siteId_idx" ON "InKindDelivery"("siteId");

-- CreateIndex
CREATE INDEX "JournalEntry_grantId_idx" ON "JournalEntry"("grantId");

-- CreateIndex
CREATE INDEX "Donation_projectId_idx" ON "Donation"("projectId");

-- CreateIndex
CREATE INDEX "Donation_pledgeInstalmentId_idx" ON "Donation"("pledgeInstalmentId");

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_pledgeInstalmentId_fkey" FOREIGN KEY ("pledgeInstalmentId") REFERENCES "PledgeInstalment"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Designation" ADD CONSTRAINT "Designation_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_designationId_fkey" FOREIGN KEY ("designationId") REFERENCES "Designation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "GrantDisbursement" ADD CONSTRAINT "GrantDisbursement_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExpenditureReport" ADD CONSTRAINT "ExpenditureReport_grantId_fkey" FOREIGN KEY ("grantId") REFERENCES "Grant"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PledgeInstalment" ADD CONSTRAINT "PledgeInstalment_pledgeId_fkey" FOREIGN KEY ("pledgeId") REFERENCES "Pledge"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InKindGift" ADD CONSTRAINT "InKindGift_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "InKindDelivery" ADD CONSTRAINT "InKindDelivery_giftId_fkey" FOREIGN KEY ("giftId") REFERENCES "InKindGift"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- One pool per fund, purpose and target (a home, a project, or neither): the row grants lock.
CREATE UNIQUE INDEX "Designation_pool_key" ON "Designation" (
  "fundId", "purpose",
  COALESCE("siteId", '00000000-0000-0000-0000-000000000000'::uuid),
  COALESCE("projectId", '00000000-0000-0000-0000-000000000000'::uuid)
);
ALTER TABLE "Designation" ADD CONSTRAINT "Designation_one_target" CHECK ("siteId" IS NULL OR "projectId" IS NULL);

-- Amounts are positive; a grant names exactly the recipient its kind says.
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "Grant" ADD CONSTRAINT "Grant_recipient" CHECK (
  ("recipientKind" = 'SITE' AND "siteId" IS NOT NULL AND "projectId" IS NULL) OR
  ("recipientKind" = 'PROJECT' AND "projectId" IS NOT NULL AND "siteId" IS NULL) OR
  ("recipientKind" = 'CITY' AND "siteId" IS NULL AND "projectId" IS NULL)
);
ALTER TABLE "GrantDisbursement" ADD CONSTRAINT "GrantDisbursement_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "ExpenditureReport" ADD CONSTRAINT "ExpenditureReport_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "Pledge" ADD CONSTRAINT "Pledge_amount_positive" CHECK ("totalFen" > 0);
ALTER TABLE "PledgeInstalment" ADD CONSTRAINT "PledgeInstalment_amount_positive" CHECK ("amountFen" > 0);
ALTER TABLE "InKindGift" ADD CONSTRAINT "InKindGift_value_positive" CHECK ("estimatedValueFen" > 0 AND "quantity" > 0);
ALTER TABLE "InKindDelivery" ADD CONSTRAINT "InKindDelivery_value_positive" CHECK ("valueFen" > 0 AND "quantity" > 0);

-- Payments, reports, pledges and gifts in kind are history like the ledger: never edited or removed.
CREATE TRIGGER "GrantDisbursement_append_only"
  BEFORE UPDATE OR DELETE ON "GrantDisbursement"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();
CREATE TRIGGER "ExpenditureReport_append_only"
  BEFORE UPDATE OR DELETE ON "ExpenditureReport"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();
CREATE TRIGGER "Pledge_append_only"
  BEFORE UPDATE OR DELETE ON "Pledge"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();
CREATE TRIGGER "PledgeInstalment_append_only"
  BEFORE UPDATE OR DELETE ON "PledgeInstalment"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();
CREATE TRIGGER "InKindGift_append_only"
  BEFORE UPDATE OR DELETE ON "InKindGift"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();
CREATE TRIGGER "InKindDelivery_append_only"
  BEFORE UPDATE OR DELETE ON "InKindDelivery"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();
