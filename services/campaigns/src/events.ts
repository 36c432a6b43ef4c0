import { type EventHandlers, studentReplica, volunteerReplica } from "@lamplight/events";
import { siteEventHandlers } from "./modules/site/site.events.js";

/**
 * What campaigns keeps of other subgraphs' events (docs/EVENTS.md): the homes, from sites (its
 * own Home table, which activities refer to); the children and volunteers, from people.
 */
export const consumes: EventHandlers = {
  sites: siteEventHandlers,
  people: { ...studentReplica, ...volunteerReplica },
};
