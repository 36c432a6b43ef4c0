import type { EventHandlers } from "@lamplight/events";
import { organisationEventHandlers } from "./modules/organisation/organisation.events.js";

/** What access keeps of other subgraphs' events (docs/EVENTS.md): the organisations, from people. */
export const consumes: EventHandlers = { people: organisationEventHandlers };
