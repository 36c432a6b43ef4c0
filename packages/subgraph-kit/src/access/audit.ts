import type { ApolloServerPlugin } from "@apollo/server";
import { type Logger, type Principal, ROLES } from "@lamplight/platform";
import {
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  isInputObjectType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  valueFromASTUntyped,
} from "graphql";
import { ArgsType, Directive, Field, ID, InputType, ObjectType } from "type-graphql";
import { ListBound } from "../list-bounds.js";

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
 * Records every root mutation field (entity, id of the result, the input fields given, outcome;
 * for a refused or failed one, every record its arguments name) and writes the request's audit
 * trail before the response leaves. Runs once per operation, not per resolved field.
 */
export function auditPlugin<Context extends { audit: AuditTrail }>(
  writer: AuditWriter,
  logger: Logger,
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, operation, document, schema, request, response }) {
          // A document refused by validation has no resolved operation; its mutations are still
          // attempts, and are recorded as refused.
          const attempted =
            operation ?? (document ? getOperationAST(document, request.operationName) : null) ?? undefined;
          if (attempted?.operation === "mutation")
            recordMutations(contextValue.audit, attempted, schema, request.variables ?? {}, response);
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
  schema: GraphQLSchema,
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
  // Errors without a path refused the whole operation (validation, variables): every field failed.
  const refusedWhole = result?.errors?.some((error) => !error.path) ?? false;
  for (const selection of operation.selectionSet.selections) {
    if (selection.kind !== Kind.FIELD) continue;
    const field = mutationType.getFields()[selection.name.value];
    if (!field) continue;
    const key = selection.alias?.value ?? selection.name.value;
    const entity = getNamedType(field.type).name;
    // The arguments as sent, even when they do not coerce: a refused mutation still names its target.
    const sent: Record<string, unknown> = {};
    for (const argument of selection.arguments ?? []) {
      sent[argument.name.value] = valueFromASTUntyped(argument.value, variables);
    }
    let args: Record<string, unknown> = sent;
    try {
      args = getArgumentValues(field, selection, variables);
    } catch {
      // arguments that do not coerce never reached a resolver; what was sent is recorded
    }
    const input =
      args.input && typeof args.input === "object" ? (args.input as Record<string, unknown>) : args;
    const value = result?.data?.[key] as { id?: unknown } | null | undefined;
    const failed = refusedWhole || !value || result?.errors?.some((error) => error.path?.[0] === key);
    const fields = Object.keys(input).sort();
    if (!failed) {
      const entityId =
        typeof value?.id === "string" ? value.id : typeof args.id === "string" ? args.id : null;
      trail.mutation(selection.name.value, entity, entityId, fields, "OK");
      continue;
    }
    // Refused or failed: one entry per record the arguments name, so that each record's history
    // shows the attempt; one without an id when they name none (a record not created).
    const targets = mutationTargets(schema, field.args, sent, entity);
    if (targets.length === 0) trail.mutation(selection.name.value, entity, null, fields, "FAILED");
    for (const target of targets) {
      trail.mutation(selection.name.value, target.entity, target.id, fields, "FAILED");
    }
  }
}

/** At most this many entries for one refused mutation: a list of ids cannot flood the log. */
const MAX_TARGETS = 100;

/**
 * The records a mutation's arguments name: every argument or input field of type ID (or a list of
 * them), whatever its name and however deep in input objects, codes aside. `id` names the mutation's own
 * entity (`returned`); `studentId`, `siteIds`, … the type of that name when the schema has one.
 */
export function mutationTargets(
  schema: GraphQLSchema,
  argumentsOf: readonly GraphQLArgument[],
  values: Record<string, unknown>,
  returned: string,
): { entity: string; id: string }[] {
  const targets = new Map<string, { entity: string; id: string }>();
  const entityNamed = (name: string) => {
    const stem = name.replace(/Ids?$/, "");
    if (stem === "id" || stem === "") return returned;
    const type = schema.getType(stem.charAt(0).toUpperCase() + stem.slice(1));
    return type && isObjectType(type) ? type.name : returned;
  };
  const visit = (name: string, type: GraphQLInputType, value: unknown, depth: number) => {
    if (value === null || value === undefined || depth > 8) return;
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (Array.isArray(value)) for (const item of value) visit(name, nullable.ofType, item, depth + 1);
      return;
    }
    if (isInputObjectType(nullable)) {
      if (typeof value !== "object" || Array.isArray(value)) return;
      for (const inner of Object.values(nullable.getFields())) {
        visit(inner.name, inner.type, (value as Record<string, unknown>)[inner.name], depth + 1);
      }
      return;
    }
    // A code (`regionCode`, `fundCode`) names a place or a kind, not a record.
    if (getNamedType(nullable).name !== "ID" || /Code$/.test(name)) return;
    if (typeof value !== "string" && typeof value !== "number") return;
    if (targets.size >= MAX_TARGETS) return;
    const target = { entity: entityNamed(name), id: String(value) };
    targets.set(`${target.entity}:${target.id}`, target);
  };
  for (const argument of argumentsOf) visit(argument.name, argument.type, values[argument.name], 0);
  return [...targets.values()];
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
