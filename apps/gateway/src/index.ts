import { readFileSync } from "node:fs";
import { closeOnSignals, createLogger, identityKey } from "@lamplight/subgraph-kit";
import { createAuthenticator } from "./auth.js";
import { developmentTokenKey, env } from "./env.js";
import { createGateway } from "./server.js";

const logger = createLogger("gateway", env.LOG_LEVEL);
const gateway = createGateway({
  supergraphSdl: readFileSync(env.SUPERGRAPH_PATH, "utf8"),
  logger,
  authenticate: createAuthenticator({
    jwksUrl: env.AUTH_JWKS_URL,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    developmentKey: developmentTokenKey,
  }),
  identityKey: identityKey(env.IDENTITY_SIGNING_KEY),
  subgraphUrls: env.SUBGRAPH_URLS,
  subgraphTimeoutMs: env.SUBGRAPH_TIMEOUT_MS,
  production: env.NODE_ENV === "production",
  corsOrigins: env.CORS_ORIGINS,
});
const running = await gateway.listen(env.PORT);
closeOnSignals(running, logger);
logger.info({ url: running.url }, "gateway ready");
