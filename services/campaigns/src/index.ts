import { defineSubgraph } from "@lamplight/subgraph-kit";
import { consumes } from "./events.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { buildCampaignsSchema } from "./schema.js";
import { seedCampaigns } from "./seed/index.js";
import { createServer } from "./server.js";

/**
 * The campaigns subgraph: projects, activities and awards. `node dist/index.js` starts it,
 * `node dist/index.js emit-schema` writes schema.graphql; its name and port are its package.json
 * registration.
 */
export const campaigns = defineSubgraph({
  module: import.meta.url,
  createClient: (adapter, transactionOptions) => new PrismaClient({ adapter, transactionOptions }),
  buildSchema: buildCampaignsSchema,
  createServer,
  consumes,
  demoData: {
    description: "the demo projects, activities and awards",
    isEmpty: async (client) => (await client.project.count()) === 0,
    load: seedCampaigns,
  },
});
