import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** A server the benchmark started: a subgraph, our gateway or Hive Gateway. */
export interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Starts a server process and waits until `readyUrl` answers 200. Its output is kept for errors. */
export async function startServer(options: {
  name: string;
  command: string;
  args: string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  url: string;
  readyUrl: string;
  timeoutMs?: number;
}): Promise<Server> {
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  while (true) {
    if (child.exitCode !== null) throw new Error(`${options.name} exited during start-up:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${options.name} was not ready in time:\n${output}`);
    }
    try {
      const response = await fetch(options.readyUrl, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    name: options.name,
    url: options.url,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The process and its descendants (a gateway may fork workers). Linux /proc only. */
function processTree(pid: number): number[] {
  const pids = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").trim();
      for (const child of children.split(/\s+/).filter(Boolean)) pids.push(...processTree(Number(child)));
    }
  } catch {
    // the process ended
  }
  return pids;
}

function residentBytes(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kib = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
    return kib ? Number(kib) * 1024 : 0;
  } catch {
    return 0;
  }
}

/**
 * Samples the resident memory of each server's process tree while a scenario runs and keeps the
 * peak: the figure that decides how many replicas fit on a machine.
 */
export class PeakMemory {
  private readonly peaks = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly servers: readonly Server[]) {}

  start(intervalMs = 200): void {
    this.peaks.clear();
    const sample = () => {
      for (const server of this.servers) {
        const pid = server.child.pid;
        if (pid === undefined) continue;
        const bytes = processTree(pid).reduce((sum, each) => sum + residentBytes(each), 0);
        this.peaks.set(server.name, Math.max(this.peaks.get(server.name) ?? 0, bytes));
      }
    };
    sample();
    this.timer = setInterval(sample, intervalMs);
  }

  stop(): Map<string, number> {
    clearInterval(this.timer);
    return new Map(this.peaks);
  }
}
