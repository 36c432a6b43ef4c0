import { integerVariable } from "@lamplight/platform";
import { defineSubgraph } from "@lamplight/subgraph-kit";
import { consumes } from "./events.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { DEFAULT_MAX_GIFT_YUAN, HIGHEST_MAX_GIFT_YUAN } from "./limits.js";
import { buildFundingSchema } from "./schema.js";
import { seedFunding } from "./seed/index.js";
import { createServer } from "./server.js";

/**
 * The funding subgraph: the charity fund, its donations, pledges, grants and gifts in kind.
 * `node dist/index.js` starts it, `node dist/index.js emit-schema` writes schema.graphql; its
 * name and port are its package.json registration.
 */
export const funding = defineSubgraph({
  module: import.meta.url,
  createClient: (adapter, transactionOptions) => new PrismaClient({ adapter, transactionOptions }),
  buildSchema: buildFundingSchema,
  createServer,
  consumes,
  env: {
    /** The most one gift, pledge, grant or other money record may hold, in whole yuan. */
    MAX_GIFT_YUAN: integerVariable(DEFAULT_MAX_GIFT_YUAN, 1, HIGHEST_MAX_GIFT_YUAN),
  },
  settings: (env) => ({ maxGiftYuan: env.MAX_GIFT_YUAN }),
  demoData: {
    description: "the demo funds and gifts",
    isEmpty: async (client) => (await client.fund.count()) === 0,
    load: seedFunding,
  },
});
