/** How tests start this subgraph (its own suite and the composed-graph suite). */
export { campaigns as campaignsService } from "./index.js";

/**
 * The demo projects and their milestones, for tests that need projects (no activities loaded), and
 * the whole demo data set (projects, activities, registrations, awards), for the composed-graph suite.
 */
export { seedCampaigns, seedProjects } from "./seed/index.js";
