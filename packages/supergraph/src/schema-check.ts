import { printSchema, Supergraph } from "@apollo/federation-internals";
import {
  buildSchema,
  type DocumentNode,
  findBreakingChanges,
  findDangerousChanges,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInputType,
  isInterfaceType,
  isObjectType,
  parse,
  TypeInfo,
  typeFromAST,
  validate,
  visit,
  visitWithTypeInfo,
} from "graphql";

/**
 * What `pnpm schema:check` decides about a change of the graph clients see: graphql-js's own
 * breaking and dangerous changes, the additions beside them, and which registered operations each
 * one touches. A change is named by schema coordinates (`Site`, `Site.hostModel`,
 * `Query.sites(first:)`, `HostModel.FAMILY`, `@include`), and so is what an operation uses.
 */

/**
 * The graph clients see of a supergraph, as SDL: its API schema, without @inaccessible fields and
 * types or the federation machinery, as the gateway derives it. Printed, not a graphql-js schema:
 * the Apollo packages load graphql's CommonJS build, which a caller on its ESM build cannot share.
 */
export function apiSchemaSdl(supergraphSdl: string): string {
  return printSchema(Supergraph.build(supergraphSdl).apiSchema());
}

/** An operation a client is known to run: a partner's trusted operation or a first-party document. */
export interface RegisteredOperation {
  /** Who runs it: the partner organisation (name or id, as its source knows it) or the app. */
  organisation: string;
  name: string;
  document: string;
  /** Where the check found it: `demo seed`, an export file, `apps/web/src/…graphql`. */
  source: string;
}

export type ChangeLevel = "breaking" | "dangerous" | "safe";

export interface SchemaChange {
  level: ChangeLevel;
  /** graphql-js's change type (`FIELD_REMOVED`, …), or `TYPE_ADDED`, `FIELD_ADDED`, `DEPRECATED`. */
  type: string;
  description: string;
  /** What the change is about, as schema coordinates. */
  coordinates: string[];
  /** The operations that use one of the coordinates. */
  operations: RegisteredOperation[];
}

export interface InvalidOperation {
  operation: RegisteredOperation;
  /** The validation errors (or the syntax error). */
  errors: string[];
}

export interface DeprecatedUse {
  coordinate: string;
  reason: string;
  operations: RegisteredOperation[];
}

export interface SchemaCheckReport {
  /** False without a previous schema: then there are no changes, only the operations checked. */
  compared: boolean;
  changes: SchemaChange[];
  /** Operations valid against the previous schema that the next one refuses. */
  broken: InvalidOperation[];
  /** Operations the previous schema refused already: reported, they do not fail the check. */
  alreadyInvalid: InvalidOperation[];
  /** Deprecated fields, arguments and enum values of the next schema that operations still use. */
  deprecatedUses: DeprecatedUse[];
  operationsChecked: number;
  /** A breaking change an operation uses, or an operation that no longer validates. */
  failed: boolean;
}

const NAME = String.raw`([_A-Za-z]\w*)`;

/**
 * The coordinates of each of graphql-js's changes, read from its description (its only statement
 * of what changed). A change an operation cannot use by name (a directive's location) names the
 * directive.
 */
