import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";

/** A server the benchmark started: a subgraph, our gateway or Hive Gateway. */
export interface Server {
  name: string;
  url: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

/** Refuses a port something else listens on: its answers would be taken for our server's. */
async function assertPortFree(url: string): Promise<void> {
  const { port } = new URL(url);
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once("error", () => reject(new Error(`port ${port} is in use: stop what listens there first`)));
    probe.listen(Number(port), "127.0.0.1", () => probe.close(() => resolve()));
  });
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
  await assertPortFree(options.readyUrl);
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

/** CPU time (user + system) a process has used so far, in milliseconds. */
function cpuMilliseconds(pid: number): number {
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks, 100 a second on every mainstream build. */
const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcessUsage {
  /** Peak resident memory of the process tree while sampled. */
  peakRssBytes: number;
  /** CPU time the process tree used while sampled. */
  cpuMs: number;
}

/**
 * Samples each server's process tree while a scenario runs: the peak resident memory (what
 * decides how many replicas fit on a machine) and the CPU time used (where the time goes).
 */
export class ProcessSampler {
  private readonly peaks = new Map<string, number>();
  private readonly cpuAtStart = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly servers: readonly Server[]) {}

  private cpu(server: Server): number {
    const pid = server.child.pid;
    return pid === undefined ? 0 : processTree(pid).reduce((sum, each) => sum + cpuMilliseconds(each), 0);
  }

  start(intervalMs = 200): void {
    this.peaks.clear();
    for (const server of this.servers) this.cpuAtStart.set(server.name, this.cpu(server));
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

  stop(): Map<string, ProcessUsage> {
    clearInterval(this.timer);
    return new Map(
      this.servers.map((server) => [
        server.name,
        {
          peakRssBytes: this.peaks.get(server.name) ?? 0,
          cpuMs: this.cpu(server) - (this.cpuAtStart.get(server.name) ?? 0),
        },
      ]),
    );
  }
}
