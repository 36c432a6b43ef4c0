import {
  AckPolicy,
  DeliverPolicy,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
} from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import type { ConsumerStore } from "./consumer.js";
import { fromWire, type SqlClient, toWire, type WireEvent } from "./event.js";
import type { Wakeups } from "./feed.js";
import { markPublished, unpublishedEvents } from "./outbox.js";
import { SubscriptionBase } from "./subscription.js";

/**
 * One stream per producer, `<NAMESPACE>_EVENTS_<PRODUCER>`, with subjects
 * `<namespace>.events.<producer>.<type>`. The namespace (`lamplight` by default) lets several
 * deployments, or test runs, share one NATS server without seeing each other's events.
 */
export const DEFAULT_NATS_NAMESPACE = "lamplight";
export const streamName = (producer: string, namespace = DEFAULT_NATS_NAMESPACE) =>
  `${namespace}_events_${producer}`.toUpperCase();
const subjectOf = (namespace: string, producer: string, type: string) =>
  `${namespace}.events.${producer}.${type}`;

export function connectNats(url: string, name: string): Promise<NatsConnection> {
  return connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 500 });
}

/**
 * The producer's stream, created if it is missing. Publishing with the event's id as `msgID` makes
 * a second publish of one event (a relay that crashed before it marked it) a duplicate that the
 * server drops within the window.
 */
export async function ensureStream(
  manager: JetStreamManager,
  producer: string,
  namespace = DEFAULT_NATS_NAMESPACE,
): Promise<void> {
  const name = streamName(producer, namespace);
  try {
    await manager.streams.info(name);
  } catch {
    await manager.streams.add({
      name,
      subjects: [subjectOf(namespace, producer, ">")],
      duplicate_window: 10 * 60 * 1_000_000_000,
    });
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

export interface OutboxRelayOptions {
  producer: string;
  namespace?: string;
  client: SqlClient;
  nats: NatsConnection;
  wakeups?: Wakeups;
  onError?: (error: unknown) => void;
}

/**
 * Publishes the producer's outbox to its JetStream stream, oldest first, and marks what the server
 * acknowledged. A crash between publish and mark publishes again on restart: the stream drops the
 * duplicate by its id, and consumers drop any that reach them.
 */
export class OutboxRelay {
  private readonly stopped = new AbortController();
  private loop: Promise<void> | undefined;
  private js: JetStreamClient | undefined;
  unpublished = 0;
  lastError: string | null = null;

  constructor(private readonly options: OutboxRelayOptions) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.loop;
  }

  /** Publishes everything in the outbox not yet published; resolves with how many it published. */
  async publishPending(): Promise<number> {
    const { producer, client, nats, namespace = DEFAULT_NATS_NAMESPACE } = this.options;
    if (!this.js) {
      await ensureStream(await jetstreamManager(nats), producer, namespace);
      this.js = jetstream(nats);
    }
    let published = 0;
    for (;;) {
      const events = await unpublishedEvents(client, producer, 200);
      this.unpublished = events.length;
      if (events.length === 0) return published;
      for (const event of events) {
        await this.js.publish(subjectOf(namespace, producer, event.type), JSON.stringify(toWire(event)), {
          msgID: event.id,
          expect: { streamName: streamName(producer, namespace) },
        });
      }
      const last = events[events.length - 1];
      if (last) await markPublished(client, last.sequence);
      published += events.length;
    }
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.stopped.signal.aborted) {
      try {
        await this.publishPending();
        this.lastError = null;
        failures = 0;
        await this.nextWakeup(1_000);
      } catch (error) {
        failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error);
        await sleep(Math.min(5_000, 250 * 2 ** Math.min(failures, 5)), this.stopped.signal);
      }
    }
  }

  private nextWakeup(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        unsubscribe?.();
        // Not left behind on the signal, which lives as long as the subscription (see pause()).
        this.stopped.signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      const unsubscribe = this.options.wakeups?.subscribe(done);
      this.stopped.signal.addEventListener("abort", done, { once: true });
    });
  }
}

export interface JetStreamSubscriptionOptions {
  consumer: string;
  producer: string;
  namespace?: string;
  nats: NatsConnection;
  store: ConsumerStore;
  onError?: (error: unknown) => void;
}

/**
 * A durable pull consumer named for the consuming subgraph on the producer's stream. Messages are
 * applied in order, a batch per transaction, and acknowledged after it commits; an error other than
 * a dead letter is retried in place, so a later event of an entity never overtakes an earlier one.
 * What was applied but not acknowledged (a crash in between) comes again and is recognised.
 */
export class JetStreamSubscription extends SubscriptionBase {
  constructor(private readonly options: JetStreamSubscriptionOptions) {
    super(options.producer, options.store);
  }

  protected async run(): Promise<void> {
    const { consumer, producer, nats, store, namespace = DEFAULT_NATS_NAMESPACE } = this.options;
    let failures = 0;
    while (!this.stopped.signal.aborted) {
      try {
        const manager = await jetstreamManager(nats);
        await ensureStream(manager, producer, namespace);
        const stream = streamName(producer, namespace);
        try {
          await manager.consumers.info(stream, consumer);
        } catch {
          await manager.consumers.add(stream, {
            durable_name: consumer,
            ack_policy: AckPolicy.Explicit,
            deliver_policy: DeliverPolicy.All,
            ack_wait: 30 * 1_000_000_000,
          });
        }
        const pull = await jetstream(nats).consumers.get(stream, consumer);
        this.position = await store.position(producer);
        const info = await pull.info();
        this.head = this.position + BigInt(info.num_pending + info.num_ack_pending);
        if (info.num_pending === 0 && info.num_ack_pending === 0) this.atHead();
        while (!this.stopped.signal.aborted) {
          // A batch at a time (catching up), or what arrives within two seconds (at the head).
          const batch: JsMsg[] = [];
          for await (const message of await pull.fetch({ max_messages: 500, expires: 2_000 })) {
            batch.push(message);
          }
          const last = batch[batch.length - 1];
          if (!last) {
            this.atHead();
            continue;
          }
          const events = batch.map((message) => fromWire(message.json<WireEvent>()));
          for (;;) {
            try {
              await store.applyAll(events);
              break;
            } catch (error) {
              if (this.stopped.signal.aborted) return;
              this.lastError = error instanceof Error ? error.message : String(error);
              this.options.onError?.(error);
              for (const message of batch) message.working();
              await this.pause(1_000);
            }
          }
          for (const message of batch.slice(0, -1)) message.ack();
          await last.ackAck();
          for (const event of events) if (event.sequence > this.position) this.position = event.sequence;
          this.head = this.position + BigInt(last.info.pending);
          if (last.info.pending === 0) this.atHead();
          this.lastError = null;
          failures = 0;
        }
      } catch (error) {
        if (this.stopped.signal.aborted) return;
        failures += 1;
        this.lastError = error instanceof Error ? error.message : String(error);
        this.options.onError?.(error);
        await this.pause(Math.min(5_000, 250 * 2 ** Math.min(failures, 5)));
      }
    }
  }
}

/** Deletes a namespace's streams (with their consumers): for test runs that used their own namespace. */
export async function deleteStreams(nats: NatsConnection, namespace: string): Promise<void> {
  const manager = await jetstreamManager(nats);
  const prefix = streamName("", namespace);
  for await (const stream of manager.streams.list()) {
    if (stream.config.name.startsWith(prefix)) await manager.streams.delete(stream.config.name);
  }
}
