import { BadUserInputError } from "@lamplight/platform";
import {
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type DocumentNode,
  defaultFieldResolver,
  type FieldDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
  Kind,
  type TypeNode,
  visit,
} from "graphql";
import { Directive } from "type-graphql";
import { DEFAULT_PAGE_SIZE } from "./pagination.js";

/**
 * Every list in a subgraph declares how long it can be, once, in the schema: Federation's
 * `@listSize` (cost spec, federation v2.9). The gateway reads the declarations from the
 * supergraph to estimate an operation's cost before running it; this subgraph enforces the same
 * declarations on what its resolvers return. One number, two uses: the estimate cannot be wrong
 * about a list the subgraph serves.
 *
 * - A plain list says its maximum with `@ListBound(n)` (`assumedSize: n`).
 * - A connection (a field with `first` returning a type with `edges`) is declared automatically:
 *   `slicingArguments: ["first"], sizedFields: ["edges"]`, `assumedSize` the default page.
 * - A plain list sliced by its own `first` says `@ListBound(n, { slicedBy: "first" })`: `first`
 *   when given, `n` when not.
 * - Any other list is an error when the schema is built: no list goes unbounded by omission.
 */
export function ListBound(
  maximum: number,
  options: { slicedBy?: string } = {},
): MethodDecorator & PropertyDecorator {
  if (!Number.isInteger(maximum) || maximum < 1)
    throw new Error(`A list bound is a positive integer; got ${maximum}`);
  const slicing = options.slicedBy
    ? `, slicingArguments: ["${options.slicedBy}"], requireOneSlicingArgument: false`
    : "";
  return Directive(`@listSize(assumedSize: ${maximum}${slicing})`) as MethodDecorator & PropertyDecorator;
}

const LIST_SIZE = "listSize";

function isListType(type: TypeNode): boolean {
  const nullable = type.kind === Kind.NON_NULL_TYPE ? type.type : type;
  return nullable.kind === Kind.LIST_TYPE;
}

function namedTypeOf(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedTypeOf(type.type);
}

function constString(value: string) {
  return { kind: Kind.STRING, value } as const;
}

function argument(name: string, value: ConstArgumentNode["value"]): ConstArgumentNode {
  return { kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: name }, value };
}

/** `@listSize` of a connection: `first` slices its `edges`, the default page when `first` is absent. */
const CONNECTION_LIST_SIZE: ConstDirectiveNode = {
  kind: Kind.DIRECTIVE,
  name: { kind: Kind.NAME, value: LIST_SIZE },
  arguments: [
    argument("assumedSize", { kind: Kind.INT, value: String(DEFAULT_PAGE_SIZE) }),
    argument("slicingArguments", { kind: Kind.LIST, values: [constString("first")] }),
    argument("sizedFields", { kind: Kind.LIST, values: [constString("edges")] }),
    argument("requireOneSlicingArgument", { kind: Kind.BOOLEAN, value: false }),
  ],
};

/**
 * Adds `@listSize` to every connection field of a subgraph's SDL and refuses a list field that
 * declares no bound. The `edges` of a connection are sized by the field that returns it.
 */
