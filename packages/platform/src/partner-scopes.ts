import {
  buildASTSchema,
  type ConstDirectiveNode,
  type DocumentNode,
  type GraphQLSchema,
  isInterfaceType,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
} from "graphql";
import { ForbiddenError } from "./errors.js";

/**
 * The spec of Lamplight's `@partnerScope(scope: "read:<area>")`: declared on a type or a field by
 * subgraph-kit's `@PartnerScope`, carried into the supergraph with `@composeDirective`. A spec of
 * its own, not federation's `@requiresScopes`, which the gateway refuses.
 */
export const PARTNER_SPEC_URL = "https://lamplight.example/partner/v1.0";
export const PARTNER_SCOPE_DIRECTIVE = "partnerScope";

/** A field (`Type.field`) and the partner scope it needs. */
export interface ScopedField {
  field: string;
  scope: string;
}

/**
 * Which partner scope each type and field of a schema needs, read from its SDL (the supergraph,
 * or one subgraph's): a field's own `@partnerScope` wins over its type's; a field with neither
 * needs no scope.
 */
export class PartnerScopes {
  readonly #types = new Map<string, string>();
  readonly #fields = new Map<string, string>();

  constructor(sdl: string | DocumentNode) {
    const document = typeof sdl === "string" ? parse(sdl) : sdl;
    for (const definition of document.definitions) {
      if (
        definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
        definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
        definition.kind !== Kind.INTERFACE_TYPE_DEFINITION
      )
        continue;
      const typeScope = scopeOf(definition.directives);
      if (typeScope) this.#types.set(definition.name.value, typeScope);
      for (const field of definition.fields ?? []) {
        const fieldScope = scopeOf(field.directives);
        if (fieldScope) this.#fields.set(`${definition.name.value}.${field.name.value}`, fieldScope);
      }
    }
  }

  /** The scope `Type.field` needs, or null. */
  of(typeName: string, fieldName: string): string | null {
    return this.#fields.get(`${typeName}.${fieldName}`) ?? this.#types.get(typeName) ?? null;
  }

  /** The scopes any type or field needs, in order. */
  get scopes(): string[] {
    return [...new Set([...this.#types.values(), ...this.#fields.values()])].sort();
  }

  /** The types with a scope of their own (type name → scope). */
  get typeScopes(): ReadonlyMap<string, string> {
    return this.#types;
  }

  /** The fields with a scope of their own (`Type.field` → scope). */
  get fieldScopes(): ReadonlyMap<string, string> {
    return this.#fields;
  }

  /**
   * The scopes an operation needs, each with the first field (in document order) that needs it.
   * Fragments are walked where they are defined, with their type condition.
   */
  required(schema: GraphQLSchema, document: DocumentNode): ScopedField[] {
    const needed = new Map<string, string>();
    const typeInfo = new TypeInfo(schema);
    visit(
      document,
      visitWithTypeInfo(typeInfo, {
        Field: (node) => {
          const parent = typeInfo.getParentType();
          if (!parent) return;
          const scope = this.of(parent.name, node.name.value);
          if (scope && !needed.has(scope)) needed.set(scope, `${parent.name}.${node.name.value}`);
        },
      }),
    );
    return [...needed].map(([scope, field]) => ({ scope, field }));
  }
}

function scopeOf(directives: readonly ConstDirectiveNode[] | undefined): string | null {
  const argument = directives
    ?.find((d) => d.name.value === PARTNER_SCOPE_DIRECTIVE)
    ?.arguments?.find((a) => a.name.value === "scope");
  return argument?.value.kind === Kind.STRING ? argument.value.value : null;
}

/** The first scope in `required` that `granted` lacks, or null. */
export function missingScope(
  required: readonly ScopedField[],
  granted: readonly string[],
): ScopedField | null {
  return required.find(({ scope }) => !granted.includes(scope)) ?? null;
}

/**
 * FORBIDDEN, naming the scope and the field that needs it; `lacking` says who lacks it ("the API
 * key lacks", "none of the organisation's keys has").
 */
export function missingScopeError(
  missing: ScopedField,
  lacking = "the API key lacks",
  extensions: Record<string, unknown> = {},
): ForbiddenError {
  return new ForbiddenError(`${missing.field} needs the scope ${missing.scope}, which ${lacking}`, {
    ...extensions,
    scope: missing.scope,
    field: missing.field,
  });
}

/** A supergraph's SDL as a schema to walk operations against (its API types, with every field). */
export function supergraphSchema(sdl: string): { schema: GraphQLSchema; scopes: PartnerScopes } {
  const document = parse(sdl);
  return { schema: buildASTSchema(document, { assumeValidSDL: true }), scopes: new PartnerScopes(document) };
}

/** A field clients can select that needs a partner scope, for the partner documentation. */
export interface CatalogueField {
  type: string;
  typeDescription: string;
  /** Whether the scope is the type's own (every field of it needs the scope unless it says otherwise). */
  typeScope: string | null;
  /** `name(argument: Type, …): Type`. */
  signature: string;
  name: string;
  description: string;
  scope: string;
}

const isInaccessible = (node: { astNode?: { directives?: readonly ConstDirectiveNode[] } | null }) =>
  node.astNode?.directives?.some((d) => d.name.value === "inaccessible") ?? false;

/**
 * Every field clients can select (nothing @inaccessible, no federation machinery) that needs a
 * scope, `Query` first, then by type and field as the schema declares them; and the scopes an
 * operation's text needs. What the partner documentation is written from.
 */
export function partnerScopeCatalogue(supergraphSdl: string): {
  scopes: string[];
  fields: CatalogueField[];
  required(document: string): ScopedField[];
} {
  const { schema, scopes } = supergraphSchema(supergraphSdl);
  const types = Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) || isInterfaceType(type))
    .filter((type) => !/^(__|join__|link__)/.test(type.name) && !isInaccessible(type))
    .sort((a, b) => (a.name === "Query" ? -1 : b.name === "Query" ? 1 : a.name.localeCompare(b.name)));
  const fields: CatalogueField[] = [];
  for (const type of types) {
    if (!isObjectType(type) && !isInterfaceType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const scope = scopes.of(type.name, field.name);
      if (!scope || isInaccessible(field)) continue;
      const args = field.args.filter((arg) => !isInaccessible(arg)).map((arg) => `${arg.name}: ${arg.type}`);
      fields.push({
        type: type.name,
        typeDescription: type.description ?? "",
        typeScope: scopes.typeScopes.get(type.name) ?? null,
        signature: `${field.name}${args.length ? `(${args.join(", ")})` : ""}: ${field.type}`,
        name: field.name,
        description: field.description ?? "",
        scope,
      });
    }
  }
  return { scopes: scopes.scopes, fields, required: (document) => scopes.required(schema, parse(document)) };
}
