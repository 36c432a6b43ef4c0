import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type StartedGraph } from "@lamplight/graph-harness";
import { DEMO_USERS } from "@lamplight/seed-kit";
import { discoverSubgraphs, findWorkspaceRoot } from "@lamplight/supergraph";
import { bearerHeaders, execute, type GraphQLResponse } from "@lamplight/testing";
import { type DefinitionNode, Kind, type OperationDefinitionNode, parse, print } from "graphql";

// The example queries of the README and of docs/subgraphs/*.md, read from the Markdown as a reader
// copies them, so that a test can run each against the demo data. A block may be preceded by an
// HTML comment saying how to run it (invisible on the rendered page):
//   <!-- example {"as": "demo-city-admin-mianyang", "variables": {"id": "…"}} -->
// `as` names a demo user (apps/gateway demo-users; without it, the public), `variables` the
// values of its required variables, `subgraph` a subgraph to call directly instead of the gateway
// (for `_entities`), `errors` the error codes the example is there to show (each must appear),
// `empty` true for a log that fills only with the writes shown above it (a fresh demo has none).
// Type definitions are not examples; mutations change the data and are shown, not run.

export interface DocumentedQuery {
  /** Where the block starts, as `file:line`. */
  at: string;
  /** One query operation of the block, printed on its own (a block may show several). */
  query: string;
  as?: string;
  variables?: Record<string, unknown>;
  subgraph?: string;
  errors?: string[];
  empty?: boolean;
}

type Annotation = Omit<DocumentedQuery, "at" | "query">;

const ANNOTATION = /^<!--\s*example\s+(\{.*\})\s*-->$/;

/**
 * The README and every page of docs/subgraphs but those of subgraphs this suite does not depend on:
 * a new subgraph's examples run here once it joins the composed graph (integration-tests/package.json).
 */
function documentFiles(root: string): string[] {
  const subgraphs = path.join(root, "docs", "subgraphs");
  const files = ["README.md"];
  const suite = JSON.parse(readFileSync(path.join(root, "integration-tests", "package.json"), "utf8")) as {
    devDependencies: Record<string, string>;
  };
  const outside = new Set(
    discoverSubgraphs(root)
      .filter((subgraph) => !(subgraph.packageName in suite.devDependencies))
      .map((subgraph) => `${subgraph.name}.md`),
  );
  const pages = readdirSync(subgraphs).filter((name) => name.endsWith(".md") && !outside.has(name));
  // Sorted, so that failures are reported in a stable order.
  for (const name of pages.sort()) files.push(path.join("docs", "subgraphs", name));
  return files;
}

/** Every query of the documented examples, with how to run it. */
export function documentedQueries(root = findWorkspaceRoot()): DocumentedQuery[] {
  const queries: DocumentedQuery[] = [];
  for (const file of documentFiles(root)) {
    const lines = readFileSync(path.join(root, file), "utf8").split("\n");
    for (let start = 0; start < lines.length; start++) {
      if (lines[start]!.trim() !== "```graphql") continue;
      let end = start + 1;
      while (end < lines.length && lines[end]!.trim() !== "```") end++;
      const at = `${file}:${start + 1}`;
      const annotation = annotationBefore(lines, start, at);
      for (const query of queriesOf(lines.slice(start + 1, end).join("\n"))) {
        queries.push({ at, query, ...annotation });
      }
      start = end;
    }
  }
  return queries;
}

/** The `<!-- example … -->` comment of the block starting at `start`, if the line above holds one. */
function annotationBefore(lines: readonly string[], start: number, at: string): Annotation {
  let above = start - 1;
  while (above >= 0 && lines[above]!.trim() === "") above--;
  const match = ANNOTATION.exec(lines[above]?.trim() ?? "");
  if (!match) return {};
  try {
    return JSON.parse(match[1]!) as Annotation;
  } catch (error) {
    throw new Error(`${at}: the example's annotation is not JSON: ${(error as Error).message}`);
  }
}

/** The block's query operations, each printed with the fragments of the block; none for type definitions. */
function queriesOf(block: string): string[] {
  let definitions: readonly DefinitionNode[];
  try {
    definitions = parse(block).definitions;
  } catch {
    // Type definitions with elisions, or a signature: not an operation a reader runs.
    return [];
  }
  const fragments = definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION);
  return definitions
    .filter(
      (definition): definition is OperationDefinitionNode =>
        definition.kind === Kind.OPERATION_DEFINITION && definition.operation === "query",
    )
    .map((operation) => print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }));
}

/**
 * What is wrong with an example's answer: an error it is not there to show (or one it is there to
 * show missing), a top-level field null, a top-level list empty (unless `empty` allows it).
 */
export function problemsOfAnswer(
  response: GraphQLResponse,
  example: Pick<DocumentedQuery, "errors" | "empty"> = {},
): string[] {
  const shown = new Set(example.errors ?? []);
  const codes = new Set((response.errors ?? []).map((error) => String(error.extensions?.code)));
  const problems = (response.errors ?? [])
    .filter((error) => !shown.has(String(error.extensions?.code)))
    .map(
      (error) =>
        `${error.path?.join(".") ?? "(document)"}: ${error.message} (${error.extensions?.code ?? "no code"})`,
    );
  for (const code of shown) if (!codes.has(code)) problems.push(`no ${code} error, which the example shows`);
  if (!response.data) return [...problems, "no data"];
  for (const [field, value] of Object.entries(response.data)) {
    if (value === null) problems.push(`${field} is null`);
    else if (example.empty) continue;
    else if (Array.isArray(value) && value.length === 0) problems.push(`${field} is empty`);
    else if (isConnection(value) && value.edges.length === 0) problems.push(`${field} has no edges`);
  }
  return problems;
}

function isConnection(value: unknown): value is { edges: unknown[] } {
  return typeof value === "object" && value !== null && Array.isArray((value as { edges?: unknown }).edges);
}

/** Runs a documented query as its annotation says: through the gateway, or on one subgraph. */
export async function runDocumentedQuery(
  graph: StartedGraph,
  example: DocumentedQuery,
): Promise<GraphQLResponse> {
  let headers: Record<string, string> = {};
  if (example.as) {
    const user = DEMO_USERS.find((candidate) => candidate.subject === example.as);
    if (!user) throw new Error(`${example.at}: no demo user ${example.as}`);
    headers = await bearerHeaders(user);
  }
  if (!example.subgraph) return graph.execute(example.query, example.variables, headers);
  const subgraph = graph.subgraphs[example.subgraph];
  if (!subgraph) throw new Error(`${example.at}: no subgraph ${example.subgraph} in this graph`);
  // Called directly, a subgraph sees the public: as a reader trying the example would.
  return execute(subgraph.url, example.query, example.variables);
}
