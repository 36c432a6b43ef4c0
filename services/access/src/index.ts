import { pathVariable } from "@lamplight/platform";
import { defineSubgraph } from "@lamplight/subgraph-kit";
import { consumes } from "./events.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { DEFAULT_SUPERGRAPH_PATH } from "./modules/trusted-operation/trusted-operation.scopes.js";
import { buildAccessSchema } from "./schema.js";
import { seedAccess } from "./seed/index.js";
import { createServer } from "./server.js";

/**
 * The access subgraph: partner keys and the operations partners may run. `node dist/index.js`
 * starts it, `node dist/index.js emit-schema` writes schema.graphql; its name and port are its
 * package.json registration.
 */
export const access = defineSubgraph({
  module: import.meta.url,
  createClient: (adapter, transactionOptions) => new PrismaClient({ adapter, transactionOptions }),
  buildSchema: buildAccessSchema,
  createServer,
  consumes,
  env: {
    /** The composed supergraph: which scope each field needs, checked when an operation is registered. */
    SUPERGRAPH_PATH: pathVariable(DEFAULT_SUPERGRAPH_PATH),
  },
  settings: (env) => ({ supergraphPath: env.SUPERGRAPH_PATH }),
  // The demo partner, so partner calls can be tried at once; its key's secret is in the README.
  demoData: {
    description: "the demo partner",
    isEmpty: async (client) => (await client.apiKey.count()) === 0,
    load: seedAccess,
    outsideProductionOnly: true,
  },
});
