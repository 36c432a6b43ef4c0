import { readFileSync } from "node:fs";
import { closeOnSignals, createLogger } from "@lamplight/subgraph-kit";
import { env } from "./env.js";
import { createGateway } from "./server.js";

const logger = createLogger("gateway", env.LOG_LEVEL);
const gateway = createGateway({
  supergraphSdl: readFileSync(env.SUPERGRAPH_PATH, "utf8"),
  logger,
  subgraphUrls: env.SUBGRAPH_URLS,
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  production: env.NODE_ENV === "production",
  corsOrigins: env.CORS_ORIGINS,
});
const running = await gateway.listen(env.PORT);
closeOnSignals(running, logger);
logger.info({ url: running.url }, "gateway ready");
