import { type EventHandlers, organisationReplica } from "@lamplight/events";

/** What sites keeps of other subgraphs' events (docs/EVENTS.md): the organisations, from people. */
export const consumes: EventHandlers = { people: organisationReplica };
