import { type EventHandlers, organisationReplica } from "@lamplight/events";
import { webhookEventHandlers } from "./modules/webhook/webhook.events.js";

/**
 * What access keeps of other subgraphs' events (docs/EVENTS.md): the organisations, from people;
 * and from sites, campaigns and funding, the webhook deliveries their events make for partners.
 */
export const consumes: EventHandlers = { people: organisationReplica, ...webhookEventHandlers };
