import type { LoadResult } from "./load.js";

export type Target = "lamplight" | "hive" | "direct";

export const TARGET_LABELS: Record<Target, string> = {
  lamplight: "Lamplight gateway",
  hive: "Hive Gateway",
  direct: "subgraph direct",
};

export interface Measurement {
  target: Target;
  load: LoadResult;
  /** Peak resident memory of the process answering the client (a gateway, or the subgraph). */
  frontRssBytes: number;
  /** Peak resident memory of all subgraphs together. */
  subgraphsRssBytes: number;
  /** SQL statements all subgraphs sent, per request answered. */
  statementsPerRequest: number;
  /** GraphQL requests all subgraphs answered, per request answered (the gateway's fetches). */
  subgraphRequestsPerRequest: number;
  /** CPU milliseconds each process (the front and every subgraph) spent per request answered. */
  cpuMsPerRequest: Record<string, number>;
}

export interface ScenarioResult {
  name: string;
  description: string;
  measurements: Measurement[];
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const ms = (value: number) => value.toFixed(1);

function ratio(result: ScenarioResult, over: Target, figure: "requestsPerSecond" | "p95"): string {
  const ours = result.measurements.find((m) => m.target === "lamplight")?.load[figure];
  const theirs = result.measurements.find((m) => m.target === over)?.load[figure];
  return ours && theirs ? (ours / theirs).toFixed(2) : "–";
}

/** One Markdown table per scenario, the figures the issue names, and the ratios. */
export function renderReport(options: {
  title: string;
  settings: Record<string, string | number>;
  results: ScenarioResult[];
}): string {
  const lines = [`# ${options.title}`, ""];
  for (const [key, value] of Object.entries(options.settings)) lines.push(`- ${key}: ${value}`);
  lines.push("");
  for (const result of options.results) {
    lines.push(`## ${result.name}`, "", result.description, "");
    lines.push(
      "| target | req/s | p50 ms | p95 ms | p99 ms | errors | peak RSS front MB | peak RSS subgraphs MB | SQL/request | subgraph requests/request |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    );
    for (const m of result.measurements) {
      lines.push(
        `| ${TARGET_LABELS[m.target]} | ${m.load.requestsPerSecond.toFixed(0)} | ${ms(m.load.p50)} | ${ms(m.load.p95)} | ${ms(m.load.p99)} | ${m.load.errors} | ${mb(m.frontRssBytes)} | ${mb(m.subgraphsRssBytes)} | ${m.statementsPerRequest.toFixed(2)} | ${m.subgraphRequestsPerRequest.toFixed(2)} |`,
      );
    }
    const processes = [...new Set(result.measurements.flatMap((m) => Object.keys(m.cpuMsPerRequest)))];
    lines.push(
      "",
      "CPU milliseconds per request, by process (where the time goes):",
      "",
      `| target | ${processes.join(" | ")} |`,
      `| --- | ${processes.map(() => "---:").join(" | ")} |`,
    );
    for (const m of result.measurements) {
      lines.push(
        `| ${TARGET_LABELS[m.target]} | ${processes.map((name) => (m.cpuMsPerRequest[name] ?? 0).toFixed(2)).join(" | ")} |`,
      );
    }
    lines.push(
      "",
      `Throughput ratio Lamplight / Hive Gateway: ${ratio(result, "hive", "requestsPerSecond")}` +
        ` (p95 latency ratio: ${ratio(result, "hive", "p95")}, lower is better).`,
    );
    if (result.measurements.some((m) => m.target === "direct")) {
      lines.push(`Lamplight gateway / subgraph direct: ${ratio(result, "direct", "requestsPerSecond")}.`);
    }
    const failing = result.measurements.filter((m) => m.load.firstError);
    for (const m of failing)
      lines.push("", `First error through ${TARGET_LABELS[m.target]}: \`${m.load.firstError}\``);
    lines.push("");
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
