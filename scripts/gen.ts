import { spawnSync } from "node:child_process";
import path from "node:path";
import { parseArgs } from "node:util";
import { GeneratorInputError, generateSubgraph } from "@lamplight/generators";
import { findWorkspaceRoot } from "@lamplight/supergraph";

// `pnpm gen subgraph --name <name> --port <port> [--entity <Entity>] [--into <dir>]`: a new
// subgraph, shaped like every other, with nothing to edit by hand (docs/DEVELOPMENT.md). `--into`
// writes under another folder than the workspace (to look at what it would write).
const USAGE = "usage: pnpm gen subgraph --name <name> --port <port> [--entity <Entity>] [--into <dir>]";

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        name: { type: "string" },
        port: { type: "string" },
        entity: { type: "string" },
        into: { type: "string" },
      },
    });
  } catch (error) {
    return fail((error as Error).message);
  }
}

const { positionals, values } = readArguments();
if (positionals.length !== 1 || positionals[0] !== "subgraph") fail("pnpm gen makes one thing: a subgraph");
if (!values.name || !values.port) fail("--name and --port are required");

const root = findWorkspaceRoot();
const into = values.into ? path.resolve(values.into) : root;
try {
  const { plan, files, serviceDir } = await generateSubgraph(
    { name: values.name, port: values.port, entity: values.entity },
    { root, into },
  );
  // Names longer or shorter than the templates' own wrap differently: Biome lays the lines out.
  // Only inside the workspace, where its configuration applies.
  if (into === root) {
    const biome = path.join(root, "node_modules", ".bin", "biome");
    spawnSync(biome, ["format", "--write", serviceDir], { stdio: "ignore" });
    // Links the new package and gives it its place in pnpm-lock.yaml, so that a frozen install
    // (CI, or CI=true on a developer's machine) accepts the workspace as it now is.
    const install = spawnSync("pnpm", ["install", "--frozen-lockfile=false"], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
    if (install.status !== 0) process.stderr.write("pnpm install failed: run it before the steps below\n");
  }
  process.stdout.write(
    `${files.map((file) => `  ${file}`).join("\n")}\n\n` +
      `The ${plan.name} subgraph (entity ${plan.Entity}) is registered on port ${plan.port}. Next:\n` +
      `  pnpm compose                      emit services/${plan.name}/schema.graphql, recompose supergraph.graphql\n` +
      `  pnpm --filter @lamplight/${plan.name} test\n` +
      "  pnpm start                        it starts with the others\n",
  );
} catch (error) {
  if (error instanceof GeneratorInputError) fail(error.message);
  throw error;
}
