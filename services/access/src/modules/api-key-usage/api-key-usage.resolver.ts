import { BadUserInputError, Role } from "@lamplight/platform";
import { daysBetween } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  DateScalar,
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
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from "type-graphql";
import type { AccessServiceContext } from "../../context.js";
import { requireManagedKey } from "../api-key/api-key.policy.js";
import { RecordApiKeyUsageInput } from "./api-key-usage.inputs.js";
import { ApiKeyUsage } from "./api-key-usage.type.js";

export const ApiKeyUsageConnection = Connection(ApiKeyUsage);

/** The longest range one usage query covers, in days. */
export const MAX_USAGE_DAYS = 366;

@Resolver(() => ApiKeyUsage)
export class ApiKeyUsageResolver {
  @Query(() => ApiKeyUsageConnection, {
    description: `A key's requests per day and operation, from \`from\` to \`to\` (days of the province, both included, at most ${MAX_USAGE_DAYS}); for province admins and the key's partner admin. Counts arrive from the gateway about once a minute.`,
  })
  @Allow(Role.PROVINCE_ADMIN, Role.PARTNER_ADMIN)
  async apiKeyUsage(
    @Arg("keyId", () => ID) keyId: string,
    @Arg("from", () => DateScalar) from: Date,
    @Arg("to", () => DateScalar) to: Date,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: AccessServiceContext,
  ): Promise<ConnectionResult<ApiKeyUsage>> {
    requireManagedKey(context.principal, await context.apiKeys.findById(keyId), keyId);
    const days = daysBetween(from, to) + 1;
    if (days < 1 || days > MAX_USAGE_DAYS) {
      throw new BadUserInputError(`from..to must be 1 to ${MAX_USAGE_DAYS} days, from first to last`, {
        field: "to",
      });
    }
    return context.apiKeyUsage.list(keyId, from, to, pageRequest(page));
  }

  @Mutation(() => Int, { description: "For the gateway: adds what it counted of partner keys' requests." })
  @Directive("@inaccessible")
  @Allow(GATEWAY)
  recordApiKeyUsage(
    @Arg("input", () => RecordApiKeyUsageInput) input: RecordApiKeyUsageInput,
    @Ctx() context: AccessServiceContext,
  ): Promise<number> {
    return context.apiKeyUsageService.record(input.counts);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The operation's name; null for requests refused before it was read (rate-limited).",
  })
  operation(@Root() row: ApiKeyUsage): string | null {
    return row.operation || null;
  }
}
