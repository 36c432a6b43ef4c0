import type { ApolloServerPlugin } from "@apollo/server";
import { getArgumentValues, getNamedType, Kind, type OperationDefinitionNode } from "graphql";
import { ArgsType, Directive, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListBound } from "../list-bounds.js";
import type { Logger } from "../logger.js";
import { type Principal, ROLES } from "./principal.js";

export type AuditAction = "READ" | "MUTATION";

/** One audited event: who read which sensitive fields of what, or who changed what. */
export interface AuditEvent {
  at: Date;
  requestId: string;
  actorKind: Principal["kind"];
  actorId: string | null;
  actorRoles: string[];
  action: AuditAction;
  /** The root field of the operation, e.g. `createSite` or `student`. */
  operation: string;
  entity: string;
  entityId: string | null;
  fields: string[];
  outcome: "OK" | "FAILED";
}

/** Where a subgraph keeps its audit log: its own database, append-only. */
export interface AuditWriter {
  write(events: AuditEvent[]): Promise<void>;
}

/**
 * The audit events of one request. Sensitive reads of one entity merge into one event listing the
 * fields read; everything is written once, when the response is sent.
 */
export class AuditTrail {
  readonly #reads = new Map<string, AuditEvent>();
  readonly #events: AuditEvent[] = [];

  constructor(
    private readonly principal: Principal,
    private readonly requestId: string,
  ) {}

  #event(
    action: AuditAction,
    operation: string,
    entity: string,
    entityId: string | null,
    fields: string[],
    outcome: AuditEvent["outcome"],
  ): AuditEvent {
    return {
      at: new Date(),
      requestId: this.requestId,
      actorKind: this.principal.kind,
      actorId: this.principal.subject,
      actorRoles: [...this.principal.roles],
      action,
      operation,
      entity,
      entityId,
      fields,
      outcome,
    };
  }

  read(operation: string, entity: string, entityId: string | null, field: string): void {
    const key = `${entity}:${entityId}`;
    const existing = this.#reads.get(key);
    if (existing) {
      if (!existing.fields.includes(field)) existing.fields.push(field);
      return;
    }
    this.#reads.set(key, this.#event("READ", operation, entity, entityId, [field], "OK"));
  }

  mutation(
    operation: string,
    entity: string,
    entityId: string | null,
    fields: string[],
    outcome: AuditEvent["outcome"],
  ): void {
    this.#events.push(this.#event("MUTATION", operation, entity, entityId, fields, outcome));
  }

  drain(): AuditEvent[] {
    const events = [...this.#events, ...this.#reads.values()];
    this.#events.length = 0;
    this.#reads.clear();
    return events;
  }
}

/**
 * Records every root mutation field (entity, id of the result, the input fields given, outcome)
 * and writes the request's audit trail before the response leaves. Runs once per operation,
 * not per resolved field.
 */
export function auditPlugin<Context extends { audit: AuditTrail }>(
  writer: AuditWriter,
  logger: Logger,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, schema, request, response }) {
          if (operation?.operation === "mutation")
            recordMutations(contextValue.audit, operation, schema, request.variables ?? {}, response);
          const events = contextValue.audit.drain();
          if (events.length === 0) return;
          try {
            await writer.write(events);
          } catch (error) {
            logger.error({ err: error, events: events.length }, "audit log write failed");
          }
        },
      };
    },
  };
}

function recordMutations(
  trail: AuditTrail,
  operation: OperationDefinitionNode,
  schema: import("graphql").GraphQLSchema,
  variables: Record<string, unknown>,
  response: {
    body: {
      kind: string;
      singleResult?: {
        data?: Record<string, unknown> | null;
        errors?: readonly { path?: readonly (string | number)[] }[];
      };
    };
  },
): void {
  const mutationType = schema.getMutationType();
  if (!mutationType) return;
  const result = response.body.kind === "single" ? response.body.singleResult : undefined;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field = mutationType.getFields()[selection.name.value];
    if (!field) continue;
    const key = selection.alias?.value ?? selection.name.value;
    let args: Record<string, unknown> = {};
    try {
      args = getArgumentValues(field, selection, variables);
    } catch {
      // invalid arguments never reached a resolver; the empty list says so
    }
    const input =
      args.input && typeof args.input === "object" ? (args.input as Record<string, unknown>) : args;
    const value = result?.data?.[key] as { id?: unknown } | null | undefined;
    const failed = !value || result?.errors?.some((error) => error.path?.[0] === key);
    const entityId = typeof value?.id === "string" ? value.id : typeof args.id === "string" ? args.id : null;
    trail.mutation(
      selection.name.value,
      getNamedType(field.type).name,
      entityId,
      Object.keys(input).sort(),
      failed ? "FAILED" : "OK",
    );
  }
}

@Directive("@shareable")
@ObjectType({ description: "One entry of a subgraph's append-only audit log." })
export class AuditEntry {
  @Field(() => ID)
  id!: string;

  @Field(() => Date)
  at!: Date;

  @Field(() => String)
  requestId!: string;

  @Field(() => String, { description: "anonymous, user, partner, or service (the gateway itself)." })
  actorKind!: string;

  @Field(() => String, { nullable: true, description: "The user's subject or the partner key's id." })
  actorId!: string | null;

  @Field(() => [String])
  @ListBound(ROLES.length)
  actorRoles!: string[];

  @Field(() => String, { description: "READ (of sensitive fields) or MUTATION." })
  action!: string;

  @Field(() => String)
  operation!: string;

  @Field(() => String)
  entity!: string;

  @Field(() => String, { nullable: true })
  entityId!: string | null;

  @Field(() => [String], {
    description: "The sensitive fields read, or the input fields given: at most 100.",
  })
  @ListBound(100)
  fields!: string[];

  @Field(() => String, { description: "OK or FAILED." })
  outcome!: string;
}

@InputType({ description: "Which audit entries to list; every condition given must hold." })
export class AuditFilter {
  @Field(() => String, { nullable: true })
  actorId?: string | null;

  @Field(() => String, { nullable: true })
  entity?: string | null;

  @Field(() => String, { nullable: true })
  entityId?: string | null;

  @Field(() => Date, { nullable: true, description: "From this instant (inclusive)." })
  from?: Date | null;

  @Field(() => Date, { nullable: true, description: "Until this instant (exclusive)." })
  to?: Date | null;
}

@ArgsType()
export class AuditFilterArgs {
  @Field(() => AuditFilter, { nullable: true })
  filter?: AuditFilter | null;
}

/** The Prisma `where` for an audit filter (the column names are the same in every subgraph). */
export function auditWhere(filter: AuditFilter | null | undefined): Record<string, unknown> {
  const where: Record<string, unknown> = {};
  if (filter?.actorId) where.actorId = filter.actorId;
  if (filter?.entity) where.entity = filter.entity;
  if (filter?.entityId) where.entityId = filter.entityId;
  if (filter?.from || filter?.to) {
    where.at = { ...(filter.from ? { gte: filter.from } : {}), ...(filter.to ? { lt: filter.to } : {}) };
  }
  return where;
}
