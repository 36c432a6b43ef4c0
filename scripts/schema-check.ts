import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { DEMO_PARTNER_OPERATIONS, DEMO_PARTNER_ORGANISATION } from "@lamplight/seed-kit";
import {
  apiSchemaSdl,
  CompositionError,
  checkSchemaChange,
  composeSupergraph,
  discoverSubgraphs,
  findWorkspaceRoot,
  firstPartyOperations,
  formatSchemaCheck,
  parseExportedOperations,
  type RegisteredOperation,
} from "@lamplight/supergraph";

// `pnpm schema:check [--base <rev>] [--operations <file>]…`: composes the supergraph from the
// subgraph schemas (without writing it), compares the graph clients see with the committed one,
// and validates every known operation against it: the demo partner's, those of each exported
// file (a deployment's registrations as [{ organisation, name, document }], from `pnpm --filter
// @lamplight/access run operations:export`), and the first-party documents
// apps/*/src/**/*.graphql. Exits 1 on a breaking change an operation uses or an operation that no
// longer validates, 2 when it cannot run. The committed supergraph compared with is, without
// --base, HEAD's when the composed one differs from it (a change not committed yet, before
// committing), else HEAD's parent's (the change HEAD made, as CI checks a pushed commit).
const { values } = parseArgs({
  options: {
    base: { type: "string" },
    operations: { type: "string", multiple: true, default: [] },
  },
});

const root = findWorkspaceRoot();

function fail(message: string): never {
  process.stderr.write(`schema:check: ${message}\n`);
  process.exit(2);
}

/** supergraph.graphql as committed at `revision`, or null when the revision or the file does not exist. */
function committedSupergraph(revision: string): string | null {
  try {
    return execFileSync("git", ["show", `${revision}:supergraph.graphql`], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return null;
  }
}

function shortCommit(revision: string): string {
  return execFileSync("git", ["rev-parse", "--short", revision], { cwd: root, encoding: "utf8" }).trim();
}

function exportedOperations(file: string): RegisteredOperation[] {
  try {
    return parseExportedOperations(readFileSync(file, "utf8"), file);
  } catch (error) {
    fail(`cannot read ${file}: ${(error as Error).message}`);
  }
}

let composed: string;
try {
  composed = composeSupergraph(discoverSubgraphs(root));
} catch (error) {
  if (error instanceof CompositionError) fail(error.message);
  throw error;
}

let base = values.base;
if (!base) {
  const head = committedSupergraph("HEAD");
  base = head === null || head !== composed ? "HEAD" : "HEAD~1";
}
const previous = committedSupergraph(base);
if (previous === null) {
  process.stdout.write(
    `no supergraph.graphql at ${base}: checking the operations against the composed graph only\n`,
  );
} else {
  process.stdout.write(
    `the composed supergraph against supergraph.graphql at ${base} (${shortCommit(base)})\n`,
  );
}

const operations = [
  ...DEMO_PARTNER_OPERATIONS.map((operation) => ({
    ...operation,
    organisation: DEMO_PARTNER_ORGANISATION.name,
    source: "demo seed",
  })),
  ...values.operations.flatMap(exportedOperations),
  ...firstPartyOperations(root),
];

let previousApi: string | null = null;
try {
  previousApi = previous === null ? null : apiSchemaSdl(previous);
} catch (error) {
  fail(`supergraph.graphql at ${base} is not a supergraph: ${(error as Error).message}`);
}
const report = checkSchemaChange({ previous: previousApi, next: apiSchemaSdl(composed), operations });
process.stdout.write(`${formatSchemaCheck(report)}\n`);
process.exitCode = report.failed ? 1 : 0;
