import { createHash } from "node:crypto";
import type { ApolloServerPlugin } from "@apollo/server";
import {
  ErrorCode,
  GATEWAY_SERVICE,
  IDENTITY_HEADER,
  type Principal,
  Role,
  signIdentity,
  UnauthenticatedError,
} from "@lamplight/subgraph-kit";
import { GraphQLError } from "graphql";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** A partner key as the access subgraph knows it. */
interface PartnerCredential {
  keyId: string;
  organisationId: string;
  scopes: string[];
}

/**
 * The gateway's view of partner keys and trusted operations, held by the access subgraph. Answers
 * are cached briefly (a revoked key stops working within `cacheMs`); secrets are cached only as
 * hashes.
 */
export class PartnerDirectory {
  readonly #cache = new Map<string, { value: unknown; expiresAt: number }>();

  constructor(
    private readonly accessUrl: () => string | undefined,
    private readonly identityKey: Uint8Array,
    private readonly cacheMs = 30_000,
  ) {}

  async #ask<T>(
    cacheKey: string,
    query: string,
    variables: Record<string, unknown>,
    pick: (data: Record<string, unknown>) => T,
    cacheable: (value: T) => boolean = () => true,
  ): Promise<T> {
    const cached = this.#cache.get(cacheKey);
    if (cached && cached.expiresAt > Date.now()) return cached.value as T;
    const url = this.accessUrl();
    if (!url)
      throw new UnauthenticatedError(
        "Partner keys cannot be checked: the access subgraph is not in the graph",
      );
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        [IDENTITY_HEADER]: await signIdentity(GATEWAY_SERVICE, this.identityKey),
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown[] };
    if (!response.ok || body.errors?.length) throw new Error(`access subgraph answered ${response.status}`);
    const value = pick(body.data as Record<string, unknown>);
    if (!cacheable(value)) return value;
    if (this.#cache.size > 10_000) this.#cache.clear();
    this.#cache.set(cacheKey, { value, expiresAt: Date.now() + this.cacheMs });
    return value;
  }

  /** The partner principal a key secret stands for; UNAUTHENTICATED for an unknown, revoked or expired key. */
  async principal(secret: string): Promise<Principal> {
    const credential = await this.#ask<PartnerCredential | null>(
      `key:${sha256(secret)}`,
      "query($secret: String!) { partnerCredential(secret: $secret) { keyId organisationId scopes } }",
      { secret },
      (data) => data.partnerCredential as PartnerCredential | null,
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

  isTrusted(organisationId: string, documentHash: string): Promise<boolean> {
    return this.#ask(
      `op:${organisationId}:${documentHash}`,
      "query($org: ID!, $sha: String!) { isTrustedOperation(organisationId: $org, sha256: $sha) }",
      { org: organisationId, sha: documentHash },
      (data) => data.isTrustedOperation === true,
      // Only a yes is remembered: an operation registered a moment ago works at once.
      (trusted) => trusted,
    );
  }
}

/**
 * Partners run trusted operations only: the document they send (or its persisted-query hash)
 * must be registered for their organisation. Anything else is refused before it runs.
 */
export function trustedOperationsPlugin<Context extends { principal: Principal }>(
  directory: PartnerDirectory,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ source, contextValue }) {
          const { principal } = contextValue;
          if (principal.kind !== "partner" || !principal.organisationId) return;
          if (await directory.isTrusted(principal.organisationId, sha256(source))) return;
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
