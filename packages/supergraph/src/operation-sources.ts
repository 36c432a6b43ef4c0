import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "graphql";
import type { RegisteredOperation } from "./schema-check.js";

/**
 * Where `pnpm schema:check` finds the operations clients run, beside the demo partner's: exports
 * of the trusted operations a deployment holds, and the first-party apps' documents.
 */

/** An export's operations: a JSON array of `{ organisation, name, document }`, each named by `source`. */
export function parseExportedOperations(json: string, source: string): RegisteredOperation[] {
  const rows: unknown = JSON.parse(json);
  const valid = (row: unknown): row is Omit<RegisteredOperation, "source"> =>
    typeof row === "object" &&
    row !== null &&
    ["organisation", "name", "document"].every(
      (key) => typeof (row as Record<string, unknown>)[key] === "string",
    );
  if (!Array.isArray(rows) || !rows.every(valid)) {
    throw new Error(`${source} is not a JSON array of { organisation, name, document }`);
  }
  return rows.map(({ organisation, name, document }) => ({ organisation, name, document, source }));
}

/**
 * Every `apps/<app>/src/**\/*.graphql` under `root`, one document per file, run by `apps/<app>`
 * itself and named by its operations (by its file when it has none or does not parse).
 */
export function firstPartyOperations(root: string): RegisteredOperation[] {
  const appsDir = path.join(root, "apps");
  if (!existsSync(appsDir)) return [];
  const operations: RegisteredOperation[] = [];
  for (const app of readdirSync(appsDir, { withFileTypes: true })) {
    const srcDir = path.join(appsDir, app.name, "src");
    if (!app.isDirectory() || !existsSync(srcDir)) continue;
    for (const file of readdirSync(srcDir, { recursive: true, encoding: "utf8" }).sort()) {
      if (!file.endsWith(".graphql")) continue;
      const document = readFileSync(path.join(srcDir, file), "utf8");
      operations.push({
        organisation: `apps/${app.name}`,
        name: operationNames(document).join(", ") || path.basename(file),
        document,
        source: path.relative(root, path.join(srcDir, file)),
      });
    }
  }
  return operations;
}

function operationNames(document: string): string[] {
  try {
    return parse(document).definitions.flatMap((definition) =>
      definition.kind === "OperationDefinition" && definition.name ? [definition.name.value] : [],
    );
  } catch {
    // The check reports the syntax error; the file names the document meanwhile.
    return [];
  }
}
