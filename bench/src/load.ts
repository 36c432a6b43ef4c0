import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { LoadPlan, LoadResult } from "./load-generator.js";

export type { LoadPlan, LoadResult };

const GENERATOR = fileURLToPath(new URL("./load-generator.ts", import.meta.url));

/** Runs the load generator in a separate Node process and returns what it measured. */
export function runLoad(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    // The plan goes through stdin: a thousand callers' tokens are more than one argument may hold.
    const child = spawn(process.execPath, ["--import", "tsx", GENERATOR], {
      stdio: ["pipe", "pipe", "pipe"],
    });
    child.stdin.end(JSON.stringify(plan));
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`the load generator failed (exit ${code}):\n${stderr}`));
      resolve(JSON.parse(stdout.trim().split("\n").pop()!) as LoadResult);
    });
  });
}
