import { buildFederatedSchema, createAuditLogResolver } from "@lamplight/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import type { AccessServiceContext } from "./context.js";
import { ApiKeyResolver } from "./modules/api-key/api-key.resolver.js";
import { ApiKeyUsageResolver } from "./modules/api-key-usage/api-key-usage.resolver.js";
import { OrganisationReference } from "./modules/organisation/organisation.type.js";
import { TrustedOperationResolver } from "./modules/trusted-operation/trusted-operation.resolver.js";
import { WebhookDeliveryResolver, WebhookResolver } from "./modules/webhook/webhook.resolver.js";
import { AccessReferencesResolver } from "./references-listing.js";

export function buildAccessSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema({
    resolvers: [
      ApiKeyResolver,
      ApiKeyUsageResolver,
      TrustedOperationResolver,
      WebhookResolver,
      WebhookDeliveryResolver,
      createAuditLogResolver<AccessServiceContext>("accessAuditLog", (context) => context.auditLog),
      AccessReferencesResolver,
    ],
    orphanedTypes: [OrganisationReference],
  });
}