export function declareListBounds(typeDefs: DocumentNode): DocumentNode {
  const fieldsByType = new Map<string, readonly FieldDefinitionNode[]>();
  for (const definition of typeDefs.definitions) {
    if (
      definition.kind === Kind.OBJECT_TYPE_DEFINITION ||
      definition.kind === Kind.OBJECT_TYPE_EXTENSION ||
      definition.kind === Kind.INTERFACE_TYPE_DEFINITION
    ) {
      fieldsByType.set(definition.name.value, [
        ...(fieldsByType.get(definition.name.value) ?? []),
        ...(definition.fields ?? []),
      ]);
    }
  }
  const isConnection = (typeName: string) =>
    fieldsByType.get(typeName)?.some((field) => field.name.value === "edges" && isListType(field.type)) ??
    false;
  const isPagedConnection = (field: FieldDefinitionNode) =>
    !isListType(field.type) &&
    (field.arguments ?? []).some((arg) => arg.name.value === "first") &&
    isConnection(namedTypeOf(field.type));

  const undeclared: string[] = [];
  let typeName = "";
  const enterType = (node: { name: { value: string } }) => {
    typeName = node.name.value;
  };
  const declared = visit(typeDefs, {
    ObjectTypeDefinition: enterType,
    ObjectTypeExtension: enterType,
    InterfaceTypeDefinition: enterType,
    InterfaceTypeExtension: enterType,
    FieldDefinition(field) {
      const hasListSize = (field.directives ?? []).some((directive) => directive.name.value === LIST_SIZE);
      if (isPagedConnection(field)) {
        return hasListSize
          ? undefined
          : { ...field, directives: [...(field.directives ?? []), CONNECTION_LIST_SIZE] };
      }
      if (!isListType(field.type) || hasListSize) return undefined;
      // A connection's edges are as many as its field's `first`: sized there.
      if (field.name.value === "edges" && isConnection(typeName)) return undefined;
      undeclared.push(`${typeName}.${field.name.value}`);
      return undefined;
    },
  });
  if (undeclared.length > 0) {
    throw new Error(
      `These list fields declare no bound (@ListBound(n) from @lamplight/subgraph-kit): ${undeclared.join(", ")}`,
    );
  }
  return declared;
}

function intArgument(directive: ConstDirectiveNode, name: string): number | undefined {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function stringsArgument(directive: ConstDirectiveNode, name: string): string[] {
  const value = directive.arguments?.find((arg) => arg.name.value === name)?.value;
  return value?.kind === Kind.LIST
    ? value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []))
    : [];
}

/**
 * Wraps the resolver of every plain list field that declares `@listSize(assumedSize)`: a result
 * longer than the declared maximum (or than the slicing argument, when given) is an error, never
 * served. The estimate the gateway made from the declaration therefore holds for what is returned.
 * An error, not a cut list: a cut list would tell clients they have everything (as 0004 says of
 * pages). It is logged and masked as INTERNAL_SERVER_ERROR: the data outgrew the bound, which is
 * ours to raise, not the client's to fix.
 */
export function enforceListBounds(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const listSize = field.astNode?.directives?.find((directive) => directive.name.value === LIST_SIZE);
      if (!listSize || !field.astNode || !isListType(field.astNode.type)) continue;
      const assumedSize = intArgument(listSize, "assumedSize");
      if (assumedSize === undefined) continue;
      const slicingArguments = stringsArgument(listSize, "slicingArguments");
      const where = `${type.name}.${field.name}`;
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const sliced = slicingArguments.map((name) => args[name]).find((value) => typeof value === "number");
        const maximum = typeof sliced === "number" ? sliced : assumedSize;
        const check = (result: unknown) => {
          if (Array.isArray(result) && result.length > maximum) {
            throw new Error(`${where} has ${result.length} items; its declared bound is ${maximum}`);
          }
          return result;
        };
        const result = resolve(source, args, context, info);
        return result instanceof Promise ? result.then(check) : check(result);
      };
    }
  }
  return schema;
}

/**
 * For a list whose length the client chooses (the groups of a total, narrowed by its filters):
 * more items than the bound is the client's to narrow, BAD_USER_INPUT naming the argument, before
 * the generic check above would report it as the server's fault.
 */
export function refuseBeyondBound<List extends readonly unknown[]>(
  items: List,
  maximum: number,
  details: { field: string; narrowBy: string },
): List {
  if (items.length > maximum) {
    throw new BadUserInputError(
      `${details.field} gives ${items.length} items; at most ${maximum} are served: narrow by ${details.narrowBy}`,
      { field: details.field, limit: maximum },
    );
  }
  return items;
}
