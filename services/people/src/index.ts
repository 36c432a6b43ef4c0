import { integerVariable } from "@lamplight/platform";
import { defineSubgraph } from "@lamplight/subgraph-kit";
import { consumes } from "./events.js";
import { PrismaClient } from "./generated/prisma/client.js";
import { DEFAULT_MAX_CHILDREN_PER_VOLUNTEER } from "./limits.js";
import { buildPeopleSchema } from "./schema.js";
import { seedPeople } from "./seed/index.js";
import { createServer } from "./server.js";

/**
 * The people subgraph: children, guardians, volunteers and partner organisations. `node
 * dist/index.js` starts it, `node dist/index.js emit-schema` writes schema.graphql; its name and
 * port are its package.json registration.
 */
export const people = defineSubgraph({
  module: import.meta.url,
  createClient: (adapter, transactionOptions) => new PrismaClient({ adapter, transactionOptions }),
  buildSchema: buildPeopleSchema,
  createServer,
  consumes,
  env: {
    /** How many children one volunteer may be paired with at once. */
    MAX_CHILDREN_PER_VOLUNTEER: integerVariable(DEFAULT_MAX_CHILDREN_PER_VOLUNTEER),
  },
  settings: (env) => ({ maxChildrenPerVolunteer: env.MAX_CHILDREN_PER_VOLUNTEER }),
  demoData: {
    description: "the demo province's organisations and children",
    isEmpty: async (client) =>
      (await client.organisation.count()) === 0 && (await client.student.count()) === 0,
    load: seedPeople,
  },
});
