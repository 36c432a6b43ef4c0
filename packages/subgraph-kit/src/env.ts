import { z } from "zod";

/**
 * Parses the environment against a zod schema. Every bad variable is reported at once and the
 * process exits, so a misconfigured deployable never half-starts.
 */
export function parseEnv<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: NodeJS.ProcessEnv = process.env,
): z.infer<z.ZodObject<Shape>> {
  const result = z.object(shape).safeParse(env);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  process.stderr.write(`Invalid environment:\n${lines.join("\n")}\n`);
  process.exit(1);
}

/** Shared variables: a port, a log level, and whether this is production. */
export const commonEnv = {
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
};

export const portVariable = (defaultPort: number) =>
  z.coerce.number().int().min(0).max(65535).default(defaultPort);
