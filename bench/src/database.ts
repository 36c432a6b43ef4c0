import { spawn } from "node:child_process";
import { createDatabase, databaseExists, databaseUrlFor, withConnection } from "@lamplight/db-kit";
import { discoverSubgraphs } from "@lamplight/supergraph";

export type Scale = "demo" | "province";

/**
 * The benchmark's own database for a scale (`lamplight_bench_demo`, `lamplight_bench_province`),
 * on the PostgreSQL server of `serverUrl`: created when missing, so a run never touches the data
 * of a development or test database.
 */
export async function benchDatabase(serverUrl: string, scale: Scale): Promise<string> {
  const name = `lamplight_bench_${scale}`;
  await withConnection(serverUrl, async (client) => {
    if (!(await databaseExists(client, name))) await createDatabase(client, name);
  });
  return databaseUrlFor(serverUrl, name);
}

/** What the database was last seeded with (kept in a table of its own), or null. */
async function seededWith(databaseUrl: string): Promise<string | null> {
  return withConnection(databaseUrl, async (client) => {
    await client.query(
      "CREATE TABLE IF NOT EXISTS public.lamplight_bench_seed (description text NOT NULL, seeded_at timestamptz NOT NULL)",
    );
    const { rows } = await client.query<{ description: string }>(
      "SELECT description FROM public.lamplight_bench_seed ORDER BY seeded_at DESC LIMIT 1",
    );
    return rows[0]?.description ?? null;
  });
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk: Buffer) => {
      output += chunk.toString();
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${args.join(" ")} failed in ${cwd}:\n${output}`)),
    );
  });
}

/**
 * Loads every subgraph's data at the scale, unless the database already holds exactly that.
 * Each subgraph's seed script migrates its schema first; they run one after another.
 */
export async function seedBenchDatabase(
  root: string,
  databaseUrl: string,
  options: { scale: Scale; seed: number; homes: number | undefined; force: boolean },
  log: (line: string) => void,
): Promise<void> {
  const description = `scale=${options.scale} seed=${options.seed}${options.homes ? ` homes=${options.homes}` : ""}`;
  if (!options.force && (await seededWith(databaseUrl)) === description) {
    log(`database already seeded (${description})`);
    return;
  }
  // A clean load: the seeds add to what is there, so whatever an earlier run left goes first.
  const subgraphs = discoverSubgraphs(root);
  await withConnection(databaseUrl, async (client) => {
    await client.query("DELETE FROM public.lamplight_bench_seed");
    for (const subgraph of subgraphs) await client.query(`DROP SCHEMA IF EXISTS "${subgraph.name}" CASCADE`);
  });
  const args = ["dist/seed.js", "--scale", options.scale, "--seed", String(options.seed)];
  if (options.homes) args.push("--homes", String(options.homes));
  for (const subgraph of subgraphs) {
    const started = Date.now();
    const output = await run(process.execPath, args, subgraph.dir, {
      ...process.env,
      DATABASE_URL: databaseUrl,
      LOG_LEVEL: "info",
      CHECKPOINT_DISABLE: "1",
    });
    const summary = output.trim().split("\n").pop() ?? "";
    log(`seeded ${subgraph.name} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${summary}`);
  }
  await withConnection(databaseUrl, (client) =>
    client.query("INSERT INTO public.lamplight_bench_seed VALUES ($1, now())", [description]),
  );
}
