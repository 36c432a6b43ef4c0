import {
  DEMO_PARTNER_KEY_ID,
  DEMO_PARTNER_OPERATIONS,
  DEMO_SEED,
  demoPartnerKeySecret,
} from "@lamplight/seed-kit";
import type { PrismaClient } from "../generated/prisma/client.js";
import { ApiKeyRepository } from "../modules/api-key/api-key.repository.js";
import { ApiKeyService, hashSecret } from "../modules/api-key/api-key.service.js";
import { TrustedOperationRepository } from "../modules/trusted-operation/trusted-operation.repository.js";
import { OperationScopeCheck } from "../modules/trusted-operation/trusted-operation.scopes.js";
import { TrustedOperationService } from "../modules/trusted-operation/trusted-operation.service.js";
import { DEMO_PARTNER } from "./demo-partner.js";

export { DEMO_PARTNER } from "./demo-partner.js";

const SEEDED_BY = "demo-seed";

/**
 * Loads the demo partner: its key (with the well-known secret) and the operations it may run.
 * Idempotent: an existing demo key and registered operations are kept.
 */
export async function seedAccess(
  prisma: PrismaClient,
  seed = DEMO_SEED,
): Promise<{ apiKeys: number; trustedOperations: number }> {
  const secret = demoPartnerKeySecret(seed);
  let apiKeys = 0;
  const existing = await prisma.apiKey.findUnique({ where: { secretHash: hashSecret(secret) } });
  if (existing) {
    // A demo database seeded before the demo partner's operations needed more scopes: its key
    // gets the scopes the operations below are registered under.
    const missing = DEMO_PARTNER.scopes.filter((scope) => !existing.scopes.includes(scope));
    if (missing.length > 0) {
      await prisma.apiKey.update({
        where: { id: existing.id },
        data: { scopes: [...new Set([...existing.scopes, ...missing])].sort() },
      });
    }
  } else {
    await new ApiKeyService(new ApiKeyRepository(prisma)).create(
      {
        organisationId: DEMO_PARTNER.id,
        name: "demo partner's reporting system",
        scopes: DEMO_PARTNER.scopes,
        expiresAt: null,
      },
      SEEDED_BY,
      { secret, id: DEMO_PARTNER_KEY_ID },
    );
    apiKeys = 1;
  }
  const operations = new TrustedOperationService(
    new TrustedOperationRepository(prisma),
    new OperationScopeCheck(new ApiKeyRepository(prisma)),
  );
  for (const operation of DEMO_PARTNER_OPERATIONS) {
    await operations.register({ organisationId: DEMO_PARTNER.id, ...operation }, SEEDED_BY);
  }
  return { apiKeys, trustedOperations: DEMO_PARTNER_OPERATIONS.length };
}
