/** How tests start this subgraph (its own suite and the composed-graph suite). */
export { access as accessService } from "./index.js";
export { DEMO_PARTNER, seedAccess } from "./seed/index.js";
