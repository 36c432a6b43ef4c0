import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  ErrorCode,
  GATEWAY_SERVICE,
  IDENTITY_HEADER,
  operationHash,
  type Principal,
  Role,
  signIdentity,
  UnauthenticatedError,
} from "@lamplight/platform";
import { GraphQLError } from "graphql";
import { LruCache } from "./lru-cache.js";
import type { UsageCount } from "./partner-usage.js";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A partner key as the access subgraph knows it. */
interface PartnerCredential {
  keyId: string;
  organisationId: string;
  scopes: string[];
  /** When the key stops working (ISO 8601), e.g. the end of a rotation's overlap; null: never. */
  expiresAt: string | null;
}

/** How long an unknown key is remembered as unknown: a flood of one bad key costs one access call. */
export const DEFAULT_NEGATIVE_CACHE_MS = 5_000;

export interface PartnerDirectoryOptions {
  /** How long a known key or a trusted operation is remembered (a revocation's delay). */
  cacheMs?: number;
  /** How long an unknown key is remembered as unknown (a newly issued key's delay). */
  negativeCacheMs?: number;
  /** Entries kept at most; past it the least recently used is forgotten, one at a time. */
  maxEntries?: number;
}

/**
 * The gateway's view of partner keys and trusted operations, held by the access subgraph. Answers
 * are cached briefly (a revoked key stops working within `cacheMs`, an unknown key is remembered
 * as unknown for `negativeCacheMs`), each entry expiring on its own in a bounded LRU cache; secrets
 * are cached only as hashes. Identical questions under way at once share one call.
 */
export class PartnerDirectory {
  readonly #cache: LruCache<unknown>;
  readonly #inFlight = new Map<string, Promise<unknown>>();
  readonly #cacheMs: number;
  readonly #negativeCacheMs: number;

  constructor(
    private readonly accessUrl: () => string | undefined,
    private readonly identityKey: Uint8Array,
    options: PartnerDirectoryOptions = {},
  ) {
    this.#cacheMs = options.cacheMs ?? 30_000;
    this.#negativeCacheMs = options.negativeCacheMs ?? DEFAULT_NEGATIVE_CACHE_MS;
    this.#cache = new LruCache(options.maxEntries ?? 10_000);
  }

  /** Entries cached now (known and unknown keys, trusted operations). */
  get cacheSize(): number {
    return this.#cache.size;
  }

