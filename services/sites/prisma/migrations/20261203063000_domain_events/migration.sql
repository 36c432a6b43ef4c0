-- CreateTable
CREATE TABLE "OutboxEvent" (
    "sequence" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "entity" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "payload" JSONB NOT NULL,
    "publishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "ConsumedEvent" (
    "eventId" UUID NOT NULL,
    "producer" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "appliedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ConsumedEvent_pkey" PRIMARY KEY ("eventId")
);

-- CreateTable
CREATE TABLE "EventCursor" (
    "producer" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "EventCursor_pkey" PRIMARY KEY ("producer")
);

-- CreateTable
CREATE TABLE "DeadLetterEvent" (
    "eventId" UUID NOT NULL,
    "producer" TEXT NOT NULL,
    "sequence" BIGINT NOT NULL,
    "type" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "entity" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" JSONB NOT NULL,
    "error" TEXT NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeadLetterEvent_pkey" PRIMARY KEY ("eventId")
);

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_id_key" ON "OutboxEvent"("id");

-- CreateIndex
CREATE INDEX "OutboxEvent_publishedAt_sequence_idx" ON "OutboxEvent"("publishedAt", "sequence");

-- CreateIndex
CREATE INDEX "OutboxEvent_entity_key_idx" ON "OutboxEvent"("entity", "key");

-- CreateIndex
CREATE INDEX "ConsumedEvent_producer_sequence_idx" ON "ConsumedEvent"("producer", "sequence");

