import { assertProductionSecrets, integerVariable, parseEnv } from "@lamplight/platform";
import { subgraphEnv } from "@lamplight/subgraph-kit";
import { DEFAULT_MAX_CHILDREN_PER_VOLUNTEER } from "./limits.js";

/** The only reader of process.env in this service. */
export const env = parseEnv({
  ...subgraphEnv(4002),
  /** How many children one volunteer may be paired with at once. */
  MAX_CHILDREN_PER_VOLUNTEER: integerVariable(DEFAULT_MAX_CHILDREN_PER_VOLUNTEER),
});
assertProductionSecrets(env);
