import type { AuditLog, BaseContext, ReferencedIdsReader } from "@lamplight/subgraph-kit";
import type { ApiKeyRepository } from "./modules/api-key/api-key.repository.js";
import type { ApiKeyService } from "./modules/api-key/api-key.service.js";
import type { ApiKeyUsageRepository } from "./modules/api-key-usage/api-key-usage.repository.js";
import type { ApiKeyUsageService } from "./modules/api-key-usage/api-key-usage.service.js";
import type { OrganisationReplicaRepository } from "./modules/organisation/organisation.replica.js";
import type { TrustedOperationRepository } from "./modules/trusted-operation/trusted-operation.repository.js";
import type { TrustedOperationService } from "./modules/trusted-operation/trusted-operation.service.js";
import type { WebhookRepository } from "./modules/webhook/webhook.repository.js";
import type { WebhookService } from "./modules/webhook/webhook.service.js";

/** What this subgraph's resolvers receive. */
export interface AccessServiceContext extends BaseContext {
  apiKeys: ApiKeyRepository;
  trustedOperations: TrustedOperationRepository;
  /** The commands: issuing and revoking keys, checking them, registering operations. */
  apiKeyService: ApiKeyService;
  trustedOperationService: TrustedOperationService;
  /** Partner keys' requests per day and operation, as the gateway counts them. */
  apiKeyUsage: ApiKeyUsageRepository;
  apiKeyUsageService: ApiKeyUsageService;
  /** The organisations access knows from people's events. */
  knownOrganisations: OrganisationReplicaRepository;
  /** Partners' webhook subscriptions and their deliveries. */
  webhooks: WebhookRepository;
  webhookService: WebhookService;
  auditLog: AuditLog;
  /** The ids of other subgraphs' records this one names (its references listing). */
  referencedIds: ReferencedIdsReader;
}
