import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { PARTNER_DOCS_DIRECTORY, partnerDocPages } from "./partner-docs-pages.js";

// `pnpm docs:partners` writes docs/partners/ from supergraph.graphql (run it after `pnpm
// compose`, and commit the pages); the integration test partner-docs.test.ts fails when they are
// stale.
const root = findWorkspaceRoot();
const directory = path.join(root, PARTNER_DOCS_DIRECTORY);
const pages = partnerDocPages(readFileSync(path.join(root, "supergraph.graphql"), "utf8"));
mkdirSync(directory, { recursive: true });
// A scope no longer declared leaves no page behind.
for (const file of existsSync(directory) ? readdirSync(directory) : []) {
  if (file.endsWith(".md") && !pages.has(file)) rmSync(path.join(directory, file));
}
for (const [file, text] of pages) writeFileSync(path.join(directory, file), text);
process.stdout.write(`Wrote ${pages.size} pages to ${PARTNER_DOCS_DIRECTORY}/ from supergraph.graphql.\n`);
