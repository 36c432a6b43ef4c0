-- AlterEnum
ALTER TYPE "JournalEntryKind" ADD VALUE 'GRANT_CLOSURE';

-- AlterEnum
ALTER TYPE "GrantStatus" ADD VALUE 'CLOSED';

-- AlterTable
ALTER TABLE "Grant" ADD COLUMN     "releasedFen" BIGINT NOT NULL DEFAULT 0;

ALTER TABLE "Grant" ADD CONSTRAINT "Grant_released_within_award" CHECK ("releasedFen" >= 0 AND "releasedFen" <= "amountFen");
