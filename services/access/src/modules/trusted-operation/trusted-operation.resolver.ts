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
import { partnerAdminOrganisation } from "../api-key/api-key.policy.js";
import { OrganisationReference } from "../organisation/organisation.type.js";
import {
  ProposeTrustedOperationArgs,
  RegisterTrustedOperationInput,
  RejectTrustedOperationArgs,
} from "./trusted-operation.inputs.js";
import { TrustedOperation, TrustedOperationStatus } from "./trusted-operation.type.js";

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

  @Mutation(() => TrustedOperation, {
    description:
      "For a partner admin: proposes an operation for their organisation. It is PENDING, and not run, until a province admin approves it.",
  })
  @Allow(Role.PARTNER_ADMIN)
  proposeTrustedOperation(
    @Args(() => ProposeTrustedOperationArgs) args: ProposeTrustedOperationArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<TrustedOperation> {
    return context.trustedOperationService.propose(
      partnerAdminOrganisation(context.principal),
      args,
      context.principal.subject ?? "unknown",
    );
  }

  @Mutation(() => TrustedOperation, {
    description: "Approves a PENDING proposal: the organisation's keys may run it from now on.",
  })
  @Allow(Role.PROVINCE_ADMIN)
  approveTrustedOperation(
    @Arg("id", () => ID) id: string,
    @Ctx() context: AccessServiceContext,
  ): Promise<TrustedOperation> {
    return context.trustedOperationService.decide(id, {
      status: TrustedOperationStatus.APPROVED,
      decidedBy: context.principal.subject ?? "unknown",
    });
  }

  @Mutation(() => TrustedOperation, { description: "Rejects a PENDING proposal, saying why." })
  @Allow(Role.PROVINCE_ADMIN)
  rejectTrustedOperation(
    @Args(() => RejectTrustedOperationArgs) { id, reason }: RejectTrustedOperationArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<TrustedOperation> {
    return context.trustedOperationService.decide(id, {
      status: TrustedOperationStatus.REJECTED,
      decidedBy: context.principal.subject ?? "unknown",
      rejectionReason: reason.trim(),
    });
  }

  @Query(() => TrustedOperationConnection, {
    description:
      "Operations by status (PENDING by default: the proposals to review), the oldest first. A province admin sees every organisation's (or one's); a partner admin their own.",
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  trustedOperationProposals(
    @Arg("status", () => TrustedOperationStatus, { defaultValue: TrustedOperationStatus.PENDING })
    status: TrustedOperationStatus,
    @Arg("organisationId", () => ID, { nullable: true }) organisationId: string | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<ConnectionResult<TrustedOperation>> {
    const organisation = context.principal.roles.includes(Role.PROVINCE_ADMIN)
      ? organisationId
      : partnerAdminOrganisation(context.principal);
    return context.trustedOperations.listByStatus(status, organisation, pageRequest(page));
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
