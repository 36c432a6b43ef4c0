import type { ServerResponse } from "node:http";
import { type HttpRoute, type Logger } from "@lamplight/platform";
import type { GrantRepository } from "../grant/grant.repository.js";
import { giving360Csv, giving360Json } from "./transparency.giving360.js";

const FILES: Record<string, { type: string; render: typeof giving360Json }> = {
  "/360giving/grants.json": { type: "application/json; charset=utf-8", render: giving360Json },
  "/360giving/grants.csv": { type: "text/csv; charset=utf-8", render: giving360Csv },
};

/**
 * The 360Giving files beside /graphql: GET (or HEAD) /360giving/grants.json and
 * /360giving/grants.csv, public and without the gateway (open data is fetched as plain files by
 * 360Giving's tools). Any other method is answered as for a path the subgraph does not serve.
 */
export function giving360Routes(grants: GrantRepository, logger: Logger): Record<string, HttpRoute> {
  const routes: Record<string, HttpRoute> = {};
  for (const [path, file] of Object.entries(FILES)) {
    routes[path] = async (request, response) => {
      if (request.method !== "GET" && request.method !== "HEAD") {
        return send(response, 404, "application/json; charset=utf-8", JSON.stringify({ error: "not found" }));
      }
      let body: string;
      try {
        body = file.render(await grants.published());
      } catch (error) {
        logger.error({ err: error, path }, "360Giving export failed");
        return send(
          response,
          500,
          "application/json; charset=utf-8",
          JSON.stringify({ error: "internal server error" }),
        );
      }
      response.writeHead(200, {
        "content-type": file.type,
        "content-length": Buffer.byteLength(body),
        "content-disposition": `inline; filename="${path.split("/").pop()}"`,
        "access-control-allow-origin": "*",
      });
      response.end(request.method === "HEAD" ? undefined : body);
    };
  }
  return routes;
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type });
  response.end(body);
}
