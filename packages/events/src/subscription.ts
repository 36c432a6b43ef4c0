import type { ConsumerStore } from "./consumer.js";
import { fromWire } from "./event.js";
import { FEED_PATH, type FeedPage, signFeedToken } from "./feed.js";

/** Where one consumer stands in one producer's stream: for `/readyz` and the metrics. */
export interface SubscriptionStatus {
  producer: string;
  /** The sequence of the last event recorded. */
  position: string;
  /** The producer's latest sequence, as last heard. */
  head: string;
  /** Events written and not yet applied, as last heard. */
  lag: number;
  /** Whether the consumer has read everything the producer had, at least once since start. */
  caughtUp: boolean;
  /** The last delivery error, until a delivery succeeds. */
  lastError: string | null;
}

/** One consumer's delivery of one producer's events: the feed or NATS JetStream, the same to its user. */
export interface EventSubscription {
  readonly producer: string;
  start(): void;
  /** Resolves once the consumer has caught up with the producer (rebuilt its replica). */
  caughtUp(): Promise<void>;
  status(): SubscriptionStatus;
  stop(): Promise<void>;
}

/** Shared bookkeeping of a subscription: position, head, catch-up and the last error. */
export abstract class SubscriptionBase implements EventSubscription {
  protected position = 0n;
  protected head = 0n;
  protected lastError: string | null = null;
  protected stopped = new AbortController();
  private reachedHead = false;
  private readonly caughtUpOnce: Promise<void>;
  private markCaughtUp!: () => void;

  constructor(
    readonly producer: string,
    protected readonly store: ConsumerStore,
  ) {
    this.caughtUpOnce = new Promise((resolve) => {
      this.markCaughtUp = resolve;
    });
  }

  private loop: Promise<void> | undefined;

  /** The delivery loop: runs until `stopped` aborts. */
  protected abstract run(): Promise<void>;

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopped.abort();
    await this.loop;
  }

  caughtUp(): Promise<void> {
    return this.caughtUpOnce;
  }

  protected atHead(): void {
    if (this.reachedHead) return;
    this.reachedHead = true;
    this.markCaughtUp();
  }

  status(): SubscriptionStatus {
    const lag = this.head > this.position ? Number(this.head - this.position) : 0;
    return {
      producer: this.producer,
      position: this.position.toString(),
      head: this.head.toString(),
      lag,
      caughtUp: this.reachedHead,
      lastError: this.lastError,
    };
  }

  /** Waits `ms`, or less if the subscription is stopped meanwhile. */
  protected pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      // Whichever comes first removes the other: a subscription pauses for as long as it runs, and a
      // listener left on its signal at every pause would pile up for the life of the process.
      const done = () => {
        clearTimeout(timer);
        this.stopped.signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.stopped.signal.addEventListener("abort", done, { once: true });
    });
  }
}

export interface FeedSubscriptionOptions {
  consumer: string;
  producer: string;
  /**
   * The producer's base URL, e.g. `http://localhost:4001`, or a function that gives it once known
   * (until then the subscription waits, as for a producer that is down).
   */
  url: string | (() => string | undefined);
  key: Uint8Array;
  store: ConsumerStore;
  /** Events per page, applied in one transaction (default 500). */
  pageSize?: number;
  /** How long the producer may hold a poll with nothing new (default 20 s). */
  waitMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * Reads a producer's feed from the consumer's cursor, applies each event through the store, and
 * long-polls for more. Retries with backoff when the producer is down: nothing is lost, since the
 * cursor moves only with an applied event.
 */
export class FeedSubscription extends SubscriptionBase {
  constructor(private readonly options: FeedSubscriptionOptions) {
    super(options.producer, options.store);
  }

  private feedUrl(): string | undefined {
    return typeof this.options.url === "function" ? this.options.url() : this.options.url;
  }

  private async fetchPage(url: string, waitMs: number): Promise<FeedPage> {
    const { consumer, producer, key } = this.options;
    const feed = new URL(FEED_PATH, url);
    feed.searchParams.set("after", this.position.toString());
    feed.searchParams.set("limit", String(this.options.pageSize ?? 500));
    feed.searchParams.set("waitMs", String(waitMs));
    const response = await fetch(feed, {
      headers: { authorization: `Bearer ${await signFeedToken(consumer, producer, key)}` },
      signal: AbortSignal.any([this.stopped.signal, AbortSignal.timeout(waitMs + 15_000)]),
    });
    if (!response.ok)
      throw new Error(`${producer}'s feed answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as FeedPage;
  }

  protected async run(): Promise<void> {
    let failures = 0;
    let positionRead = false;
    while (!this.stopped.signal.aborted) {
      // Where the producer is may not be known yet (it is starting): nothing to read until it is.
      const url = this.feedUrl();
      if (!url) {
        await this.pause(500);
        continue;
      }
      try {
        // The cursor is read from the store at start and after a failure; in between only this
        // loop moves it.
        if (failures > 0 || !positionRead) this.position = await this.store.position(this.producer);
        positionRead = true;
        // Catching up, pages come back to back; at the head, polls are held until something new.
        const page = await this.fetchPage(url, this.status().caughtUp ? (this.options.waitMs ?? 20_000) : 0);
        const events = page.events.map(fromWire);
        if (this.stopped.signal.aborted) return;
        await this.store.applyAll(events);
        const last = events[events.length - 1];
        if (last) this.position = last.sequence;
        this.head = BigInt(page.head) > this.position ? BigInt(page.head) : this.position;
        if (page.events.length === 0 || this.position >= this.head) this.atHead();
        this.lastError = null;
        failures = 0;
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
