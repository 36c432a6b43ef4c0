import { Role } from "@lamplight/platform";
import { Args, type ClassType, Ctx, Query, Resolver } from "type-graphql";
import {
  Connection,
  type ConnectionResult,
  PageArgs,
  type PageableDelegate,
  pageRequest,
  paginate,
} from "../pagination.js";
import { AuditEntry, type AuditEvent, AuditFilterArgs, type AuditWriter, auditWhere } from "./audit.js";
import { type AccessContext, Allow } from "./authorize.js";

/** The Prisma delegate of a subgraph's `AuditEntry` model (the model is the same in every subgraph). */
export interface AuditDelegate extends PageableDelegate<AuditEntry> {
  createMany(args: { data: AuditEvent[] }): Promise<unknown>;
}

/** A subgraph's audit log in its own database: written once per request, read by admins a page at a time. */
export class AuditLog implements AuditWriter {
  constructor(private readonly delegate: AuditDelegate) {}

  async write(events: AuditEvent[]): Promise<void> {
    await this.delegate.createMany({ data: events });
  }

  list(filter: AuditFilterArgs["filter"], page: PageArgs): Promise<ConnectionResult<AuditEntry>> {
    return paginate(this.delegate, {
      where: auditWhere(filter),
      order: [
        { field: "at", direction: "desc" },
        { field: "id", direction: "desc" },
      ],
      page: pageRequest(page),
    });
  }
}

export const AuditEntryConnection = Connection(AuditEntry);

/**
 * The query that lists a subgraph's audit log, named per subgraph (`sitesAuditLog`, …) so that
 * the composed graph has one per database. Province admins only.
 */
export function createAuditLogResolver<Context extends AccessContext>(
  fieldName: string,
  auditLogOf: (context: Context) => AuditLog,
): ClassType {
  @Resolver()
  class AuditLogResolver {
    @Query(() => AuditEntryConnection, {
      name: fieldName,
      description:
        "Sensitive reads and mutations recorded by this subgraph, newest first. Province admins only.",
    })
    @Allow(Role.PROVINCE_ADMIN)
    auditLog(
      @Args(() => AuditFilterArgs) { filter }: AuditFilterArgs,
      @Args(() => PageArgs) page: PageArgs,
      @Ctx() context: Context,
    ) {
      return auditLogOf(context).list(filter, page);
    }
  }
  return AuditLogResolver;
}
