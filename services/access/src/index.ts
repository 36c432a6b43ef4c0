import { integerVariable, pathVariable } from "@lamplight/platform";
import { defineSubgraph } from "@lamplight/subgraph-kit";
import { consumes } from "./events.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { DEFAULT_SUPERGRAPH_PATH } from "./modules/trusted-operation/trusted-operation.scopes.js";
import { DEFAULT_WEBHOOK_DELIVERY } from "./modules/webhook/webhook.delivery.js";
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
    /** A failed webhook delivery's first retry, in ms; each next waits twice as long, up to 120 times this. */
    WEBHOOK_RETRY_BASE_MS: integerVariable(DEFAULT_WEBHOOK_DELIVERY.retryBaseMs),
    /** How long a webhook delivery is retried before its subscription is paused, in ms (a day). */
    WEBHOOK_GIVE_UP_AFTER_MS: integerVariable(DEFAULT_WEBHOOK_DELIVERY.giveUpAfterMs),
  },
  settings: (env) => ({
    supergraphPath: env.SUPERGRAPH_PATH,
    production: env.NODE_ENV === "production",
    webhookDelivery: { retryBaseMs: env.WEBHOOK_RETRY_BASE_MS, giveUpAfterMs: env.WEBHOOK_GIVE_UP_AFTER_MS },
  }),
  // The demo partner, so partner calls can be tried at once; its key's secret is in the README.
  demoData: {
    description: "the demo partner",
    isEmpty: async (client) => (await client.apiKey.count()) === 0,
    load: seedAccess,
    outsideProductionOnly: true,
  },
});
