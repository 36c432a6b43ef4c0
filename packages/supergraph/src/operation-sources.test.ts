import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { firstPartyOperations, parseExportedOperations } from "./operation-sources.js";

describe("firstPartyOperations", () => {
  it("reads every apps/*/src/**/*.graphql, named by its operations or its file", () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "lamplight-operations-"));
    mkdirSync(path.join(root, "apps", "web", "src", "homes"), { recursive: true });
    mkdirSync(path.join(root, "apps", "gateway", "src"), { recursive: true });
    writeFileSync(
      path.join(root, "apps", "web", "src", "homes", "list.graphql"),
      "query Homes { sites { id } }",
    );
    writeFileSync(path.join(root, "apps", "web", "src", "broken.graphql"), "query {");
    writeFileSync(path.join(root, "apps", "web", "src", "homes", "list.ts"), "export {}");
    expect(firstPartyOperations(root)).toEqual([
      {
        organisation: "apps/web",
        name: "broken.graphql",
        document: "query {",
        source: "apps/web/src/broken.graphql",
      },
      {
        organisation: "apps/web",
        name: "Homes",
        document: "query Homes { sites { id } }",
        source: "apps/web/src/homes/list.graphql",
      },
    ]);
  });
});

describe("parseExportedOperations", () => {
  it("reads an export and refuses anything else", () => {
    const row = { organisation: "天府广播电视台", name: "CityHomes", document: "{ sites { id } }" };
    expect(parseExportedOperations(JSON.stringify([row]), "ops.json")).toEqual([
      { ...row, source: "ops.json" },
    ]);
    expect(() => parseExportedOperations(JSON.stringify([{ name: "x" }]), "ops.json")).toThrow(/ops.json/);
  });
});
