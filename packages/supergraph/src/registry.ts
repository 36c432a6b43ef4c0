import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A subgraph as the workspace registers it: `"lamplight": { "subgraph", "port" }` in its package.json. */
export interface RegisteredSubgraph {
  /** The subgraph's name in the supergraph, e.g. `sites`. */
  name: string;
  /** The npm package, e.g. `@lamplight/sites`. */
  packageName: string;
  /** The service's directory. */
  dir: string;
  /** The port it listens on by default. */
  port: number;
  /** Where the gateway reaches it by default. */
  url: string;
  /** The committed SDL the supergraph is composed from. */
  schemaPath: string;
}

/** The monorepo root: the nearest directory above `from` holding pnpm-workspace.yaml. */
export function findWorkspaceRoot(from = process.cwd()): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, "pnpm-workspace.yaml"))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`no pnpm-workspace.yaml above ${from}`);
    dir = parent;
  }
  return dir;
}

/**
 * Every subgraph under services/, found by its package.json registration, in name order. Adding a
 * subgraph needs nothing beyond that registration: start-up, composition and tests read this list.
 */
export function discoverSubgraphs(root = findWorkspaceRoot()): RegisteredSubgraph[] {
  const servicesDir = path.join(root, "services");
  const subgraphs: RegisteredSubgraph[] = [];
  for (const entry of readdirSync(servicesDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const dir = path.join(servicesDir, entry.name);
    const manifestPath = path.join(dir, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
      name: string;
      lamplight?: { subgraph?: string; port?: number };
    };
    const registration = manifest.lamplight;
    if (!registration?.subgraph || !registration.port) continue;
    subgraphs.push({
      name: registration.subgraph,
      packageName: manifest.name,
      dir,
      port: registration.port,
      url: `http://localhost:${registration.port}/graphql`,
      schemaPath: path.join(dir, "schema.graphql"),
    });
  }
  const ports = new Set(subgraphs.map((s) => s.port));
  if (ports.size !== subgraphs.length) throw new Error("two subgraphs are registered on the same port");
  return subgraphs.sort((a, b) => a.name.localeCompare(b.name));
}
