import { existsSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { afterAll, describe, expect, it } from "vitest";
import { GeneratorInputError, generateSubgraph, planSubgraph, SUBGRAPH_TABLES_LINK } from "./subgraph.js";

const root = findWorkspaceRoot();
const into = mkdtempSync(path.join(os.tmpdir(), "lamplight-gen-"));
afterAll(() => rmSync(into, { recursive: true, force: true }));

const NOW = new Date("2026-12-03T12:15:30Z");
const read = (file: string) => readFileSync(path.join(into, file), "utf8");

describe("pnpm gen subgraph", () => {
  it("writes a subgraph shaped like the others, its first migration and its docs page", async () => {
    const { files, serviceDir } = await generateSubgraph(
      { name: "notices", port: 4090 },
      { root, into, now: NOW },
    );
    expect(serviceDir).toBe(path.join(into, "services", "notices"));
    const service = "services/notices";
    const module = `${service}/src/modules/notice`;
    expect(files).toEqual(
      [
        `${service}/package.json`,
        `${service}/prisma.config.ts`,
        `${service}/prisma/migrations/20261203121530_init/migration.sql`,
        `${service}/prisma/migrations/migration_lock.toml`,
        `${service}/prisma/schema.prisma`,
        `${service}/prisma/subgraph-tables.prisma`,
        `${service}/src/context.ts`,
        `${service}/src/events.ts`,
        `${service}/src/index.ts`,
        ...[
          "access.test",
          "inputs",
          "loader",
          "policy",
          "reference",
          "repository",
          "resolver",
          "test",
          "type",
        ].map((role) => `${module}/notice.${role}.ts`),
        `${service}/src/modules/site/site.replica.ts`,
        `${service}/src/modules/site/site.type.ts`,
        `${service}/src/references-listing.ts`,
        `${service}/src/schema.ts`,
        `${service}/src/server.ts`,
        `${service}/src/testing.ts`,
        `${service}/tsconfig.build.json`,
        `${service}/tsconfig.json`,
        `${service}/vitest.config.ts`,
        "docs/subgraphs/notices.md",
      ].map((file) => file.split("/").join(path.sep)),
    );
    // composition emits it; the generator never writes one
    expect(existsSync(path.join(serviceDir, "schema.graphql"))).toBe(false);

    const manifest = JSON.parse(read(`${service}/package.json`));
    expect(manifest).toMatchObject({
      name: "@lamplight/notices",
      lamplight: { subgraph: "notices", port: 4090 },
    });
    // The scripts every subgraph has, but seed (all five load demo data; a new one has none yet).
    // A subgraph may add its own, as access has its operations export.
    const everySubgraphs = ["access", "campaigns", "funding", "people", "sites"]
      .map((name) => readFileSync(path.join(root, "services", name, "package.json"), "utf8"))
      .map((manifestText) => Object.keys(JSON.parse(manifestText).scripts as Record<string, string>))
      .reduce((common, scripts) => common.filter((script) => scripts.includes(script)));
    expect(Object.keys(manifest.scripts).sort()).toEqual(
      everySubgraphs.filter((script) => script !== "seed").sort(),
    );

    const migration = read(`${service}/prisma/migrations/20261203121530_init/migration.sql`);
    expect(
      migration.startsWith(
        readFileSync(path.join(root, "packages/db-kit/prisma/subgraph-tables.sql"), "utf8"),
      ),
    ).toBe(true);
    expect(migration).toContain('CREATE TABLE "Notice" (');
    expect(migration).toContain('CREATE TABLE "SiteReplica" (');

    // Relative, so that it holds in every clone; from a real service folder it names db-kit's file.
    const link = path.join(serviceDir, "prisma", "subgraph-tables.prisma");
    expect(readlinkSync(link)).toBe(SUBGRAPH_TABLES_LINK);
    expect(existsSync(path.resolve(root, "services", "access", "prisma", SUBGRAPH_TABLES_LINK))).toBe(true);

    for (const file of files.filter((file) => !file.endsWith("subgraph-tables.prisma"))) {
      expect(read(file), file).not.toMatch(/\{\{|\}\}\}/);
    }
    expect(read(`${module}/notice.resolver.ts`)).toContain("createNotice(");
    expect(read(`${service}/src/schema.ts`)).toContain('"noticesAuditLog"');
    expect(read(`${service}/src/testing.ts`)).toContain("notices as noticesService");
  });

  it("names the module, files, types and fields after --entity", async () => {
    const { serviceDir } = await generateSubgraph(
      { name: "visits", port: 4091, entity: "HomeVisit" },
      { root, into, now: NOW },
    );
    const module = path.join(serviceDir, "src", "modules", "home-visit");
    expect(readdirSync(module)).toContain("home-visit.policy.ts");
    const resolver = readFileSync(path.join(module, "home-visit.resolver.ts"), "utf8");
    expect(resolver).toContain("export class HomeVisitResolver");
    expect(resolver).toContain("homeVisits(");
    expect(resolver).toContain("...HOME_VISIT_READERS");
    expect(readFileSync(path.join(serviceDir, "prisma", "schema.prisma"), "utf8")).toContain(
      "model HomeVisit {",
    );
  });

  it("refuses a name, port or entity it cannot use, saying which and why", () => {
    const problems = (options: Parameters<typeof planSubgraph>[0]) => {
      try {
        planSubgraph(options, root);
      } catch (error) {
        expect(error).toBeInstanceOf(GeneratorInputError);
        return (error as Error).message;
      }
      return "";
    };
    expect(problems({ name: "people", port: 4090 })).toBe('--name "people": that subgraph already exists');
    expect(problems({ name: "home-visits", port: 4090 })).toMatch(/lower-case letters/);
    expect(problems({ name: "notices", port: 4000 })).toBe("--port 4000: that is the gateway's port");
    expect(problems({ name: "notices", port: 4005 })).toBe(
      "--port 4005: access is registered on it (services/access)",
    );
    expect(problems({ name: "notices", port: "next" })).toMatch(/whole number/);
    expect(problems({ name: "notices", port: 4090, entity: "Site" })).toMatch(/already has that type/);
    expect(problems({ name: "notices", port: 4090, entity: "Notice2" })).toMatch(/letters only/);
    expect(problems({ name: "Bad", port: 4001 }).split("\n")).toHaveLength(2);
  });
});
