import { assertProductionSecrets, parseEnv } from "@lamplight/platform";
import { subgraphEnv } from "@lamplight/subgraph-kit";

/** The only reader of process.env in this service. */
export const env = parseEnv(subgraphEnv(4005));
assertProductionSecrets(env);
