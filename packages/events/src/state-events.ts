import type { SqlClient, TransactionalSqlClient } from "./event.js";
import { appendSelectedEvents } from "./outbox.js";

/**
 * How a producer turns rows of one of its tables into state-carrying events: the SQL that reads an
 * entity's facts is their one definition, whether one row changed or every row is announced.
 */
export interface StateEventSource {
  /** The entity's GraphQL type, e.g. `Student`. */
  entity: string;
  /** The payload's version. */
  version: number;
  /** The table with its alias, e.g. `"Student" s`. */
  from: string;
  /** The entity's id as text, e.g. `s."id"::text`. */
  key: string;
  /** The payload as a jsonb expression over the alias. */
  payload: string;
  /** The order events of many rows are appended in, e.g. `s."createdAt", s."id"`. */
  order: string;
}

function select(source: StateEventSource, type: string, where: string): string {
  return `SELECT ${type} AS "type", ${source.version} AS "version", '${source.entity}' AS "entity",
    ${source.key} AS "key", ${source.payload} AS "payload" FROM ${source.from} WHERE ${where} ORDER BY ${source.order}`;
}

/**
 * Appends one `type` event for each row the condition selects, with its facts as the transaction
 * sees them now. `where` may use $2, $3…: `values` fill them ($1 is the type).
 */
export function appendStateEvents(
  tx: SqlClient,
  source: StateEventSource,
  type: string,
  where: string,
  ...values: unknown[]
): Promise<number> {
  return appendSelectedEvents(tx, select(source, "$1::text", where), type, ...values);
}

/** How many rows one announcing transaction appends at most: each statement stays well within the statement timeout. */
const ANNOUNCE_BATCH = 20_000;

/**
 * Announces, as `type`, every row never announced: rows the seed loads in bulk, or written before
 * their subgraph published events. Idempotent; run at every start, so that a consumer can always
 * rebuild its replica from the start of the stream. A batch of rows per transaction, in the
 * source's order, so that a province's million children never make one statement of minutes.
 */
export async function announceUnannounced(
  client: TransactionalSqlClient,
  source: StateEventSource,
  type: string,
  batch = ANNOUNCE_BATCH,
): Promise<number> {
  // The outbox's alias is one no source uses: a source aliased like it (organisations' `o`) would
  // compare the outbox with itself, find nothing announced, and announce every row at every start.
  const unannounced = `NOT EXISTS (SELECT 1 FROM "OutboxEvent" "announcedEvent" WHERE "announcedEvent"."entity" = '${source.entity}' AND "announcedEvent"."key" = ${source.key})`;
  const next = `${select(source, "$1::text", unannounced)} LIMIT ${Math.trunc(batch)}`;
  let announced = 0;
  for (;;) {
    const appended = await client.$transaction((tx) => appendSelectedEvents(tx, next, type));
    announced += appended;
    if (appended < batch) return announced;
  }
}
