import {
  AuditLog,
  createSubgraphServer,
  ReferencedIdsReader,
  type SubgraphServer,
  type SubgraphServerDeps,
} from "@lamplight/subgraph-kit";
import type { AccessServiceContext } from "./context.js";
import { consumes } from "./events.js";
import type { PrismaClient } from "./generated/prisma/client.js";
import { ApiKeyRepository } from "./modules/api-key/api-key.repository.js";
import { ApiKeyService } from "./modules/api-key/api-key.service.js";
import { ApiKeyUsageRepository } from "./modules/api-key-usage/api-key-usage.repository.js";
import { ApiKeyUsageService } from "./modules/api-key-usage/api-key-usage.service.js";
import { OrganisationReplicaRepository } from "./modules/organisation/organisation.replica.js";
import { TrustedOperationRepository } from "./modules/trusted-operation/trusted-operation.repository.js";
import { OperationScopeCheck } from "./modules/trusted-operation/trusted-operation.scopes.js";
import { TrustedOperationService } from "./modules/trusted-operation/trusted-operation.service.js";
import {
  DEFAULT_WEBHOOK_DELIVERY,
  type WebhookDeliverySettings,
  WebhookSender,
} from "./modules/webhook/webhook.delivery.js";
import { WebhookRepository } from "./modules/webhook/webhook.repository.js";
import { WebhookService } from "./modules/webhook/webhook.service.js";
import { buildAccessSchema } from "./schema.js";

export interface AccessServerDeps extends SubgraphServerDeps<PrismaClient> {
  /** The composed supergraph that says which scope each field needs (SUPERGRAPH_PATH). */
  supergraphPath?: string;
  /** NODE_ENV=production: webhook URLs must be https. */
  production?: boolean;
  /** How webhook deliveries are retried and timed out (WEBHOOK_* settings). */
  webhookDelivery?: Partial<WebhookDeliverySettings>;
}

/** The access subgraph, ready to listen; tests call this with a fresh database. */
export async function createServer(deps: AccessServerDeps): Promise<SubgraphServer> {
  const { database } = deps;
  const apiKeys = new ApiKeyRepository(database.client);
  const trustedOperations = new TrustedOperationRepository(database.client);
  const apiKeyService = new ApiKeyService(apiKeys);
  const trustedOperationService = new TrustedOperationService(
    trustedOperations,
    new OperationScopeCheck(apiKeys, deps.supergraphPath),
  );
  const apiKeyUsage = new ApiKeyUsageRepository(database.client);
  const apiKeyUsageService = new ApiKeyUsageService(apiKeyUsage);
  // Operations registered when they were known by the hash of their exact text get the hash of
  // their normalised document, once (after that, there is nothing to do at start).
  const normalised = await trustedOperationService.normaliseStoredHashes();
  if (normalised.rehashed > 0) {
    deps.logger.info(normalised, "trusted operations now known by their normalised hash");
  }
  const knownOrganisations = new OrganisationReplicaRepository(database.client);
  const auditLog = new AuditLog(database.client.auditEntry);
  const referencedIds = new ReferencedIdsReader(database.client);
  const webhooks = new WebhookRepository(database.client);
  const webhookService = new WebhookService(webhooks, apiKeys, deps.production ?? false);
  const webhookSender = new WebhookSender(webhooks, auditLog, deps.logger, {
    ...DEFAULT_WEBHOOK_DELIVERY,
    ...deps.webhookDelivery,
  });
  return createSubgraphServer<AccessServiceContext>({
    // The name, database, logger, identity key and settings, as the entry point or a test gave them.
    ...deps,
    schema: await buildAccessSchema(),
    context: (base) => ({
      ...base,
      apiKeys,
      trustedOperations,
      apiKeyService,
      trustedOperationService,
      apiKeyUsage,
      apiKeyUsageService,
      knownOrganisations,
      webhooks,
      webhookService,
      auditLog,
      referencedIds,
    }),
    // Organisations from people: a key is issued only to one people has registered. Sites' and
    // campaigns' events: partners' webhook deliveries, which the sender sends beside requests.
    events: { ...deps.events, consumes },
    background: [webhookSender],
    auditLog,
  });
}