const CHANGE_COORDINATES: Record<string, [RegExp, (names: string[]) => string]> = {
  TYPE_REMOVED: [new RegExp(`^(?:Standard scalar )?${NAME} was removed`), ([type]) => type!],
  TYPE_CHANGED_KIND: [new RegExp(`^${NAME} changed from`), ([type]) => type!],
  TYPE_REMOVED_FROM_UNION: [
    new RegExp(`^${NAME} was removed from union type ${NAME}`),
    ([, union]) => union!,
  ],
  TYPE_ADDED_TO_UNION: [new RegExp(`^${NAME} was added to union type ${NAME}`), ([, union]) => union!],
  VALUE_REMOVED_FROM_ENUM: [
    new RegExp(`^${NAME} was removed from enum type ${NAME}`),
    ([value, type]) => `${type}.${value}`,
  ],
  VALUE_ADDED_TO_ENUM: [new RegExp(`^${NAME} was added to enum type ${NAME}`), ([, type]) => type!],
  REQUIRED_INPUT_FIELD_ADDED: [
    new RegExp(`^A required field ${NAME} on input type ${NAME}`),
    ([, type]) => type!,
  ],
  OPTIONAL_INPUT_FIELD_ADDED: [
    new RegExp(`^An optional field ${NAME} on input type ${NAME}`),
    ([, type]) => type!,
  ],
  IMPLEMENTED_INTERFACE_REMOVED: [new RegExp(`^${NAME} no longer implements interface`), ([type]) => type!],
  IMPLEMENTED_INTERFACE_ADDED: [
    new RegExp(`^${NAME} added to interfaces implemented by ${NAME}`),
    ([iface]) => iface!,
  ],
  FIELD_REMOVED: [new RegExp(`^${NAME}\\.${NAME} was removed`), ([type, field]) => `${type}.${field}`],
  FIELD_CHANGED_KIND: [new RegExp(`^${NAME}\\.${NAME} changed type`), ([type, field]) => `${type}.${field}`],
  ARG_REMOVED: [
    new RegExp(`^${NAME}\\.${NAME} arg ${NAME}`),
    ([type, field, arg]) => `${type}.${field}(${arg}:)`,
  ],
  ARG_CHANGED_KIND: [
    new RegExp(`^${NAME}\\.${NAME} arg ${NAME}`),
    ([type, field, arg]) => `${type}.${field}(${arg}:)`,
  ],
  // A default applies to the operations that leave the argument out: every use of the field.
  ARG_DEFAULT_VALUE_CHANGE: [new RegExp(`^${NAME}\\.${NAME} arg`), ([type, field]) => `${type}.${field}`],
  REQUIRED_ARG_ADDED: [
    new RegExp(`^A required arg ${NAME} on ${NAME}\\.${NAME}`),
    ([, type, field]) => `${type}.${field}`,
  ],
  OPTIONAL_ARG_ADDED: [
    new RegExp(`^An optional arg ${NAME} on ${NAME}\\.${NAME}`),
    ([, type, field]) => `${type}.${field}`,
  ],
  DIRECTIVE_REMOVED: [new RegExp(`^${NAME} was removed`), ([directive]) => `@${directive}`],
  DIRECTIVE_ARG_REMOVED: [new RegExp(`was removed from ${NAME}\\.$`), ([directive]) => `@${directive}`],
  REQUIRED_DIRECTIVE_ARG_ADDED: [
    new RegExp(`on directive ${NAME} was added`),
    ([directive]) => `@${directive}`,
  ],
  DIRECTIVE_REPEATABLE_REMOVED: [
    new RegExp(`was removed from ${NAME}\\.$`),
    ([directive]) => `@${directive}`,
  ],
  DIRECTIVE_LOCATION_REMOVED: [new RegExp(`was removed from ${NAME}\\.$`), ([directive]) => `@${directive}`],
};

function coordinatesOf(change: { type: string; description: string }): string[] {
  const rule = CHANGE_COORDINATES[change.type];
  const match = rule?.[0].exec(change.description);
  return rule && match ? [rule[1](match.slice(1))] : [];
}

/**
 * Everything an operation uses, as coordinates in `schema`: the types it reads or sends, the
 * fields it selects, the arguments and input fields it writes, the enum values it names and the
 * directives it applies. A variable may carry any field of its input type and any value of its
 * enum, so a variable counts as using all of them.
 */
export function coordinatesUsed(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const sendable = (type: GraphQLInputType, seen = new Set<string>()) => {
    const named = getNamedType(type);
    if (seen.has(named.name)) return;
    seen.add(named.name);
    used.add(named.name);
    if (isEnumType(named)) for (const value of named.getValues()) used.add(`${named.name}.${value.name}`);
    if (isInputObjectType(named)) {
      for (const field of Object.values(named.getFields())) {
        used.add(`${named.name}.${field.name}`);
        sendable(field.type, seen);
      }
    }
  };
  const named = (type: GraphQLNamedType | null | undefined) => {
    if (type) used.add(type.name);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (type && isInputType(type)) sendable(type);
      },
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        named(parent);
        used.add(`${parent.name}.${field.name}`);
        named(getNamedType(field.type));
      },
      Argument() {
        const argument = typeInfo.getArgument();
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!argument || typeInfo.getDirective() || !parent || !field) return;
        used.add(`${parent.name}.${field.name}(${argument.name}:)`);
        named(getNamedType(argument.type));
      },
      ObjectField(node) {
        const parent = getNamedType(typeInfo.getParentInputType());
        if (parent) used.add(`${parent.name}.${node.name.value}`);
        named(getNamedType(typeInfo.getInputType()));
      },
      EnumValue() {
        const type = getNamedType(typeInfo.getInputType());
        const value = typeInfo.getEnumValue();
        if (type && value) used.add(`${type.name}.${value.name}`);
      },
      InlineFragment() {
        named(typeInfo.getType() && getNamedType(typeInfo.getType()));
      },
      FragmentDefinition() {
        named(typeInfo.getType() && getNamedType(typeInfo.getType()));
      },
      Directive(node) {
        used.add(`@${node.name.value}`);
      },
    }),
  );
  return used;
}

