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
import { RegisterTrustedOperationInput } from "./trusted-operation.inputs.js";
import { TrustedOperation } from "./trusted-operation.type.js";

export const TrustedOperationConnection = Connection(TrustedOperation);

@Resolver(() => TrustedOperation)
export class TrustedOperationResolver {
  @Mutation(() => TrustedOperation, { description: "Allows a partner organisation to run this operation." })
  @Allow(Role.PROVINCE_ADMIN)
  async registerTrustedOperation(
    @Arg("input", () => RegisterTrustedOperationInput) input: RegisterTrustedOperationInput,
    @Ctx() context: AccessServiceContext,
  ): Promise<TrustedOperation> {
    await context.knownOrganisations.require(input.organisationId, "input.organisationId");
    return context.trustedOperationService.register(input, context.principal.subject ?? "unknown");
  }

  @Query(() => TrustedOperationConnection, {
    description: "The operations an organisation may run, by name.",
  })
  @Allow(Role.PROVINCE_ADMIN)
  trustedOperations(
    @Arg("organisationId", () => ID) organisationId: string,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<ConnectionResult<TrustedOperation>> {
    return context.trustedOperations.list(organisationId, pageRequest(page));
  }

  @Query(() => Boolean, { description: "For the gateway: whether this organisation may run this document." })
  @Directive("@inaccessible")
  @Allow(GATEWAY)
  isTrustedOperation(
    @Arg("organisationId", () => ID) organisationId: string,
    @Arg("sha256", () => String) sha256: string,
    @Ctx() context: AccessServiceContext,
  ): Promise<boolean> {
    return context.trustedOperations.isTrusted(organisationId, sha256);
  }

  @Query(() => String, {
    nullable: true,
    description:
      "For the gateway: the document registered for this organisation under this hash (a partner sent the hash alone).",
  })
  @Directive("@inaccessible")
  @Allow(GATEWAY)
  trustedOperationDocument(
    @Arg("organisationId", () => ID) organisationId: string,
    @Arg("sha256", () => String) sha256: string,
    @Ctx() context: AccessServiceContext,
  ): Promise<string | null> {
    return context.trustedOperations.documentOf(organisationId, sha256);
  }

  @FieldResolver(() => OrganisationReference, {
    nullable: true,
    description: "The partner organisation (people subgraph).",
  })
  organisation(@Root() parent: TrustedOperation): OrganisationReference {
    return { id: parent.organisationId };
  }
}
