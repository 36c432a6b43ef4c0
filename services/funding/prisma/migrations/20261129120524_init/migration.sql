-- CreateEnum
CREATE TYPE "Currency" AS ENUM ('CNY');

-- CreateEnum
CREATE TYPE "FundKind" AS ENUM ('PROVINCIAL_LOVE_FUND', 'CITY_SPECIAL_FUND', 'RESTRICTED');

-- CreateEnum
CREATE TYPE "AccountKind" AS ENUM ('ASSET_BANK', 'INCOME_DONATIONS');

-- CreateEnum
CREATE TYPE "Purpose" AS ENUM ('BUILDING_HOMES', 'SPORTS_CENTRE', 'ACTIVITIES', 'GENERAL', 'EQUIPMENT');

-- CreateEnum
CREATE TYPE "JournalEntryKind" AS ENUM ('DONATION', 'REVERSAL');

-- CreateEnum
CREATE TYPE "DonationChannel" AS ENUM ('BANK_TRANSFER', 'ONLINE', 'CASH', 'PAYROLL_GIVING');

-- CreateTable
CREATE TABLE "Fund" (
    "id" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "FundKind" NOT NULL,
    "ownerRegionCode" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Fund_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Account" (
    "id" UUID NOT NULL,
    "fundId" UUID NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "AccountKind" NOT NULL,
    "purpose" "Purpose",
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalEntry" (
    "id" UUID NOT NULL,
    "fundId" UUID NOT NULL,
    "postedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "memo" TEXT NOT NULL,
    "kind" "JournalEntryKind" NOT NULL,
    "reversesId" UUID,
    "createdBy" TEXT NOT NULL,

    CONSTRAINT "JournalEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JournalLine" (
    "id" UUID NOT NULL,
    "entryId" UUID NOT NULL,
    "accountId" UUID NOT NULL,
    "amountFen" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL DEFAULT 'CNY',

    CONSTRAINT "JournalLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Donation" (
    "id" UUID NOT NULL,
    "idempotencyKey" TEXT NOT NULL,
    "fundId" UUID NOT NULL,
    "donorOrganisationId" UUID,
    "donorName" TEXT,
    "anonymous" BOOLEAN NOT NULL DEFAULT false,
    "amountFen" BIGINT NOT NULL,
    "currency" "Currency" NOT NULL DEFAULT 'CNY',
    "receivedOn" DATE NOT NULL,
    "channel" "DonationChannel" NOT NULL,
    "purpose" "Purpose" NOT NULL,
    "siteId" UUID,
    "projectId" UUID,
    "receiptNumber" TEXT NOT NULL,
    "journalEntryId" UUID NOT NULL,
    "recordedBy" TEXT NOT NULL,
    "recordedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Donation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReceiptCounter" (
    "fundId" UUID NOT NULL,
    "year" INTEGER NOT NULL,
    "lastNumber" INTEGER NOT NULL,

    CONSTRAINT "ReceiptCounter_pkey" PRIMARY KEY ("fundId","year")
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
CREATE UNIQUE INDEX "Fund_code_key" ON "Fund"("code");

-- CreateIndex
CREATE INDEX "Account_fundId_kind_idx" ON "Account"("fundId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "Account_fundId_code_key" ON "Account"("fundId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "JournalEntry_reversesId_key" ON "JournalEntry"("reversesId");

-- CreateIndex
CREATE INDEX "JournalEntry_fundId_postedAt_id_idx" ON "JournalEntry"("fundId", "postedAt" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "JournalLine_entryId_idx" ON "JournalLine"("entryId");

-- CreateIndex
CREATE INDEX "JournalLine_accountId_idx" ON "JournalLine"("accountId");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_idempotencyKey_key" ON "Donation"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_receiptNumber_key" ON "Donation"("receiptNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Donation_journalEntryId_key" ON "Donation"("journalEntryId");

-- CreateIndex
CREATE INDEX "Donation_fundId_receivedOn_id_idx" ON "Donation"("fundId", "receivedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Donation_receivedOn_id_idx" ON "Donation"("receivedOn" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "Donation_donorOrganisationId_idx" ON "Donation"("donorOrganisationId");

-- CreateIndex
CREATE INDEX "Donation_siteId_idx" ON "Donation"("siteId");

-- CreateIndex
CREATE INDEX "AuditEntry_at_id_idx" ON "AuditEntry"("at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_actorId_at_idx" ON "AuditEntry"("actorId", "at" DESC);

-- CreateIndex
CREATE INDEX "AuditEntry_entity_entityId_idx" ON "AuditEntry"("entity", "entityId");

-- AddForeignKey
ALTER TABLE "Account" ADD CONSTRAINT "Account_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalEntry" ADD CONSTRAINT "JournalEntry_reversesId_fkey" FOREIGN KEY ("reversesId") REFERENCES "JournalEntry"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalLine" ADD CONSTRAINT "JournalLine_entryId_fkey" FOREIGN KEY ("entryId") REFERENCES "JournalEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JournalLine" ADD CONSTRAINT "JournalLine_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Donation" ADD CONSTRAINT "Donation_journalEntryId_fkey" FOREIGN KEY ("journalEntryId") REFERENCES "JournalEntry"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReceiptCounter" ADD CONSTRAINT "ReceiptCounter_fundId_fkey" FOREIGN KEY ("fundId") REFERENCES "Fund"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Every journal entry balances: its lines sum to zero in each currency. Checked after every statement
-- that writes lines, over the entries it touched (an entry's lines are written in one statement).
CREATE FUNCTION "journal_entries_balance"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  unbalanced RECORD;
BEGIN
  SELECT l."entryId", l."currency", SUM(l."amountFen") AS total INTO unbalanced
    FROM "JournalLine" l
    WHERE l."entryId" IN (SELECT DISTINCT "entryId" FROM new_lines)
    GROUP BY l."entryId", l."currency"
    HAVING SUM(l."amountFen") <> 0
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'journal entry % does not balance: % fen of % left over', unbalanced."entryId", unbalanced.total, unbalanced."currency";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "JournalLine_balanced"
  AFTER INSERT ON "JournalLine"
  REFERENCING NEW TABLE AS new_lines
  FOR EACH STATEMENT EXECUTE FUNCTION "journal_entries_balance"();

-- The ledger and the donations are history: never edited or removed. Corrections are reversing entries.
CREATE FUNCTION "ledger_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only: post a reversing entry instead', TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER "JournalEntry_append_only"
  BEFORE UPDATE OR DELETE ON "JournalEntry"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();

CREATE TRIGGER "JournalLine_append_only"
  BEFORE UPDATE OR DELETE ON "JournalLine"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();

CREATE TRIGGER "Donation_append_only"
  BEFORE UPDATE OR DELETE ON "Donation"
  FOR EACH ROW EXECUTE FUNCTION "ledger_is_append_only"();

-- The audit log is append-only: history is never edited or removed.
CREATE FUNCTION "audit_entry_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "audit_entry_is_append_only"();
