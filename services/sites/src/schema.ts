import { buildFederatedSchema, createAuditLogResolver } from "@lamplight/subgraph-kit";
import type { GraphQLSchema } from "graphql";
import type { SitesContext } from "./context.js";
import { resolveRegionReference } from "./modules/region/region.reference.js";
import { RegionResolver } from "./modules/region/region.resolver.js";
import { Region } from "./modules/region/region.type.js";
import { resolveSiteReference } from "./modules/site/site.reference.js";
import { SiteResolver } from "./modules/site/site.resolver.js";
import { Site } from "./modules/site/site.type.js";

export function buildSitesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        SiteResolver,
        RegionResolver,
        createAuditLogResolver<SitesContext>("sitesAuditLog", (context) => context.auditLog),
      ],
      orphanedTypes: [Site, Region],
    },
    {
      Site: { __resolveReference: resolveSiteReference },
      Region: { __resolveReference: resolveRegionReference },
    },
  );
}
