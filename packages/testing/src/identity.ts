import { type DevelopmentTokenClaims, signDevelopmentToken } from "@lamplight/gateway/auth";
import {
  ANONYMOUS,
  DEVELOPMENT_IDENTITY_KEY,
  IDENTITY_HEADER,
  identityKey,
  type Principal,
  signIdentity,
} from "@lamplight/subgraph-kit";

/** The identity key test servers share, as the gateway and subgraphs of one deployment do. */
export const TEST_IDENTITY_KEY = identityKey(DEVELOPMENT_IDENTITY_KEY);

/** A principal with the given parts; everything else as for the anonymous public. */
export function principal(parts: Partial<Principal>): Principal {
  return { ...ANONYMOUS, kind: "user", subject: "test-user", ...parts };
}

/** Headers that call a subgraph directly as `who`, signed as the gateway would sign them. */
export async function identityHeaders(who: Partial<Principal>): Promise<Record<string, string>> {
  return { [IDENTITY_HEADER]: await signIdentity(principal(who), TEST_IDENTITY_KEY) };
}

/** Headers that call the gateway with a development bearer token carrying these claims. */
export async function bearerHeaders(claims: DevelopmentTokenClaims): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await signDevelopmentToken(claims)}` };
}
