import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { isIP } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const gatewayDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The unspecified addresses are looked up when the server binds to them; neither leaves the machine.
const LOCAL_NAMES = new Set(["localhost", "127.0.0.1", "::1", "0.0.0.0", "::"]);

/** The host of a recorded target ("tcp 127.0.0.1:4001", "dns localhost", "udp [::1]:53"). */
function hostOf(line: string): string {
  const [kind, target = ""] = line.split(" ");
  if (kind === "dns") return target;
  const host = target.slice(0, target.lastIndexOf(":"));
  return host.replace(/^\[|\]$/g, "");
}

function isLocal(host: string): boolean {
  if (LOCAL_NAMES.has(host)) return true;
  if (isIP(host) === 4) return host.startsWith("127.");
  return host === "::ffff:127.0.0.1";
}

describe("the gateway reports to no one", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "lamplight-outbound-"));
  const logFile = path.join(dir, "outbound.log");
  let gateway: ChildProcess | undefined;

  afterAll(() => {
    gateway?.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("opens no connection beyond the loopback, with no telemetry variable set", async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, OUTBOUND_LOG: logFile, PORT: "0", LOG_LEVEL: "info" };
    // Whatever the developer's shell says, the gateway must be quiet on its own.
    for (const name of ["APOLLO_TELEMETRY_DISABLED", "DO_NOT_TRACK", "APOLLO_KEY", "APOLLO_GRAPH_REF"]) {
      delete env[name];
    }
    env.NODE_ENV = "production";
    env.IDENTITY_SIGNING_KEY = "a-production-identity-key-of-at-least-32-characters";
    gateway = spawn(
      process.execPath,
      ["--import", "tsx", "--import", "./test/outbound-connections.mjs", "src/index.ts"],
      { cwd: gatewayDir, env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    gateway.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    gateway.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const started = Date.now();
    while (!output.includes("gateway ready")) {
      if (gateway.exitCode !== null) throw new Error(`the gateway exited: ${output}`);
      if (Date.now() - started > 60_000) throw new Error(`the gateway did not start: ${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const url = /"url":"([^"]+)"/.exec(output)?.[1];
    expect(url).toBeDefined();
    // One request through the whole pipeline: every plugin, the query planner and the
    // landing page run, so whatever they would report is started.
    const response = await fetch(url!, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "{ __typename }" }),
    });
    expect(response.status).toBe(200);
    // Cloud metadata probes start when the exporter is made and time out within seconds.
    await new Promise((resolve) => setTimeout(resolve, 3_000));

    const lines = readFileSync(logFile, "utf8").split("\n").filter(Boolean);
    const outside = lines.filter((line) => !line.startsWith("ipc ") && !isLocal(hostOf(line)));
    expect(outside).toEqual([]);
    expect(output).not.toContain("MetadataLookupWarning");
  }, 90_000);
});
