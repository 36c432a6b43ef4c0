import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import {
  CompositionError,
  composeSupergraph,
  discoverSubgraphs,
  findWorkspaceRoot,
} from "@lamplight/supergraph";

// `pnpm compose` writes supergraph.graphql from every services/*/schema.graphql;
// `pnpm compose:check` fails when the committed file is stale.
const check = process.argv.includes("--check");
const root = findWorkspaceRoot();
const target = path.join(root, "supergraph.graphql");
const subgraphs = discoverSubgraphs(root);

let supergraph: string;
try {
  supergraph = composeSupergraph(subgraphs);
} catch (error) {
  if (error instanceof CompositionError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  throw error;
}

const names = subgraphs.map((s) => s.name).join(", ");
if (check) {
  const committed = existsSync(target) ? readFileSync(target, "utf8") : "";
  if (committed !== supergraph) {
    process.stderr.write("supergraph.graphql is stale: run `pnpm compose` and commit the result.\n");
    process.exit(1);
  }
  process.stdout.write(`supergraph.graphql is up to date (${names}).\n`);
} else {
  writeFileSync(target, supergraph);
  process.stdout.write(`Wrote supergraph.graphql from ${names}.\n`);
}
