export { SITE_EVENT_VERSION, SiteEventType, type SiteFacts, siteFacts } from "./catalogue.js";
export {
  type Applied,
  ConsumerStore,
  type EventHandler,
  type EventHandlers,
  UnprocessableEventError,
} from "./consumer.js";
export {
  type DomainEvent,
  type EventDraft,
  fromWire,
  type SqlClient,
  type TransactionalSqlClient,
  toWire,
  type WireEvent,
} from "./event.js";
export {
  createFeedHandler,
  FEED_LIMITS,
  FEED_PATH,
  type FeedHandlerOptions,
  type FeedPage,
  signFeedToken,
  type Wakeups,
} from "./feed.js";
export {
  connectNats,
  DEFAULT_NATS_NAMESPACE,
  deleteStreams,
  ensureStream,
  JetStreamSubscription,
  type JetStreamSubscriptionOptions,
  OutboxRelay,
  type OutboxRelayOptions,
  streamName,
} from "./jetstream.js";
export {
  appendEvents,
  appendSelectedEvents,
  markPublished,
  OUTBOX_CHANNEL,
  outboxHead,
  readOutbox,
  unpublishedEvents,
} from "./outbox.js";
export {
  type ConsumedProducer,
  type ServiceEvents,
  type ServiceEventsOptions,
  startServiceEvents,
} from "./runtime.js";
export {
  type EventSubscription,
  FeedSubscription,
  type FeedSubscriptionOptions,
  type SubscriptionStatus,
} from "./subscription.js";
