import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

/** A partner's webhook endpoint for the composed-graph tests: answers 200 and keeps every request. */
export interface WebhookReceiver {
  /** Its URL for `path` on this machine (http to 127.0.0.1 is allowed outside production). */
  url(path: string): string;
  readonly received: Array<{ headers: IncomingHttpHeaders; body: string }>;
  /** Resolves once a request has arrived, or after `timeoutMs` with none. */
  waitForFirst(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: WebhookReceiver["received"] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8") });
      response.statusCode = 200;
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    async waitForFirst(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
