import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { missingScope, missingScopeError, supergraphSchema } from "@lamplight/platform";
import type { DocumentNode } from "graphql";
import type { ApiKeyRepository } from "../api-key/api-key.repository.js";

/** The workspace's committed supergraph.graphql, from src/ or dist/ alike. */
export const DEFAULT_SUPERGRAPH_PATH = fileURLToPath(
  new URL("../../../../../supergraph.graphql", import.meta.url),
);

/**
 * An operation is trusted for an organisation only if its keys' scopes cover every field it
 * selects: the scopes are the supergraph's `@partnerScope` declarations, read from the composed
 * file (never from another subgraph at request time), once, when first needed.
 */
export class OperationScopeCheck {
  #supergraph: ReturnType<typeof supergraphSchema> | undefined;

  constructor(
    private readonly apiKeys: Pick<ApiKeyRepository, "activeScopes">,
    private readonly supergraphPath: string = DEFAULT_SUPERGRAPH_PATH,
  ) {}

  /** FORBIDDEN, naming the first scope none of the organisation's working keys has and the field needing it. */
  async assertCovered(organisationId: string, document: DocumentNode): Promise<void> {
    this.#supergraph ??= supergraphSchema(readFileSync(this.supergraphPath, "utf8"));
    const { schema, scopes } = this.#supergraph;
    const required = scopes.required(schema, document);
    if (required.length === 0) return;
    const missing = missingScope(required, await this.apiKeys.activeScopes(organisationId));
    if (missing) throw missingScopeError(missing, "none of the organisation's keys has");
  }
}
