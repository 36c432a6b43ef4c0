/** How tests start this subgraph (its own suite and the composed-graph suite). */
export { people as peopleService } from "./index.js";

/** Announces organisations written straight to the database (as the seed loads them). */
export { announceUnannouncedOrganisations } from "./modules/organisation/organisation.events.js";
/** The whole demo data set (organisations, children, volunteers), for the composed-graph suite. */
export { seedPeople } from "./seed/index.js";
