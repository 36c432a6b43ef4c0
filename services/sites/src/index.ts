import { defineSubgraph } from "@lamplight/subgraph-kit";
import { consumes } from "./events.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { buildSitesSchema } from "./schema.js";
import { seedSites } from "./seed/index.js";
import { createServer } from "./server.js";

/**
 * The sites subgraph: the homes, their lifecycle, facilities, equipment and assessments. `node
 * dist/index.js` starts it, `node dist/index.js emit-schema` writes schema.graphql; its name and
 * port are its package.json registration.
 */
export const sites = defineSubgraph({
  module: import.meta.url,
  createClient: (adapter, transactionOptions) => new PrismaClient({ adapter, transactionOptions }),
  buildSchema: buildSitesSchema,
  createServer,
  consumes,
  demoData: {
    description: "the demo province",
    isEmpty: async (client) => (await client.site.count()) === 0,
    load: seedSites,
  },
});
