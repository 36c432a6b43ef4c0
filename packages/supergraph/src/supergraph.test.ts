import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CompositionError, composeSupergraph } from "./compose.js";
import { discoverSubgraphs, findWorkspaceRoot } from "./registry.js";

describe("discoverSubgraphs", () => {
  it("finds every registered service with its port and URL", () => {
    const sites = discoverSubgraphs().find((subgraph) => subgraph.name === "sites");
    expect(sites).toMatchObject({
      packageName: "@lamplight/sites",
      port: 4001,
      url: "http://localhost:4001/graphql",
    });
  });

  it("ignores a directory without a registration and refuses two subgraphs on one port", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "lamplight-registry-"));
    const service = (name: string, manifest: object) => {
      mkdirSync(path.join(root, "services", name), { recursive: true });
      writeFileSync(path.join(root, "services", name, "package.json"), JSON.stringify(manifest));
    };
    service("tools", { name: "@lamplight/tools" });
    service("a", { name: "@lamplight/a", lamplight: { subgraph: "a", port: 4101 } });
    expect(discoverSubgraphs(root).map((s) => s.name)).toEqual(["a"]);
    service("b", { name: "@lamplight/b", lamplight: { subgraph: "b", port: 4101 } });
    expect(() => discoverSubgraphs(root)).toThrow(/same port/);
  });
});

describe("composeSupergraph", () => {
  it("reproduces the committed supergraph from the committed subgraph schemas", () => {
    const root = findWorkspaceRoot();
    expect(composeSupergraph(discoverSubgraphs(root))).toBe(
      readFileSync(path.join(root, "supergraph.graphql"), "utf8"),
    );
  });

  it("fails with the composer's own message when subgraphs disagree", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lamplight-compose-"));
    const subgraph = (name: string, sdl: string) => {
      const schemaPath = path.join(dir, `${name}.graphql`);
      writeFileSync(schemaPath, sdl);
      return { name, packageName: name, dir, port: 1, url: `http://${name}/graphql`, schemaPath };
    };
    const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])`;
    const attempt = () =>
      composeSupergraph([
        subgraph("one", `${link} type Query { home: Home } type Home { id: ID! }`),
        subgraph("two", `${link} type Query { other: Int } type Home { id: String! }`),
      ]);
    expect(attempt).toThrow(CompositionError);
    expect(attempt).toThrow(/Home/);
  });
});