/** The deprecated fields, arguments, input fields and enum values of `schema` the document uses, with their reasons. */
function deprecatedUsed(schema: GraphQLSchema, document: DocumentNode): Map<string, string> {
  const found = new Map<string, string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field?.deprecationReason != null) {
          found.set(`${parent.name}.${field.name}`, field.deprecationReason);
        }
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (!typeInfo.getDirective() && parent && field && argument?.deprecationReason != null) {
          found.set(`${parent.name}.${field.name}(${argument.name}:)`, argument.deprecationReason);
        }
      },
      ObjectField(node) {
        const parent = getNamedType(typeInfo.getParentInputType());
        const field = isInputObjectType(parent) ? parent.getFields()[node.name.value] : undefined;
        if (parent && field?.deprecationReason != null) {
          found.set(`${parent.name}.${field.name}`, field.deprecationReason);
        }
      },
      EnumValue() {
        const type = getNamedType(typeInfo.getInputType());
        const value = typeInfo.getEnumValue();
        if (type && value?.deprecationReason != null)
          found.set(`${type.name}.${value.name}`, value.deprecationReason);
      },
    }),
  );
  return found;
}

/** What `next` adds to `previous` that no client can notice: new types, new output fields, new deprecations. */
function additions(previous: GraphQLSchema, next: GraphQLSchema): Array<Omit<SchemaChange, "operations">> {
  const found: Array<Omit<SchemaChange, "operations">> = [];
  const deprecated = (coordinate: string, reason: string) =>
    found.push({
      level: "safe",
      type: "DEPRECATED",
      description: `${coordinate} is deprecated: ${reason}`,
      coordinates: [coordinate],
    });
  for (const type of Object.values(next.getTypeMap())) {
    if (type.name.startsWith("__")) continue;
    const before = previous.getType(type.name);
    if (!before) {
      found.push({
        level: "safe",
        type: "TYPE_ADDED",
        description: `${type.name} was added.`,
        coordinates: [type.name],
      });
      continue;
    }
    if ((isObjectType(type) || isInterfaceType(type)) && (isObjectType(before) || isInterfaceType(before))) {
      const fieldsBefore = before.getFields();
      for (const field of Object.values(type.getFields())) {
        const coordinate = `${type.name}.${field.name}`;
        const old = fieldsBefore[field.name];
        if (!old) {
          found.push({
            level: "safe",
            type: "FIELD_ADDED",
            description: `${coordinate} was added.`,
            coordinates: [coordinate],
          });
        } else if (field.deprecationReason != null && old.deprecationReason == null) {
          deprecated(coordinate, field.deprecationReason);
        }
      }
    }
    if (isEnumType(type) && isEnumType(before)) {
      for (const value of type.getValues()) {
        if (value.deprecationReason != null && before.getValue(value.name)?.deprecationReason == null) {
          deprecated(`${type.name}.${value.name}`, value.deprecationReason);
        }
      }
    }
  }
  return found;
}

function parsed(operation: RegisteredOperation): DocumentNode | string {
  try {
    return parse(operation.document);
  } catch (error) {
    return (error as Error).message;
  }
}

/** graphql-js's breaking and dangerous changes from `previous` to `next`, and the additions. */
function changesBetween(
  previous: GraphQLSchema,
  next: GraphQLSchema,
): Array<Omit<SchemaChange, "operations">> {
  return [
    ...findBreakingChanges(previous, next).map((change) => ({
      level: "breaking" as const,
      ...change,
      coordinates: coordinatesOf(change),
    })),
    ...findDangerousChanges(previous, next).map((change) => ({
      level: "dangerous" as const,
      ...change,
      coordinates: coordinatesOf(change),
    })),
    ...additions(previous, next),
  ];
}

