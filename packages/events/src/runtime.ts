import type { IncomingMessage, ServerResponse } from "node:http";
import type { NatsConnection } from "@nats-io/transport-node";
import { ConsumerStore, type EventHandler } from "./consumer.js";
import type { TransactionalSqlClient } from "./event.js";
import { createFeedHandler, FEED_PATH, type Wakeups } from "./feed.js";
import { connectNats, JetStreamSubscription, OutboxRelay } from "./jetstream.js";
import { OUTBOX_CHANNEL } from "./outbox.js";
import { type EventSubscription, FeedSubscription, type SubscriptionStatus } from "./subscription.js";

/** What one service consumes of one producer: its handlers by type and version, and where its feed is. */
export interface ConsumedProducer {
  /** The producer's base URL, for the internal feed (unused with NATS), or a function that gives it once known. */
  url: string | (() => string | undefined);
  handlers: Record<string, Record<number, EventHandler>>;
}

export interface ServiceEventsOptions {
  service: string;
  client: TransactionalSqlClient;
  /** The database's NOTIFY (db-kit's `Database.listen`): wakes the feed and the relay at each commit. */
  listen: (channel: string, listener: () => void) => Promise<() => Promise<void>>;
  /** The deployment's identity key: it signs and verifies feed tokens. */
  key: Uint8Array;
  /** With a URL, NATS JetStream carries the events; without, each producer's internal feed. */
  natsUrl?: string | undefined;
  /** Names the NATS streams and subjects of this deployment (default `lamplight`). */
  natsNamespace?: string | undefined;
  consumes: Record<string, ConsumedProducer>;
  logger?: { warn(details: object, message: string): void; info(details: object, message: string): void };
}

export interface ServiceEvents {
  /** HTTP routes the service serves: its feed. */
  routes: Record<string, (request: IncomingMessage, response: ServerResponse, url: URL) => Promise<void>>;
  /** Rejects until every consumed producer has been read to its head once since start. */
  ready(): Promise<void>;
  /** Resolves once every consumed producer has been read to its head (replicas rebuilt). */
  caughtUp(): Promise<void>;
  /** For `/readyz`: how delivery runs and how far behind each producer this service is. */
  details(): { events: { delivery: "nats" | "feed"; consumers: SubscriptionStatus[]; unpublished?: number } };
  /** Prometheus lines: lag per producer, outcomes since start, the relay's backlog. */
  metrics(): string[];
  /** Ends the long polls held open (a shutdown begins): consumers get their answer at once. */
  drain(): void;
  stop(): Promise<void>;
}

/**
 * Starts a service's side of the events: serves its feed (and relays its outbox to NATS) and runs
 * one subscription per producer it consumes, through one ConsumerStore. The feed is served from
 * the start, whatever the subscriptions' state, so that services consuming each other never wait
 * on one another at start.
 */
export async function startServiceEvents(options: ServiceEventsOptions): Promise<ServiceEvents> {
  const { service, client, key, logger } = options;
  const stopping = new AbortController();
  const listeners = new Set<() => void>();
  const unlisten = await options.listen(OUTBOX_CHANNEL, () => {
    for (const listener of listeners) listener();
  });
  const wakeups: Wakeups = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  const warn = (producer: string) => (error: unknown) =>
    logger?.warn({ err: error, producer }, "event delivery failed; retrying");

  const handlers = Object.fromEntries(
    Object.entries(options.consumes).map(([producer, consumed]) => [producer, consumed.handlers]),
  );
  const store = new ConsumerStore(client, handlers);

  let nats: NatsConnection | undefined;
  let relay: OutboxRelay | undefined;
  if (options.natsUrl) {
    nats = await connectNats(options.natsUrl, service);
    relay = new OutboxRelay({
      producer: service,
      namespace: options.natsNamespace,
      client,
      nats,
      wakeups,
      onError: warn(service),
    });
    relay.start();
  }
  const subscriptions: EventSubscription[] = Object.entries(options.consumes).map(([producer, consumed]) =>
    nats
      ? new JetStreamSubscription({
          consumer: service,
          producer,
          namespace: options.natsNamespace,
          nats,
          store,
          onError: warn(producer),
        })
      : new FeedSubscription({
          consumer: service,
          producer,
          url: consumed.url,
          key,
          store,
          onError: warn(producer),
        }),
  );
  for (const subscription of subscriptions) subscription.start();
  const caughtUp = Promise.all(subscriptions.map((subscription) => subscription.caughtUp())).then(() => {
    logger?.info({ producers: subscriptions.map((s) => s.producer) }, "event replicas caught up");
  });

  return {
    routes: {
      [FEED_PATH]: createFeedHandler({
        producer: service,
        client,
        key,
        wakeups,
        signal: stopping.signal,
        onError: (error) => logger?.warn({ err: error }, "event feed read failed"),
      }),
    },
    async ready() {
      const behind = subscriptions.filter((subscription) => !subscription.status().caughtUp);
      if (behind.length > 0) {
        throw new Error(
          `catching up on the events of ${behind.map((subscription) => subscription.producer).join(", ")}`,
        );
      }
    },
    caughtUp: () => caughtUp,
    details() {
      return {
        events: {
          delivery: nats ? "nats" : "feed",
          consumers: subscriptions.map((subscription) => subscription.status()),
          ...(relay ? { unpublished: relay.unpublished } : {}),
        },
      };
    },
    metrics() {
      const lines = ["# TYPE lamplight_events_lag gauge"];
      for (const subscription of subscriptions) {
        const status = subscription.status();
        lines.push(`lamplight_events_lag{subgraph="${service}",producer="${status.producer}"} ${status.lag}`);
      }
      lines.push("# TYPE lamplight_events_consumed_total counter");
      for (const [outcome, count] of Object.entries(store.outcomes)) {
        lines.push(`lamplight_events_consumed_total{subgraph="${service}",outcome="${outcome}"} ${count}`);
      }
      if (relay) {
        lines.push("# TYPE lamplight_events_unpublished gauge");
        lines.push(`lamplight_events_unpublished{subgraph="${service}"} ${relay.unpublished}`);
      }
      return lines;
    },
    drain() {
      stopping.abort();
    },
    async stop() {
      stopping.abort();
      await Promise.all(subscriptions.map((subscription) => subscription.stop()));
      await relay?.stop();
      await nats?.drain().catch(() => undefined);
      await unlisten();
    },
  };
}
