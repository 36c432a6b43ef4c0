import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { IDENTITY_HEADER, identityKey, signDevelopmentToken, signIdentity } from "@lamplight/platform";
import { DEMO_SEED, demoPartnerKeySecret } from "@lamplight/seed-kit";
import { discoverSubgraphs, findWorkspaceRoot } from "@lamplight/supergraph";
import { benchDatabase, type Scale, seedBenchDatabase } from "./database.js";
import { type BenchGraph, startBenchGraph } from "./graph.js";
import { runLoad } from "./load.js";
import { ProcessSampler, type Server } from "./processes.js";
import { type Measurement, renderReport, type ScenarioResult, type Target } from "./report.js";
import { type Caller, principalOf, SCENARIOS, type Scenario } from "./scenarios.js";

// `pnpm bench [--scale demo|province] [--homes N] [--duration 30] [--warmup 5] [--connections 50]
//  [--scenario name …] [--target lamplight|hive|direct …] [--reseed]`:
// seeds (once per scale) and starts the whole graph on PostgreSQL, then drives each scenario
// through Lamplight's gateway, Hive Gateway and the subgraph directly, and prints and writes the
// figures (bench/results/<date>.md).

const { values } = parseArgs({
  options: {
    scale: { type: "string", default: "demo" },
    duration: { type: "string", default: "30" },
    warmup: { type: "string", default: "5" },
    connections: { type: "string", default: "50" },
    seed: { type: "string", default: String(DEMO_SEED) },
    homes: { type: "string" },
    scenario: { type: "string", multiple: true },
    reseed: { type: "boolean", default: false },
    target: { type: "string", multiple: true },
  },
});

const log = (line: string) => process.stderr.write(`bench | ${line}\n`);
const scale = values.scale as Scale;
if (scale !== "demo" && scale !== "province") throw new Error("--scale must be demo or province");
const duration = Number(values.duration);
const warmup = Number(values.warmup);
const connections = Number(values.connections);
const root = findWorkspaceRoot();

// PostgreSQL: DATABASE_URL when it names a server, else the usual local one. The benchmark creates
// its own databases there and never touches the one named.
const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";
const serverUrl =
  process.env.DATABASE_URL && /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL)
    ? process.env.DATABASE_URL
    : LOCAL_POSTGRES;

const scenarios = values.scenario
  ? SCENARIOS.filter((scenario) => values.scenario!.includes(scenario.name))
  : SCENARIOS;

const databaseUrl = await benchDatabase(serverUrl, scale).catch((error: Error) => {
  process.stderr.write(
    `pnpm bench runs on PostgreSQL and could not create its database at ${new URL(serverUrl).host}: ${error.message}\n` +
      "Set DATABASE_URL to a server where this role may create databases.\n",
  );
  process.exit(2);
});
await seedBenchDatabase(
  root,
  databaseUrl,
  {
    scale,
    seed: Number(values.seed),
    homes: values.homes ? Number(values.homes) : undefined,
    force: values.reseed,
  },
  log,
);

log("starting the subgraphs, Lamplight's gateway and Hive Gateway");
const graph = await startBenchGraph(root, databaseUrl);
const stopOnSignal = () => void graph.stop().then(() => process.exit(130));
process.once("SIGINT", stopOnSignal);
process.once("SIGTERM", stopOnSignal);

/**
 * Headers for each of a caller's users through a target: a token or key for our gateway, the
 * signed identity our gateway would forward for the others.
 */
async function callersFor(caller: Caller, target: Target): Promise<Record<string, string>[]> {
  const users = caller.kind === "staff" ? caller.users : 1;
  return Promise.all(
    Array.from({ length: users }, async (_, user): Promise<Record<string, string>> => {
      if (target !== "lamplight") {
        const identity = await signIdentity(
          principalOf(caller, user),
          identityKey(graph.identitySecret),
          // Another gateway forwards it to every subgraph as it is.
          { audience: discoverSubgraphs().map((subgraph) => subgraph.name), ttlSeconds: 7_200 },
        );
        return { [IDENTITY_HEADER]: identity };
      }
      if (caller.kind === "public") return {};
      if (caller.kind === "partner") return { "x-api-key": demoPartnerKeySecret(Number(values.seed)) };
      const token = await signDevelopmentToken(
        { subject: `${caller.subject}-${user}`, roles: [...caller.roles], region: caller.region },
        graph.tokenKey,
        "2h",
      );
      return { authorization: `Bearer ${token}` };
    }),
  );
}

async function post<Data = unknown>(
  url: string,
  headers: Record<string, string>,
  query: string,
  variables?: object,
): Promise<{ data?: Data; errors?: unknown[] }> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Data; errors?: unknown[] };
}

