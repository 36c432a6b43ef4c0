-- AlterTable
ALTER TABLE "WebhookSubscription" ADD COLUMN     "previousSecret" TEXT,
ADD COLUMN     "previousSecretExpiresAt" TIMESTAMPTZ(3);

