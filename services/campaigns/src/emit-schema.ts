import { writeFileSync } from "node:fs";
import path from "node:path";
import { printSubgraphSchema } from "@apollo/subgraph";
import { SERVICE_DIR } from "./database.js";
import { buildCampaignsSchema } from "./schema.js";

// Writes schema.graphql, the SDL that `pnpm compose` reads; committed, checked in CI.
const schema = await buildCampaignsSchema();
writeFileSync(path.join(SERVICE_DIR, "schema.graphql"), `${printSubgraphSchema(schema).trim()}\n`);
