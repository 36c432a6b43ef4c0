import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Logger } from "@lamplight/subgraph-kit";
import type { GrantRepository } from "../grant/grant.repository.js";
import { giving360Csv, giving360Json } from "./transparency.giving360.js";

type Listener = (request: IncomingMessage, response: ServerResponse) => void;

const FILES: Record<string, { type: string; render: typeof giving360Json }> = {
  "/360giving/grants.json": { type: "application/json; charset=utf-8", render: giving360Json },
  "/360giving/grants.csv": { type: "text/csv; charset=utf-8", render: giving360Csv },
};

/**
 * Serves the 360Giving files next to /graphql: GET /360giving/grants.json and /360giving/grants.csv,
 * public and without the gateway (open data is fetched as plain files by 360Giving's tools). Every
 * other request goes on to the subgraph's own handler unchanged.
 */
export function serveGiving360(server: Server, grants: GrantRepository, logger: Logger): void {
  const handlers = server.listeners("request") as Listener[];
  server.removeAllListeners("request");
  server.on("request", (request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    const file = FILES[path];
    if (!file || (request.method !== "GET" && request.method !== "HEAD")) {
      for (const handler of handlers) handler.call(server, request, response);
      return;
    }
    grants.published().then(
      (published) => {
        const body = file.render(published);
        response.writeHead(200, {
          "content-type": file.type,
          "content-length": Buffer.byteLength(body),
          "content-disposition": `inline; filename="${path.split("/").pop()}"`,
          "access-control-allow-origin": "*",
        });
        response.end(request.method === "HEAD" ? undefined : body);
      },
      (error: unknown) => {
        logger.error({ err: error, path }, "360Giving export failed");
        response.writeHead(500, { "content-type": "application/json; charset=utf-8" });
        response.end(JSON.stringify({ error: "internal server error" }));
      },
    );
  });
}
