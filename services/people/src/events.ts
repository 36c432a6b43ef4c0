import type { EventHandlers } from "@lamplight/events";
import { siteEventHandlers } from "./modules/site/site.events.js";

/** What people keeps of other subgraphs' events (docs/EVENTS.md): the homes, from sites. */
export const consumes: EventHandlers = { sites: siteEventHandlers };
