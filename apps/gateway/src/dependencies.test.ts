import { existsSync, readFileSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const gatewayDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/**
 * What only subgraphs need (type-graphql and what it builds on, federation's subgraph library) and
 * the demo world (seed-kit, development only): none of it belongs in the deployable gateway.
 */
const NOT_IN_THE_GATEWAY = ["type-graphql", "@apollo/subgraph", "class-validator", "@lamplight/seed-kit"];

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The directory `name` resolves to from `fromDir`, as Node finds it: the nearest node_modules up. */
function packageDir(fromDir: string, name: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return realpathSync(candidate);
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Every package the gateway's production dependencies bring, transitively (workspace packages and
 * third-party ones alike), each with the chain that brings it.
 */
function productionTree(rootDir: string): Map<string, string[]> {
  const reached = new Map<string, string[]>();
  const pending: { dir: string; chain: string[] }[] = [{ dir: rootDir, chain: [] }];
  const visited = new Set<string>();
  while (pending.length > 0) {
    const { dir, chain } = pending.pop()!;
    if (visited.has(dir)) continue;
    visited.add(dir);
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
    const names = [
      ...Object.keys(manifest.dependencies ?? {}),
      ...Object.keys(manifest.optionalDependencies ?? {}),
    ];
    for (const name of names) {
      const found = packageDir(dir, name);
      // An optional dependency for another platform is not installed.
      if (!found) continue;
      const via = [...chain, manifest.name];
      if (!reached.has(name)) reached.set(name, via);
      pending.push({ dir: found, chain: via });
    }
  }
  return reached;
}

describe("the gateway's production dependencies", () => {
  const tree = productionTree(gatewayDir);

  it("reach the platform package and what it builds on", () => {
    expect(tree.has("@lamplight/platform")).toBe(true);
    expect(tree.has("graphql")).toBe(true);
  });

  it("do not include what only subgraphs or the demo world need", () => {
    const found = NOT_IN_THE_GATEWAY.filter((name) => tree.has(name)).map(
      (name) => `${name} (via ${tree.get(name)!.join(" → ")})`,
    );
    expect(found).toEqual([]);
  });
});
