import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { discoverSubgraphs, findWorkspaceRoot } from "@lamplight/supergraph";

// `pnpm start`: every registered subgraph in its own process (as in production), then the
// gateway once they are ready. Ctrl-C stops the gateway first, then the subgraphs.
// `--dev` runs each from its sources and restarts it on change.

const dev = process.argv.includes("--dev");
const root = findWorkspaceRoot();
const gatewayPort = Number(process.env.PORT ?? 4000);
/** How long a subgraph may go without getting ready or moving on (its /readyz details change as it catches up). */
const READY_TIMEOUT_MS = 300_000;

interface Running {
  name: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

const running: Running[] = [];
let stopping = false;

/** Where each subgraph serves its event feed, for the subgraphs that consume it (unused with NATS_URL). */
let eventFeedUrls = "";

function launch(name: string, dir: string, port: number): Running {
  const command = dev ? path.join(dir, "node_modules", ".bin", "tsx") : process.execPath;
  const args = dev ? ["watch", "src/index.ts"] : ["dist/index.js"];
  const child = spawn(command, args, {
    cwd: dir,
    env: { EVENT_FEED_URLS: eventFeedUrls, ...process.env, PORT: String(port) },
    // The IPC channel closes if this process dies without stopping them: they then stop themselves.
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const prefix = `${name.padEnd(9)}| `;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    let pending = "";
    stream.on("data", (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
    });
  }
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const entry = { name, child, exited };
  running.push(entry);
  void exited.then((code) => {
    if (!stopping) {
      process.stderr.write(`${name} exited with code ${code}; stopping everything.\n`);
      void stop(1);
    }
  });
  return entry;
}

async function waitReady(entry: Running, url: string): Promise<void> {
  let deadline = Date.now() + READY_TIMEOUT_MS;
  let lastReport: string | undefined;
  const readyz = new URL("/readyz", url);
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null) throw new Error(`${entry.name} exited before it was ready`);
    try {
      const response = await fetch(readyz, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      // Catching up on a province's events takes minutes: as long as it moves on, wait for it.
      const report = await response.text();
      if (report !== lastReport) deadline = Date.now() + READY_TIMEOUT_MS;
      lastReport = report;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${entry.name} was not ready, nor moving on, for ${READY_TIMEOUT_MS / 1000}s`);
}

async function stop(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    // The gateway first, so no request reaches a subgraph that is going away.
    for (const entry of [...running].reverse()) {
      if (entry.child.exitCode !== null) continue;
      entry.child.kill("SIGTERM");
      const timer = setTimeout(() => entry.child.kill("SIGKILL"), 15_000);
      await entry.exited;
      clearTimeout(timer);
    }
  }
  process.exit(code);
}

process.on("SIGINT", () => void stop(0));
process.on("SIGTERM", () => void stop(0));

try {
  const subgraphs = discoverSubgraphs(root);
  eventFeedUrls = subgraphs.map((subgraph) => `${subgraph.name}=http://localhost:${subgraph.port}`).join(",");
  // Every subgraph serves its feed as soon as its database is migrated, and reports ready only once
  // its replicas have caught up with the feeds it reads: so the gateway opens on a current graph.
  const started = subgraphs.map((subgraph) => ({
    subgraph,
    entry: launch(subgraph.name, subgraph.dir, subgraph.port),
  }));
  await Promise.all(started.map(({ subgraph, entry }) => waitReady(entry, subgraph.url)));
  const gatewayUrl = `http://localhost:${gatewayPort}/graphql`;
  const gateway = launch("gateway", path.join(root, "apps", "gateway"), gatewayPort);
  await waitReady(gateway, gatewayUrl);
  process.stdout.write(
    `\nLamplight is running: ${gatewayUrl}\n` +
      subgraphs.map((s) => `  subgraph ${s.name.padEnd(10)} ${s.url}`).join("\n") +
      "\nPress Ctrl-C to stop.\n\n",
  );
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  await stop(1);
}
