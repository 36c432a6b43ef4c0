export {
  ORGANISATION_EVENT_VERSION,
  OrganisationEventType,
  type OrganisationFacts,
  organisationFacts,
  PROJECT_EVENT_VERSION,
  ProjectEventType,
  type ProjectFacts,
  projectFacts,
  SITE_EVENT_VERSION,
  SiteEventType,
  type SiteFacts,
  STUDENT_EVENT_VERSION,
  StudentEventType,
  type StudentFacts,
  siteFacts,
  studentFacts,
  TRUSTED_OPERATION_EVENT_VERSION,
  type TrustedOperationDecision,
  TrustedOperationEventType,
  takesOnNew,
  VOLUNTEER_EVENT_VERSION,
  VolunteerEventType,
  type VolunteerFacts,
  volunteerFacts,
} from "./catalogue.js";
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
  organisationReplica,
  projectReplica,
  siteReplica,
  studentReplica,
  upsertSiteReplica,
  volunteerReplica,
} from "./replicas.js";
export {
  type ConsumedProducer,
  type ServiceEvents,
  type ServiceEventsOptions,
  startServiceEvents,
} from "./runtime.js";
export { announceUnannounced, appendStateEvents, type StateEventSource } from "./state-events.js";
export {
  type EventSubscription,
  FeedSubscription,
  type FeedSubscriptionOptions,
  type SubscriptionStatus,
} from "./subscription.js";
