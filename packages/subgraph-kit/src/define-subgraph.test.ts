import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { PrismaLike } from "@lamplight/db-kit";
import { integerVariable } from "@lamplight/platform";
import { Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it, vi } from "vitest";
import { defineSubgraph, type SubgraphServerDeps } from "./define-subgraph.js";
import { buildFederatedSchema } from "./federation.js";

@ObjectType("Notice")
class Notice {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => Notice)
class NoticeResolver {
  @Query(() => Notice, { nullable: true, description: "The latest notice." })
  latestNotice(): Notice | null {
    return null;
  }
}

/** A package directory with a package.json registration and a src/index.ts to declare from. */
function packageDir(manifest: object): { dir: string; module: string } {
  const dir = mkdtempSync(path.join(tmpdir(), "define-subgraph-"));
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(manifest));
  mkdirSync(path.join(dir, "src"));
  return { dir, module: pathToFileURL(path.join(dir, "src", "index.ts")).href };
}

const unusedClient = (): PrismaLike => {
  throw new Error("no database in this test");
};

function declare(module: string, createServer = vi.fn()) {
  return defineSubgraph({
    module,
    createClient: unusedClient,
    buildSchema: () => buildFederatedSchema({ resolvers: [NoticeResolver] }),
    createServer: (deps: SubgraphServerDeps<PrismaLike> & { maxNotices?: number }) => createServer(deps),
    env: { MAX_NOTICES: integerVariable(20, 1, 100) },
    settings: (env) => ({ maxNotices: env.MAX_NOTICES }),
  });
}

describe("defineSubgraph", () => {
  it("takes the name and port from the package.json registration, and the package from the module", () => {
    const { dir, module } = packageDir({
      name: "@lamplight/notices",
      lamplight: { subgraph: "notices", port: 4090 },
    });
    const notices = declare(module);
    expect(notices).toMatchObject({ name: "notices", port: 4090, serviceDir: dir });
  });

  it("refuses a package without a registration, naming the file", () => {
    const { dir, module } = packageDir({ name: "@lamplight/notices" });
    expect(() => declare(module)).toThrow(`${path.join(dir, "package.json")} has no "lamplight"`);
  });

  it("reads every subgraph's settings and its own, the port defaulting to the registration's", () => {
    const { module } = packageDir({
      name: "@lamplight/notices",
      lamplight: { subgraph: "notices", port: 4090 },
    });
    vi.stubEnv("PORT", undefined);
    vi.stubEnv("MAX_NOTICES", "7");
    try {
      const env = declare(module).env();
      expect(env.PORT).toBe(4090);
      expect(env.MAX_NOTICES).toBe(7);
      expect(env.SEED_ON_EMPTY).toBe(true);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("gives tests the declared server with the common deps", async () => {
    const { module } = packageDir({
      name: "@lamplight/notices",
      lamplight: { subgraph: "notices", port: 4090 },
    });
    const createServer = vi.fn().mockResolvedValue({ listen: vi.fn() });
    const deps = { name: "notices" } as SubgraphServerDeps<PrismaLike>;
    await declare(module, createServer).createServer(deps);
    expect(createServer).toHaveBeenCalledWith(deps);
  });

  it("writes schema.graphql into the package: the SDL composition reads", async () => {
    const { dir, module } = packageDir({
      name: "@lamplight/notices",
      lamplight: { subgraph: "notices", port: 4090 },
    });
    const written = await declare(module).emitSchema();
    expect(written).toBe(path.join(dir, "schema.graphql"));
    const sdl = readFileSync(written, "utf8");
    expect(sdl).toContain("latestNotice: Notice");
    expect(sdl.endsWith("}\n")).toBe(true);
  });
});
