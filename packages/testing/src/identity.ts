import {
  ANONYMOUS,
  DEVELOPMENT_IDENTITY_KEY,
  type DevelopmentTokenClaims,
  IDENTITY_HEADER,
  identityKey,
  type Principal,
  signDevelopmentToken,
  signIdentity,
} from "@lamplight/platform";
import { discoverSubgraphs } from "@lamplight/supergraph";

/** The identity key test servers share, as the gateway and subgraphs of one deployment do. */
export const TEST_IDENTITY_KEY = identityKey(DEVELOPMENT_IDENTITY_KEY);

/** A principal with the given parts; everything else as for the anonymous public. */
export function principal(parts: Partial<Principal>): Principal {
  return { ...ANONYMOUS, kind: "user", subject: "test-user", ...parts };
}

/**
 * Every registered subgraph's name (a new one included): a test calling subgraphs directly signs
 * for whichever it calls.
 */
export const SUBGRAPH_NAMES: readonly string[] = discoverSubgraphs().map((subgraph) => subgraph.name);

/**
 * Headers that call a subgraph directly as `who`, signed as the gateway would sign them (for
 * `audience`, by default any subgraph).
 */
export async function identityHeaders(
  who: Partial<Principal>,
  audience: string | readonly string[] = SUBGRAPH_NAMES,
): Promise<Record<string, string>> {
  return { [IDENTITY_HEADER]: await signIdentity(principal(who), TEST_IDENTITY_KEY, { audience }) };
}

/** Headers that call the gateway with a development bearer token carrying these claims. */
export async function bearerHeaders(claims: DevelopmentTokenClaims): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signDevelopmentToken(claims)}` };
}
