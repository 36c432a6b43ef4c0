import { randomUUID } from "node:crypto";
import type { DomainEvent, EventDraft, SqlClient } from "./event.js";

/** The channel a producer's database notifies when an outbox write commits (PostgreSQL NOTIFY). */
export const OUTBOX_CHANNEL = "lamplight_outbox";

/** Writing transactions append one after another (see appendEvents). */
async function lockOutbox(tx: SqlClient): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM pg_advisory_xact_lock(hashtext(current_schema() || '.outbox'))`);
}

/** Delivered when the transaction commits, never before; wakes the feed's long polls and the relay. */
async function notifyOutbox(tx: SqlClient): Promise<void> {
  await tx.$queryRawUnsafe(`SELECT 1 FROM pg_notify($1, current_schema())`, OUTBOX_CHANNEL);
}

/**
 * Appends events to the producer's outbox, inside the caller's transaction: the events exist if and
 * only if the write that caused them committed.
 *
 * Sequences must grow in commit order, or a reader could pass a lower sequence whose transaction
 * commits after it read a higher one, and never see it. An identity column alone does not give
 * that (values are taken at insert, not at commit), so each append first takes a transaction-scoped
 * advisory lock: writing transactions append one after another, from the append to their commit.
 * Appending last, just before commit, keeps that stretch short. The NOTIFY, delivered at commit,
 * wakes the feed's long polls.
 */
export async function appendEvents(tx: SqlClient, drafts: readonly EventDraft[]): Promise<string[]> {
  if (drafts.length === 0) return [];
  const rows = drafts.map((draft) => ({ ...draft, id: randomUUID() }));
  await lockOutbox(tx);
  await tx.$executeRawUnsafe(
    `INSERT INTO "OutboxEvent" ("id", "type", "version", "entity", "key", "payload")
     SELECT (e->>'id')::uuid, e->>'type', (e->>'version')::int, e->>'entity', e->>'key', e->'payload'
     FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n) ORDER BY n`,
    JSON.stringify(rows),
  );
  await notifyOutbox(tx);
  return rows.map((row) => row.id);
}

/**
 * Appends one event per row of `select`, a query of the caller's own tables yielding the columns
 * `type`, `version`, `entity`, `key` and `payload` (jsonb), in its order. For events whose payload
 * is the entity's current state: the query that reads it is its one definition, whether one row
 * changed or ten thousand are announced at once. Resolves with how many were appended.
 */
export async function appendSelectedEvents(
  tx: SqlClient,
  select: string,
  ...values: unknown[]
): Promise<number> {
  await lockOutbox(tx);
  const appended = await tx.$executeRawUnsafe(
    `INSERT INTO "OutboxEvent" ("id", "type", "version", "entity", "key", "payload")
     SELECT gen_random_uuid(), e."type", e."version", e."entity", e."key", e."payload" FROM (${select}) AS e`,
    ...values,
  );
  if (appended > 0) await notifyOutbox(tx);
  return appended;
}

interface OutboxRow {
  sequence: string;
  id: string;
  type: string;
  version: number;
  entity: string;
  key: string;
  occurredAt: Date;
  payload: Record<string, unknown>;
}

// The output's "sequence" is text: ordering must name the table's column, or it sorts as text.
const SELECT_EVENTS = `SELECT "sequence"::text AS "sequence", "id"::text AS "id", "type", "version", "entity", "key",
  "occurredAt", "payload" FROM "OutboxEvent"`;

function toEvent(producer: string, row: OutboxRow): DomainEvent {
  return {
    id: row.id,
    producer,
    type: row.type,
    version: Number(row.version),
    entity: row.entity,
    key: row.key,
    sequence: BigInt(row.sequence),
    occurredAt: row.occurredAt instanceof Date ? row.occurredAt : new Date(row.occurredAt),
    payload: typeof row.payload === "string" ? JSON.parse(row.payload) : row.payload,
  };
}

/** The producer's events after `after`, oldest first, at most `limit`. */
export async function readOutbox(
  client: SqlClient,
  producer: string,
  after: bigint,
  limit: number,
): Promise<DomainEvent[]> {
  const rows = await client.$queryRawUnsafe<OutboxRow[]>(
    `${SELECT_EVENTS} WHERE "sequence" > $1::bigint ORDER BY "OutboxEvent"."sequence" LIMIT $2::int`,
    after.toString(),
    limit,
  );
  return rows.map((row) => toEvent(producer, row));
}

/** The sequence of the producer's latest event (0 when it has none). */
export async function outboxHead(client: SqlClient): Promise<bigint> {
  const [row] = await client.$queryRawUnsafe<Array<{ head: string }>>(
    `SELECT COALESCE(MAX("sequence"), 0)::text AS "head" FROM "OutboxEvent"`,
  );
  return BigInt(row?.head ?? "0");
}

/** Events not yet published to NATS, oldest first (the relay's work). */
export async function unpublishedEvents(
  client: SqlClient,
  producer: string,
  limit: number,
): Promise<DomainEvent[]> {
  const rows = await client.$queryRawUnsafe<OutboxRow[]>(
    `${SELECT_EVENTS} WHERE "publishedAt" IS NULL ORDER BY "OutboxEvent"."sequence" LIMIT $1::int`,
    limit,
  );
  return rows.map((row) => toEvent(producer, row));
}

/** Marks events as published up to and including `through`. */
export async function markPublished(client: SqlClient, through: bigint): Promise<void> {
  await client.$executeRawUnsafe(
    `UPDATE "OutboxEvent" SET "publishedAt" = now() WHERE "publishedAt" IS NULL AND "sequence" <= $1::bigint`,
    through.toString(),
  );
}