/**
 * Compares two API schemas for the operations clients run. Fails on a breaking change one of them
 * uses and on an operation the previous schema accepted and the next refuses (without a previous
 * schema, on any operation the next refuses); a breaking change no operation uses, a dangerous
 * change and a deprecated field still in use are reported only.
 */
export function checkSchemaChange(input: {
  /** The API schema before, as SDL; null when none is known: then every operation must validate. */
  previous: string | null;
  /** The API schema after, as SDL. */
  next: string;
  operations: readonly RegisteredOperation[];
}): SchemaCheckReport {
  const { operations } = input;
  const previous = input.previous === null ? null : buildSchema(input.previous);
  const next = buildSchema(input.next);
  const broken: InvalidOperation[] = [];
  const alreadyInvalid: InvalidOperation[] = [];
  const valid: Array<{ operation: RegisteredOperation; used: Set<string> }> = [];
  const deprecatedUses = new Map<string, DeprecatedUse>();
  for (const operation of operations) {
    const document = parsed(operation);
    if (typeof document === "string") {
      (previous ? alreadyInvalid : broken).push({ operation, errors: [document] });
      continue;
    }
    const before = previous ? validate(previous, document) : [];
    if (before.length > 0) {
      alreadyInvalid.push({ operation, errors: before.map((error) => error.message) });
      continue;
    }
    valid.push({ operation, used: coordinatesUsed(previous ?? next, document) });
    const after = validate(next, document);
    if (after.length > 0) {
      broken.push({ operation, errors: after.map((error) => error.message) });
      continue;
    }
    for (const [coordinate, reason] of deprecatedUsed(next, document)) {
      const use = deprecatedUses.get(coordinate) ?? { coordinate, reason, operations: [] };
      use.operations.push(operation);
      deprecatedUses.set(coordinate, use);
    }
  }
  const usedBy = (coordinates: string[]) =>
    valid.filter(({ used }) => coordinates.some((c) => used.has(c))).map(({ operation }) => operation);
  const changes: SchemaChange[] = (previous ? changesBetween(previous, next) : []).map((change) => ({
    ...change,
    operations: usedBy(change.coordinates),
  }));
  return {
    compared: previous !== null,
    changes,
    broken,
    alreadyInvalid,
    deprecatedUses: [...deprecatedUses.values()],
    operationsChecked: operations.length,
    failed:
      broken.length > 0 ||
      changes.some((change) => change.level === "breaking" && change.operations.length > 0),
  };
}

const INDENT = " ".repeat(13);

function who(operation: RegisteredOperation): string {
  return `${operation.name} of ${operation.organisation} (${operation.source})`;
}

/** The report as plain text: every change with its level and users, then the verdict on the last line. */
export function formatSchemaCheck(report: SchemaCheckReport): string {
  const lines: string[] = [];
  const order: ChangeLevel[] = ["breaking", "dangerous", "safe"];
  const changes = [...report.changes].sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
  for (const change of changes) {
    const unused =
      change.level === "breaking" && change.operations.length === 0 ? " (no operation uses it)" : "";
    lines.push(`${change.level.padEnd(10)} ${change.description}${unused}`);
    for (const operation of change.operations) lines.push(`${INDENT}used by ${who(operation)}`);
  }
  if (changes.length === 0) {
    lines.push(report.compared ? "no changes to the API schema" : "no previous API schema to compare with");
  }
  for (const { operation, errors } of report.broken) {
    lines.push(`invalid    ${who(operation)} no longer validates:`);
    for (const error of errors) lines.push(`${INDENT}${error}`);
  }
  for (const use of report.deprecatedUses) {
    lines.push(`deprecated ${use.coordinate} (${use.reason}) is still used by:`);
    for (const operation of use.operations) lines.push(`${INDENT}${who(operation)}`);
  }
  for (const { operation, errors } of report.alreadyInvalid) {
    lines.push(`warning    ${who(operation)} was already invalid: ${errors.join("; ")}`);
  }
  const count = (level: ChangeLevel) => report.changes.filter((change) => change.level === level).length;
  const usedBreaking = report.changes.filter((c) => c.level === "breaking" && c.operations.length > 0).length;
  const summary =
    `${count("breaking")} breaking (${usedBreaking} used by an operation), ${count("dangerous")} dangerous, ` +
    `${count("safe")} safe; ${report.operationsChecked} operations checked, ${report.broken.length} no longer valid`;
  lines.push(report.failed ? `schema check failed: ${summary}` : `schema check passed: ${summary}`);
  return lines.join("\n");
}
