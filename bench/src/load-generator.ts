import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";

// The load generator runs in a process of its own, so that its CPU use is not counted against the
// server it drives (they still share the machine's cores). Input: the LoadPlan as JSON on stdin;
// output: one JSON line (LoadResult).

export interface LoadPlan {
  url: string;
  connections: number;
  durationSeconds: number;
  /**
   * The callers' headers, used in turn request by request: many users each with a credential of
   * their own, as in production (one set: one caller).
   */
  callers: Record<string, string>[];
  /** The request body; every `__UNIQUE__` is replaced by a fresh UUID per request (idempotency keys). */
  body: string;
}

export interface LoadResult {
  requests: number;
  durationSeconds: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Transport errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
  /** The first GraphQL error seen, to tell what went wrong. */
  firstError: string | null;
}

function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}

export async function generateLoad(plan: LoadPlan): Promise<LoadResult> {
  const latencies: number[] = [];
  let graphqlErrors = 0;
  let firstError: string | null = null;
  const unique = plan.body.includes("__UNIQUE__");
  const callers = plan.callers.map((headers) => ({ "content-type": "application/json", ...headers }));
  let sent = 0;
  const started = process.hrtime.bigint();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: plan.url,
        connections: plan.connections,
        duration: plan.durationSeconds,
        requests: [
          {
            method: "POST",
            headers: callers[0],
            body: plan.body,
            ...(unique || callers.length > 1
              ? {
                  setupRequest: (request: autocannon.Request) => ({
                    ...request,
                    headers: callers[sent++ % callers.length],
                    body: unique ? plan.body.replaceAll("__UNIQUE__", randomUUID()) : plan.body,
                  }),
                }
              : {}),
            onResponse: (_status: number, body: string) => {
              if (body.includes('"errors"')) {
                graphqlErrors += 1;
                firstError ??= body.slice(0, 500);
              }
            },
          },
        ],
      },
      (error, finished) => (error ? reject(error) : resolve(finished)),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: result.requests.total,
    durationSeconds: seconds,
    requestsPerSecond: result.requests.total / plan.durationSeconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    errors: result.errors + result.timeouts + result.non2xx + graphqlErrors,
    firstError,
  };
}

// Run as a process of its own (see load.ts): the plan arrives on stdin.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  let input = "";
  for await (const chunk of process.stdin) input += chunk;
  const plan = JSON.parse(input) as LoadPlan;
  process.stdout.write(`${JSON.stringify(await generateLoad(plan))}\n`);
}
