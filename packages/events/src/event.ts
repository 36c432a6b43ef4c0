/**
 * A fact one domain publishes about an entity it owns: "home 42 moved to county 510723". Events are
 * immutable; a consumer keeps what it needs of them (a replica) and never asks the producer again.
 */
export interface DomainEvent<Payload = Record<string, unknown>> {
  /** A UUID, unique across producers: the idempotency key of every consumer. */
  id: string;
  /** The subgraph that owns the entity and wrote the event, e.g. `sites`. */
  producer: string;
  /** What happened, `<entity>.<verb>` in lower camel case, e.g. `site.moved`. */
  type: string;
  /** The version of this type's payload; a consumer refuses (dead-letters) a version it does not know. */
  version: number;
  /** The entity's GraphQL type name, e.g. `Site`. */
  entity: string;
  /** The entity's id: events of one key are delivered in the order they were written. */
  key: string;
  /** The producer's position of the event: strictly increasing in commit order. */
  sequence: bigint;
  occurredAt: Date;
  payload: Payload;
}

/** An event as a write appends it; the outbox gives it its id, sequence and time. */
export interface EventDraft<Payload = Record<string, unknown>> {
  type: string;
  version: number;
  entity: string;
  key: string;
  payload: Payload;
}

/** The parts of a Prisma client (or a transaction of one) that the outbox and consumers use. */
export interface SqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
  $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
}

/** A client that can run a function in one transaction (a Prisma client). */
export interface TransactionalSqlClient extends SqlClient {
  $transaction<Result>(work: (tx: SqlClient) => Promise<Result>): Promise<Result>;
}

/** An event as JSON on the wire (the feed, NATS): the sequence as a decimal string, the time in ISO 8601. */
export interface WireEvent<Payload = Record<string, unknown>>
  extends Omit<DomainEvent<Payload>, "sequence" | "occurredAt"> {
  sequence: string;
  occurredAt: string;
}

export function toWire<Payload>(event: DomainEvent<Payload>): WireEvent<Payload> {
  return { ...event, sequence: event.sequence.toString(), occurredAt: event.occurredAt.toISOString() };
}

export function fromWire<Payload>(event: WireEvent<Payload>): DomainEvent<Payload> {
  return { ...event, sequence: BigInt(event.sequence), occurredAt: new Date(event.occurredAt) };
}
