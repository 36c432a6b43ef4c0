import { Role } from "@lamplight/platform";
import {
  Allow,
  Connection,
  type ConnectionResult,
  GATEWAY,
  PageArgs,
  pageRequest,
} from "@lamplight/subgraph-kit";
import {
  Arg,
  Args,
  Ctx,
  Directive,
  FieldResolver,
  Float,
  ID,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { AccessServiceContext } from "../../context.js";
import { OrganisationReference } from "../organisation/organisation.type.js";
import { CreateApiKeyInput } from "./api-key.inputs.js";
import { partnerAdminOrganisation } from "./api-key.policy.js";
import { ApiKey, CreatedApiKey, PartnerCredential, RotatedApiKey } from "./api-key.type.js";

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

  @Query(() => ApiKeyConnection, {
    description: "For a partner admin: their organisation's keys, newest first (never a secret).",
  })
  @Allow(Role.PARTNER_ADMIN)
  partnerApiKeys(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<ConnectionResult<ApiKey>> {
    return context.apiKeys.list(partnerAdminOrganisation(context.principal), pageRequest(page));
  }

  @Mutation(() => RotatedApiKey, {
    description:
      "Issues a new key with the same name and scopes, shown only in this answer; the old key keeps working for overlapHours (0 to 720, fractions allowed), then stops.",
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  rotateApiKey(
    @Arg("id", () => ID) id: string,
    @Arg("overlapHours", () => Float) overlapHours: number,
    @Ctx() context: AccessServiceContext,
  ): Promise<RotatedApiKey> {
    return context.apiKeyService.rotate(context.principal, id, overlapHours);
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
