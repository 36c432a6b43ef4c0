/** How tests start this subgraph (its own suite and the composed-graph suite). */
export { sites as sitesService } from "./index.js";

export { demoSites } from "./seed/demo-sites.js";
/** The whole demo data set (homes, histories, equipment, assessments), for the composed-graph suite. */
export { seedSites } from "./seed/index.js";
