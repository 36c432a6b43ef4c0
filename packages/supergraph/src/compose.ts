import { readFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";
import type { RegisteredSubgraph } from "./registry.js";

export class CompositionError extends Error {
  constructor(readonly messages: string[]) {
    super(`Composition failed:\n${messages.map((m) => `  - ${m}`).join("\n")}`);
  }
}

/**
 * Composes the supergraph SDL from the subgraphs' committed schema.graphql files, routed to their
 * registered URLs. Deterministic: the same inputs always print the same supergraph.
 */
export function composeSupergraph(subgraphs: readonly RegisteredSubgraph[]): string {
  const result = composeServices(
    subgraphs.map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(readFileSync(subgraph.schemaPath, "utf8")),
    })),
  );
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return `${result.supergraphSdl.trim()}\n`;
}