  async #ask<T>(
    cacheKey: string,
    query: string,
    variables: Record<string, unknown>,
    pick: (data: Record<string, unknown>) => T,
    ttlMs: (value: T) => number,
  ): Promise<T> {
    const cached = this.#cache.get(cacheKey);
    if (cached !== undefined) return cached as T;
    const pending = this.#inFlight.get(cacheKey);
    if (pending) return pending as Promise<T>;
    const asked = this.#fetch(query, variables, pick)
      .then((value) => {
        this.#cache.set(cacheKey, value, ttlMs(value));
        return value;
      })
      .finally(() => this.#inFlight.delete(cacheKey));
    this.#inFlight.set(cacheKey, asked);
    return asked;
  }

  async #fetch<T>(
    query: string,
    variables: Record<string, unknown>,
    pick: (data: Record<string, unknown>) => T,
  ): Promise<T> {
    const url = this.accessUrl();
    if (!url)
      throw new UnauthenticatedError(
        "Partner keys cannot be checked: the access subgraph is not in the graph",
      );
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, this.identityKey, { audience: "access" }),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (!response.ok || body.errors?.length) throw new Error(`access subgraph answered ${response.status}`);
    return pick(body.data as Record<string, unknown>);
  }

  /** The partner principal a key secret stands for; UNAUTHENTICATED for an unknown, revoked or expired key. */
  async principal(secret: string): Promise<Principal> {
    const credential = await this.#ask<PartnerCredential | null>(
      `key:${sha256(secret)}`,
      "query($secret: String!) { partnerCredential(secret: $secret) { keyId organisationId scopes expiresAt } }",
      { secret },
      (data) => (data.partnerCredential as PartnerCredential | null) ?? null,
      // A key is not remembered past its expiry: a rotated key's old secret stops on time.
      (credential) =>
        credential
          ? Math.min(
              this.#cacheMs,
              credential.expiresAt ? Date.parse(credential.expiresAt) - Date.now() : this.#cacheMs,
            )
          : this.#negativeCacheMs,
    );
    if (!credential) throw new UnauthenticatedError("The API key is not valid");
    return {
      kind: "partner",
      subject: credential.keyId,
      roles: [Role.PARTNER],
      regionScope: null,
      siteIds: [],
      volunteerId: null,
      organisationId: credential.organisationId,
      scopes: credential.scopes,
    };
  }

  /**
   * The document registered for the organisation under a hash, for a partner that sent the hash
   * alone; null when there is none. Only a document is remembered, as a yes is for isTrusted.
   */
  trustedDocument(organisationId: string, documentHash: string): Promise<string | null> {
    return this.#ask(
      `doc:${organisationId}:${documentHash}`,
      "query($org: ID!, $sha: String!) { trustedOperationDocument(organisationId: $org, sha256: $sha) }",
      { org: organisationId, sha: documentHash },
      (data) => (typeof data.trustedOperationDocument === "string" ? data.trustedOperationDocument : null),
      (document) => (document === null ? 0 : this.#cacheMs),
    );
  }

  /** Adds partner keys' counted requests to access's daily usage rows (PartnerUsage's flush). */
  async recordUsage(counts: UsageCount[]): Promise<void> {
    await this.#fetch(
      "mutation($input: RecordApiKeyUsageInput!) { recordApiKeyUsage(input: $input) }",
      { input: { counts } },
      () => undefined,
    );
  }

  isTrusted(organisationId: string, documentHash: string): Promise<boolean> {
    return this.#ask(
      `op:${organisationId}:${documentHash}`,
      "query($org: ID!, $sha: String!) { isTrustedOperation(organisationId: $org, sha256: $sha) }",
      { org: organisationId, sha: documentHash },
      (data) => data.isTrustedOperation === true,
      // Only a yes is remembered: an operation registered a moment ago works at once.
      (trusted) => (trusted ? this.#cacheMs : 0),
    );
  }
}

/**
 * Partners run trusted operations only: the document they send must be registered for their
 * organisation, compared by the hash of its normalised form (operationHash), so the operation
 * reformatted or commented is the same one. Anything else is refused before it runs.
 *
 * A partner may send the hash alone (`extensions.persistedQuery.sha256Hash`, Apollo's automatic
 * persisted queries): the document registered under it is fetched from access and run. A hash
 * access does not know is left to Apollo's persisted-query cache, and refused with
 * PERSISTED_QUERY_NOT_FOUND when it is not there either (an APQ client then sends the document
 * with its hash). That cache cannot widen what a partner runs: a document found there is checked
 * here like any other, and Apollo writes a document into it only after didResolveOperation has
 * let it through, so a partner never leaves an untrusted one there.
 */
export function trustedOperationsPlugin<Context extends { principal: Principal }>(
  directory: PartnerDirectory,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ request, contextValue }) {
      const { principal } = contextValue;
      const hashAlone = request.query === undefined ? request.extensions?.persistedQuery : undefined;
      if (principal.kind === "partner" && principal.organisationId && hashAlone) {
        const document = await directory.trustedDocument(
          principal.organisationId,
          String(hashAlone.sha256Hash),
        );
        if (document !== null) {
          // Run as if sent in full: Apollo's persisted-query cache is neither read nor written.
          request.query = document;
          delete request.extensions?.persistedQuery;
        }
      }
      return {
        async didResolveOperation({ document, contextValue }) {
          const { principal } = contextValue;
          if (principal.kind !== "partner" || !principal.organisationId) return;
          if (await directory.isTrusted(principal.organisationId, operationHash(document))) return;
          throw new GraphQLError(
            "Partner keys may run only the operations registered for their organisation",
            {
              extensions: { code: ErrorCode.PERSISTED_OPERATION_REQUIRED, http: { status: 403 } },
            },
          );
        },
      };
    },
  };
}
