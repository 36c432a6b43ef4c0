import type { EventHandlers } from "@lamplight/events";
import { siteEventHandlers } from "./modules/site/site.events.js";
import { studentEventHandlers } from "./modules/student/student.events.js";
import { volunteerEventHandlers } from "./modules/volunteer/volunteer.events.js";

/**
 * What campaigns keeps of other subgraphs' events (docs/EVENTS.md): the homes, from sites; the
 * children and volunteers, from people.
 */
export const consumes: EventHandlers = {
  sites: siteEventHandlers,
  people: { ...studentEventHandlers, ...volunteerEventHandlers },
};