/** SQL statements sent and GraphQL requests answered so far, summed over every subgraph. */
async function subgraphCounters(
  subgraphs: BenchGraph["subgraphs"],
): Promise<{ statements: number; requests: number }> {
  const totals = { statements: 0, requests: 0 };
  for (const server of subgraphs.values()) {
    const text = await fetch(new URL("/metrics", server.url)).then((response) => response.text());
    totals.statements += Number(/^lamplight_sql_statements_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
    totals.requests += Number(/^lamplight_graphql_requests_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? 0);
  }
  return totals;
}

/**
 * Waits until the subgraphs have stopped answering: the warm-up's last requests, still under way
 * when its load generator stopped, must not be counted against the measured run.
 */
async function settled(subgraphs: BenchGraph["subgraphs"]): Promise<void> {
  let last = await subgraphCounters(subgraphs);
  for (let waited = 0; waited < 15_000; waited += 250) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await subgraphCounters(subgraphs);
    if (now.requests === last.requests && now.statements === last.statements) return;
    last = now;
  }
}

async function measure(scenario: Scenario, target: Target, variables: object): Promise<Measurement> {
  const front: Server =
    target === "lamplight"
      ? graph.lamplight
      : target === "hive"
        ? graph.hive
        : graph.subgraphs.get(scenario.direct!.subgraph)!;
  const query = target === "direct" ? scenario.direct!.query : scenario.query;
  const callers = await callersFor(scenario.caller, target);
  const body = JSON.stringify({ query, variables });
  // One request first: a scenario that fails outright is reported, not timed.
  const probe = await post(
    front.url,
    callers[0]!,
    query,
    JSON.parse(body.replaceAll("__UNIQUE__", "probe")).variables,
  );
  if (probe.errors)
    log(`${scenario.name} through ${target} answers errors: ${JSON.stringify(probe.errors).slice(0, 400)}`);
  const plan = { url: front.url, connections, callers, body };
  await runLoad({ ...plan, durationSeconds: warmup });
  await settled(graph.subgraphs);
  const subgraphServers = [...graph.subgraphs.values()];
  const sampler = new ProcessSampler([front, ...subgraphServers.filter((server) => server !== front)]);
  const before = await subgraphCounters(graph.subgraphs);
  sampler.start();
  const load = await runLoad({ ...plan, durationSeconds: duration });
  const usage = sampler.stop();
  const after = await subgraphCounters(graph.subgraphs);
  const perRequest = (value: number) => (load.requests > 0 ? value / load.requests : 0);
  return {
    target,
    load,
    frontRssBytes: usage.get(front.name)?.peakRssBytes ?? 0,
    subgraphsRssBytes: subgraphServers.reduce(
      (sum, server) => sum + (usage.get(server.name)?.peakRssBytes ?? 0),
      0,
    ),
    statementsPerRequest: perRequest(after.statements - before.statements),
    subgraphRequestsPerRequest: perRequest(after.requests - before.requests),
    cpuMsPerRequest: Object.fromEntries([...usage].map(([name, { cpuMs }]) => [name, perRequest(cpuMs)])),
  };
}

const results: ScenarioResult[] = [];
try {
  for (const scenario of scenarios) {
    let variables: Record<string, unknown> = scenario.variables ?? {};
    if (scenario.prepare) {
      const [headers] = await callersFor(scenario.caller, "lamplight");
      variables = {
        ...variables,
        ...(await scenario.prepare((query, vars) => post(graph.lamplight.url, headers!, query, vars))),
      };
    }
    const targets = (["lamplight", "hive", "direct"] as const).filter(
      (target) =>
        (target !== "direct" || scenario.direct) && (!values.target || values.target.includes(target)),
    );
    const measurements: Measurement[] = [];
    for (const target of targets) {
      log(`${scenario.name}: ${target}, ${connections} connections, ${warmup} s warm-up + ${duration} s`);
      measurements.push(await measure(scenario, target, variables));
    }
    results.push({ name: scenario.name, description: scenario.description, measurements });
  }
} finally {
  await graph.stop();
}

const date = new Date().toISOString().slice(0, 10);
const report = renderReport({
  title: `Benchmark ${date}`,
  settings: {
    scale: `${scale}${values.homes ? ` (${values.homes} homes)` : ""}`,
    "seed number": values.seed,
    "concurrent clients": connections,
    "duration per target": `${duration} s after ${warmup} s of warm-up`,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
    database: "PostgreSQL (each subgraph its own schema)",
  },
  results,
});
process.stdout.write(report);
const resultsDir = path.join(root, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `${date}-${scale}.md`);
writeFileSync(file, report);
log(`written to ${path.relative(root, file)}`);
