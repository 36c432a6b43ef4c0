import path from "node:path";
import { commonEnv, parseEnv, portVariable } from "@lamplight/subgraph-kit";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { z } from "zod";

const subgraphUrls = z
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

/** The only reader of process.env in the gateway. */
export const env = parseEnv({
  ...commonEnv,
  PORT: portVariable(4000),
  /** The composed supergraph; defaults to the committed supergraph.graphql at the repository root. */
  SUPERGRAPH_PATH: z.string().default(() => path.join(findWorkspaceRoot(), "supergraph.graphql")),
  /** Overrides of the routing URLs in the supergraph: `sites=http://sites:4001/graphql,…`. */
  SUBGRAPH_URLS: subgraphUrls,
  /** How long the gateway waits for a subgraph before failing that fetch. */
  SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Browser origins allowed to call the graph: `*` or a comma-separated list. */
  CORS_ORIGINS: z
    .string()
    .default("*")
    .transform((value) => (value === "*" ? ("*" as const) : value.split(",").map((origin) => origin.trim()))),
});
