import { Role } from "@lamplight/platform";
import {
  Allow,
  Connection,
  type ConnectionResult,
  GATEWAY,
  PageArgs,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, Directive, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { AccessServiceContext } from "../../context.js";
import { OrganisationReference } from "../organisation/organisation.type.js";
import { CreateApiKeyInput } from "./api-key.inputs.js";
import { ApiKey, CreatedApiKey, PartnerCredential } from "./api-key.type.js";

export const ApiKeyConnection = Connection(ApiKey);

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Mutation(() => CreatedApiKey, {
    description: "Issues a key to a partner organisation. The secret is shown only in this answer.",
  })
  @Allow(Role.PROVINCE_ADMIN)
  async createApiKey(
    @Arg("input", () => CreateApiKeyInput) input: CreateApiKeyInput,
    @Ctx() context: AccessServiceContext,
  ): Promise<CreatedApiKey> {
    await context.knownOrganisations.require(input.organisationId, "input.organisationId");
    return context.apiKeyService.create(input, context.principal.subject ?? "unknown");
  }

  @Query(() => ApiKeyConnection, {
    description: "Partner keys, newest first; one organisation's when given.",
  })
  @Allow(Role.PROVINCE_ADMIN)
  apiKeys(
    @Arg("organisationId", () => ID, { nullable: true }) organisationId: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<ConnectionResult<ApiKey>> {
    return context.apiKeys.list(organisationId, pageRequest(page));
  }

  @Mutation(() => ApiKey, { description: "Stops a key from working, at once." })
  @Allow(Role.PROVINCE_ADMIN)
  revokeApiKey(@Arg("id", () => ID) id: string, @Ctx() context: AccessServiceContext): Promise<ApiKey> {
    return context.apiKeyService.revoke(id, context.principal.subject ?? "unknown");
  }

  @Query(() => PartnerCredential, {
    nullable: true,
    description: "For the gateway: the credential a key secret stands for.",
  })
  @Directive("@inaccessible")
  @Allow(GATEWAY)
  partnerCredential(@Arg("secret", () => String) secret: string, @Ctx() context: AccessServiceContext) {
    return context.apiKeyService.verify(secret);
  }

  @FieldResolver(() => OrganisationReference, {
    nullable: true,
    description: "The partner organisation (people subgraph).",
  })
  organisation(@Root() parent: ApiKey): OrganisationReference {
    return { id: parent.organisationId };
  }
}
