import type { DomainEvent, SqlClient, TransactionalSqlClient } from "./event.js";

/**
 * An event the consumer cannot apply, whatever the number of tries: a payload version it does not
 * know, a payload that breaks the type's rules. It is kept as a dead letter, not retried. Any
 * other error (the database busy, a lost connection) is retried.
 */
export class UnprocessableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UnprocessableEventError";
  }
}

/** Applies one event to the consumer's replica, inside the transaction that records it as applied. */
export type EventHandler = (tx: SqlClient, event: DomainEvent) => Promise<void>;

/**
 * What one consumer does with each producer's events: `{ sites: { "site.created": { 1: handler } } }`.
 * Types it does not list are passed over (recorded as seen); a listed type at a version it does
 * not list is a dead letter.
 */
export type EventHandlers = Record<string, Record<string, Record<number, EventHandler>>>;

export type Applied = "applied" | "duplicate" | "skipped" | "dead-lettered";

/**
 * The consumer's side of delivery, in its own database: which events it has applied (so a
 * redelivery is harmless), how far it has read each producer, and the events it could not apply.
 */
export class ConsumerStore {
  /** How each event since start went, for the metrics. */
  readonly outcomes: Record<Applied, number> = { applied: 0, duplicate: 0, skipped: 0, "dead-lettered": 0 };

  constructor(
    private readonly client: TransactionalSqlClient,
    private readonly handlers: EventHandlers,
  ) {}

  /** Where reading `producer` resumes: the sequence of the last event recorded (0 at first). */
  async position(producer: string): Promise<bigint> {
    const [row] = await this.client.$queryRawUnsafe<Array<{ sequence: string }>>(
      `SELECT "sequence"::text AS "sequence" FROM "EventCursor" WHERE "producer" = $1`,
      producer,
    );
    return BigInt(row?.sequence ?? "0");
  }

  /**
   * Applies one event exactly once: the handler's writes, the applied record and the cursor commit
   * together. A handler's UnprocessableEventError turns the event into a dead letter instead.
   */
  async apply(event: DomainEvent): Promise<Applied> {
    const outcome = await this.applyOnce(event);
    this.outcomes[outcome] += 1;
    return outcome;
  }

  /**
   * Applies a page of events of one producer, in order, in ONE transaction: what a consumer
   * catching up on thousands of events needs (one commit per page, not per event). When an event
   * of the page cannot be applied, the page is rolled back and applied event by event instead, so
   * that event alone becomes a dead letter.
   */
  async applyAll(events: readonly DomainEvent[]): Promise<Applied[]> {
    if (events.length <= 1) return Promise.all(events.map((event) => this.apply(event)));
    const unknownVersion = events.some((event) => {
      const handler = this.handlers[event.producer]?.[event.type];
      return handler !== undefined && handler[event.version] === undefined;
    });
    if (unknownVersion) return this.applyEach(events);
    let outcomes: Applied[];
    try {
      outcomes = await this.client.$transaction(async (tx) => {
        const fresh = await this.recordAll(tx, events);
        const results: Applied[] = [];
        for (const event of events) {
          const handler = this.handlers[event.producer]?.[event.type]?.[event.version];
          if (!fresh.has(event.id)) results.push("duplicate");
          else if (!handler) results.push("skipped");
          else {
            await handler(tx, event);
            results.push("applied");
          }
        }
        return results;
      });
    } catch (error) {
      if (error instanceof UnprocessableEventError) return this.applyEach(events);
      throw error;
    }
    for (const outcome of outcomes) this.outcomes[outcome] += 1;
    return outcomes;
  }

  private async applyEach(events: readonly DomainEvent[]): Promise<Applied[]> {
    const outcomes: Applied[] = [];
    for (const event of events) outcomes.push(await this.apply(event));
    return outcomes;
  }

  /** Records a page of events as processed and moves the cursor; resolves with the ids new to it. */
  private async recordAll(tx: SqlClient, events: readonly DomainEvent[]): Promise<Set<string>> {
    const rows = await tx.$queryRawUnsafe<Array<{ eventId: string }>>(
      `INSERT INTO "ConsumedEvent" ("eventId", "producer", "sequence")
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::bigint[])
       ON CONFLICT ("eventId") DO NOTHING RETURNING "eventId"::text AS "eventId"`,
      events.map((event) => event.id),
      events.map((event) => event.producer),
      events.map((event) => event.sequence.toString()),
    );
    const last = new Map<string, bigint>();
    for (const event of events) {
      if ((last.get(event.producer) ?? -1n) < event.sequence) last.set(event.producer, event.sequence);
    }
    for (const [producer, sequence] of last) await this.moveCursor(tx, producer, sequence);
    return new Set(rows.map((row) => row.eventId));
  }

  private async applyOnce(event: DomainEvent): Promise<Applied> {
    const handler = this.handlers[event.producer]?.[event.type];
    const versioned = handler?.[event.version];
    if (handler && !versioned) {
      return this.deadLetter(event, `${event.type} version ${event.version} is not one this consumer knows`);
    }
    try {
      return await this.client.$transaction(async (tx) => {
        if (!(await this.record(tx, event))) return "duplicate";
        if (!versioned) return "skipped";
        await versioned(tx, event);
        return "applied";
      });
    } catch (error) {
      if (error instanceof UnprocessableEventError) return this.deadLetter(event, error.message);
      throw error;
    }
  }

  /** Records the event as processed and moves the cursor; false when it was recorded before. */
  private async record(tx: SqlClient, event: DomainEvent): Promise<boolean> {
    const inserted = await tx.$executeRawUnsafe(
      `INSERT INTO "ConsumedEvent" ("eventId", "producer", "sequence") VALUES ($1::uuid, $2, $3::bigint)
       ON CONFLICT ("eventId") DO NOTHING`,
      event.id,
      event.producer,
      event.sequence.toString(),
    );
    await this.moveCursor(tx, event.producer, event.sequence);
    return inserted > 0;
  }

  /** The cursor only moves forward: a redelivered older event must not rewind it. */
  private async moveCursor(tx: SqlClient, producer: string, sequence: bigint): Promise<void> {
    await tx.$executeRawUnsafe(
      `INSERT INTO "EventCursor" ("producer", "sequence", "updatedAt") VALUES ($1, $2::bigint, now())
       ON CONFLICT ("producer") DO UPDATE SET "sequence" = GREATEST("EventCursor"."sequence", EXCLUDED."sequence"),
       "updatedAt" = now()`,
      producer,
      sequence.toString(),
    );
  }

  private async deadLetter(event: DomainEvent, error: string): Promise<Applied> {
    return this.client.$transaction(async (tx) => {
      if (!(await this.record(tx, event))) return "duplicate";
      await tx.$executeRawUnsafe(
        `INSERT INTO "DeadLetterEvent" ("eventId", "producer", "sequence", "type", "version", "entity", "key",
         "payload", "error") VALUES ($1::uuid, $2, $3::bigint, $4, $5::int, $6, $7, $8::jsonb, $9)
         ON CONFLICT ("eventId") DO NOTHING`,
        event.id,
        event.producer,
        event.sequence.toString(),
        event.type,
        event.version,
        event.entity,
        event.key,
        JSON.stringify(event.payload),
        error,
      );
      return "dead-lettered";
    });
  }
}
