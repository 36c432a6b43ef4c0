import { type EventHandlers, organisationReplica, projectReplica, siteReplica } from "@lamplight/events";

/**
 * What funding keeps of other subgraphs' events (docs/EVENTS.md): the homes, from sites; the
 * donor organisations, from people; the projects, from campaigns.
 */
export const consumes: EventHandlers = {
  sites: siteReplica,
  people: organisationReplica,
  campaigns: projectReplica,
};
