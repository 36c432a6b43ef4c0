import type { ApolloServerPlugin } from "@apollo/server";
import {
  missingScope,
  missingScopeError,
  PartnerScopes,
  type Principal,
  type ScopedField,
} from "@lamplight/platform";
import type { DocumentNode, GraphQLSchema } from "graphql";
import { LruCache } from "./lru-cache.js";

/** How long an operation's scopes are remembered: the supergraph does not change while the gateway runs. */
const SCOPES_CACHE_MS = 24 * 60 * 60 * 1000;

/**
 * The scopes each partner operation needs, from the supergraph's `@partnerScope` declarations,
 * worked out once per document (by its hash) and remembered in a bounded cache.
 */
export class OperationScopes {
  readonly #scopes: PartnerScopes;
  readonly #required: LruCache<ScopedField[]>;

  constructor(supergraphSdl: string, maxEntries = 10_000) {
    this.#scopes = new PartnerScopes(supergraphSdl);
    this.#required = new LruCache(maxEntries);
  }

  required(documentHash: string, schema: GraphQLSchema, document: DocumentNode): ScopedField[] {
    const cached = this.#required.get(documentHash);
    if (cached) return cached;
    const required = this.#scopes.required(schema, document);
    this.#required.set(documentHash, required, SCOPES_CACHE_MS);
    return required;
  }
}

/**
 * A partner key selects only fields its scopes cover: an operation selecting a field whose scope
 * the key lacks is refused before it runs, FORBIDDEN (403), the extensions naming the scope and
 * the field. Other callers are not concerned: their roles are checked by the subgraphs. Apollo
 * runs this beside trustedOperationsPlugin (didResolveOperation hooks run at once) and this one,
 * needing no call, answers first: a document neither registered nor covered is refused for the scope.
 */
export function partnerScopesPlugin<Context extends { principal: Principal }>(
  scopes: OperationScopes,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, queryHash, schema, document }) {
          const { principal } = contextValue;
          if (principal.kind !== "partner") return;
          const missing = missingScope(scopes.required(queryHash, schema, document), principal.scopes);
          if (missing) throw missingScopeError(missing, "the API key lacks", { http: { status: 403 } });
        },
      };
    },
  };
}
