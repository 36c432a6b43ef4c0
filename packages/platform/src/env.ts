import { z } from "zod";
import { DEFAULT_HOST, DEFAULT_SHUTDOWN_GRACE_MS } from "./http.js";
import { DEVELOPMENT_IDENTITY_KEY } from "./identity.js";

/**
 * Parses the environment against a zod schema. Every bad variable is reported at once and the
 * process exits, so a misconfigured deployable never half-starts.
 */
export function parseEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const warnings = misspeltVariables(Object.keys(shape), env);
  if (warnings.length > 0) {
    process.stderr.write(`Environment warning:\n${warnings.map((line) => `  ${line}`).join("\n")}\n`);
  }
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  process.stderr.write(`Invalid environment:\n${lines.join("\n")}\n`);
  process.exit(1);
}

/**
 * Prefixes that are Lamplight's whatever a deployable reads: a variable under one that is no
 * setting is a misspelling. Beside them, each deployable's own prefixes count (the first word of
 * each of its settings), except those of variables that others read.
 */
const LAMPLIGHT_PREFIXES = ["LAMPLIGHT_", "GATEWAY_", "SUBGRAPH_", "SHUTDOWN_"];
/** NODE_OPTIONS, NODE_EXTRA_CA_CERTS, …: Node.js's own. */
const FOREIGN_PREFIXES = new Set(["NODE_"]);
/**
 * Settings of one deployable under a prefix another also reads. `pnpm start`, or one ConfigMap
 * shared by several deployments, gives every process the same environment: these are no
 * misspelling where they are not read.
 */
const SETTINGS_READ_ELSEWHERE = [
  // the gateway's
  "IDENTITY_TTL_SECONDS",
  "SUBGRAPH_URLS",
  "SUBGRAPH_TIMEOUT_MS",
  // one subgraph's
  "MAX_CHILDREN_PER_VOLUNTEER",
  "MAX_GIFT_YUAN",
  "EVENT_FEED_URLS",
  "NATS_URL",
];

/** Edits (insert, delete, replace, swap two neighbours) that turn one name into the other. */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j += 1) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Variables that look like ours (a Lamplight prefix, or the first word of one of this
 * deployable's settings) but are none of its settings: each with the closest real setting, so
 * `DATABASE_QUEUE_MAXX=…` does not pass silently while the default applies.
 */
export function misspeltVariables(settings: readonly string[], env: NodeJS.ProcessEnv): string[] {
  const known = new Set([...settings, ...SETTINGS_READ_ELSEWHERE]);
  const prefixes = new Set(LAMPLIGHT_PREFIXES);
  for (const setting of settings) {
    const underscore = setting.indexOf("_");
    const prefix = setting.slice(0, underscore + 1);
    if (underscore > 0 && !FOREIGN_PREFIXES.has(prefix)) prefixes.add(prefix);
  }
  const warnings: string[] = [];
  for (const name of Object.keys(env).sort()) {
    if (known.has(name) || ![...prefixes].some((prefix) => name.startsWith(prefix))) continue;
    let closest = settings[0] ?? "";
    for (const setting of settings) {
      if (editDistance(name, setting) < editDistance(name, closest)) closest = setting;
    }
    warnings.push(`${name} is not a setting and is ignored; did you mean ${closest}?`);
  }
  return warnings;
}

/**
 * Shared variables: whether this is production, a log level, where to listen, and how long
 * in-flight requests may finish on shutdown.
 */
export const commonEnv = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** The address to listen on: the loopback unless told otherwise (HOST=0.0.0.0 in a container). */
  HOST: z.string().min(1).default(DEFAULT_HOST),
  /** How long in-flight requests may run on after SIGTERM before their connections are closed. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_SHUTDOWN_GRACE_MS),
};

export const portVariable = (defaultPort: number) =>
  z.coerce.number().int().min(0).max(65535).default(defaultPort);

/** A file's path, with a default: e.g. the committed supergraph.graphql. */
export const pathVariable = (defaultPath: string) => z.string().min(1).default(defaultPath);

/**
 * The key the gateway signs identities with and subgraphs verify them with. The development
 * default lets the two commands work out of the box; production must set its own.
 */
export const identityEnv = {
  IDENTITY_SIGNING_KEY: z.string().min(32).default(DEVELOPMENT_IDENTITY_KEY),
};

/** Refuses the development identity key in production. */
export function assertProductionSecrets(env: { NODE_ENV: string; IDENTITY_SIGNING_KEY: string }): void {
  if (env.NODE_ENV === "production" && env.IDENTITY_SIGNING_KEY === DEVELOPMENT_IDENTITY_KEY) {
    process.stderr.write(
      "Invalid environment:\n  IDENTITY_SIGNING_KEY: set a secret of your own in production\n",
    );
    process.exit(1);
  }
}

/** `name=url,name=url` → `{ name: url }`; every pair that is not a name and a valid URL is an error. */
export const nameUrlPairs = z
  .string()
  .default("")
  .transform((value, context) => {
    const urls: Record<string, string> = {};
    for (const pair of value.split(",").filter(Boolean)) {
      const [name, url] = pair.split("=").map((part) => part.trim());
      if (!name || !url || !URL.canParse(url)) {
        context.addIssue({ code: "custom", message: `"${pair}" is not name=url` });
        continue;
      }
      urls[name] = url;
    }
    return urls;
  });
