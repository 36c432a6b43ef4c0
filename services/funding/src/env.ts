import { assertProductionSecrets, integerVariable, parseEnv } from "@lamplight/platform";
import { subgraphEnv } from "@lamplight/subgraph-kit";
import { DEFAULT_MAX_GIFT_YUAN, HIGHEST_MAX_GIFT_YUAN } from "./limits.js";

/** The only reader of process.env in this service. */
export const env = parseEnv({
  ...subgraphEnv(4003),
  /** The most one gift, pledge, grant or other money record may hold, in whole yuan. */
  MAX_GIFT_YUAN: integerVariable(DEFAULT_MAX_GIFT_YUAN, 1, HIGHEST_MAX_GIFT_YUAN),
});
assertProductionSecrets(env);
