import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode, type Principal } from "@lamplight/platform";
import {
  type ConstDirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/** What one operation may ask of the graph; checked at the gateway before any subgraph is called. */
export interface OperationLimits {
  /** Deepest nesting of fields. */
  maxDepth: number;
  /** Aliased fields in one operation (1,000 aliases of one costly field is a known attack). */
  maxAliases: number;
  /** Estimated cost: every field costs 1, and a list multiplies its selection by its declared size. */
  maxCost: number;
  /** Items in any list argument (ids, codes) and the largest page any `first` may ask for. */
  maxListSize: number;
}

export const DEFAULT_LIMITS: OperationLimits = {
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 25_000,
  maxListSize: 100,
};

/** Tokens in one document, enforced by the parser itself before anything else runs. */
export const DEFAULT_MAX_TOKENS = 4_000;

/** The page size a connection field returns when `first` is not given (as subgraph-kit does). */
const DEFAULT_PAGE = 20;

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
  /** The longest list argument or largest `first`, and where. */
  largestList: { size: number; at: string };
}

/** A list field's declared size: Federation's `@listSize` (cost spec v0.1), as the subgraph wrote it. */
export interface ListSize {
  /** The most items the field returns when no slicing argument is given. */
  assumedSize?: number;
  /** Arguments whose value is the number of items (`first`). */
  slicingArguments: string[];
  /** Fields of the returned object that hold the items (a connection's `edges`); none: the field itself. */
  sizedFields: string[];
}

/**
 * What the estimate knows of the graph beyond its types: each list field's declared size and any
 * field's declared weight (`@cost`), keyed `Type.field`, read once from the supergraph.
 */
export interface FieldCosts {
  listSizes: ReadonlyMap<string, ListSize>;
  weights: ReadonlyMap<string, number>;
}

export const NO_FIELD_COSTS: FieldCosts = { listSizes: new Map(), weights: new Map() };

/** The directive's own name whether imported (`@listSize`) or namespaced (`@cost__listSize`). */
function directiveName(node: ConstDirectiveNode): string {
  const name = node.name.value;
  const namespace = name.lastIndexOf("__");
  return namespace === -1 ? name : name.slice(namespace + 2);
}

function constInt(node: ConstDirectiveNode, name: string): number | undefined {
  const value = node.arguments?.find((argument) => argument.name.value === name)?.value;
  return value?.kind === Kind.INT ? Number(value.value) : undefined;
}

function constStrings(node: ConstDirectiveNode, name: string): string[] {
  const value = node.arguments?.find((argument) => argument.name.value === name)?.value;
  if (value?.kind === Kind.STRING) return [value.value];
  return value?.kind === Kind.LIST
    ? value.values.flatMap((item) => (item.kind === Kind.STRING ? [item.value] : []))
    : [];
}

/** Reads every `@listSize` and `@cost` of a supergraph (or any SDL) into the estimate's tables. */
export function fieldCostsFromSdl(sdl: string): FieldCosts {
  const listSizes = new Map<string, ListSize>();
  const weights = new Map<string, number>();
  for (const definition of parse(sdl).definitions) {
    if (
      definition.kind !== Kind.OBJECT_TYPE_DEFINITION &&
      definition.kind !== Kind.OBJECT_TYPE_EXTENSION &&
      definition.kind !== Kind.INTERFACE_TYPE_DEFINITION &&
      definition.kind !== Kind.INTERFACE_TYPE_EXTENSION
    ) {
      continue;
    }
    for (const field of definition.fields ?? []) {
      const key = `${definition.name.value}.${field.name.value}`;
      for (const directive of field.directives ?? []) {
        const name = directiveName(directive);
        if (name === "listSize") {
          const assumedSize = constInt(directive, "assumedSize");
          listSizes.set(key, {
            ...(assumedSize === undefined ? {} : { assumedSize }),
            slicingArguments: constStrings(directive, "slicingArguments"),
            sizedFields: constStrings(directive, "sizedFields"),
          });
        } else if (name === "cost") {
          const weight = constInt(directive, "weight");
          if (weight !== undefined) weights.set(key, weight);
        }
      }
    }
  }
  return { listSizes, weights };
}

type Variables = Record<string, unknown>;

function argumentValue(node: ValueNode, variables: Variables): unknown {
  switch (node.kind) {
    case Kind.VARIABLE:
      return variables[node.name.value];
    case Kind.INT:
      return Number(node.value);
    case Kind.LIST:
      return node.values.map((value) => argumentValue(value, variables));
    case Kind.OBJECT:
      return Object.fromEntries(
        node.fields.map((field) => [field.name.value, argumentValue(field.value, variables)]),
      );
    default:
      return undefined;
  }
}

function largestListIn(value: unknown): number {
  if (Array.isArray(value)) return Math.max(value.length, ...value.map(largestListIn));
  if (value && typeof value === "object") return Math.max(0, ...Object.values(value).map(largestListIn));
  return 0;
}

function isListField(field: GraphQLField<unknown, unknown>): boolean {
  return isListType(getNullableType(field.type));
}

/** What a selection set asks for; depth counts from the set itself. */
interface Part {
  depth: number;
  aliases: number;
  cost: number;
  largestList: { size: number; at: string };
}

const EMPTY_PART: Part = { depth: 0, aliases: 0, cost: 0, largestList: { size: 0, at: "" } };

/**
 * Measures an operation against the schema: depth, aliases, estimated cost, largest list.
 *
 * Cost: every field costs 1 (or its `@cost` weight), plus its selection times the number of items
 * it returns. That number is the field's declared `@listSize`: the slicing argument when given
 * (`first`), its assumed size when not; for a connection it multiplies the sized field (`edges`),
 * not `totalCount` or `pageInfo`. A list without a declaration counts as `undeclaredListSize`
 * items, so an omission overestimates rather than hides. Lists within lists multiply, every
 * alias is counted as the separate execution it is, and a fragment counts wherever it is spread.
 */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
  costs: FieldCosts = NO_FIELD_COSTS,
  undeclaredListSize: number = DEFAULT_LIMITS.maxListSize,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  // A fragment is measured once per sizing context however often it is spread: a chain of
  // fragments each spreading the next twice would otherwise take exponential time to measure.
  const measuredFragments = new Map<string, Part>();

  const larger = (a: Part["largestList"], b: Part["largestList"]) => (b.size > a.size ? b : a);
  const add = (total: Part, part: Part, times = 1, extraDepth = 0): Part => ({
    depth: Math.max(total.depth, part.depth + extraDepth),
    aliases: total.aliases + part.aliases,
    cost: total.cost + part.cost * times,
    largestList: larger(total.largestList, part.largestList),
  });

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | null | undefined,
    sized: ReadonlyMap<string, number> | undefined,
    visiting: ReadonlySet<string>,
  ): Part => {
    let total = EMPTY_PART;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || visiting.has(name)) continue;
        const key = `${name}|${sized ? JSON.stringify([...sized]) : ""}`;
        let part = measuredFragments.get(key);
        if (!part) {
          const typed = schema.getType(fragment.typeCondition.name.value);
          part = walk(fragment.selectionSet, typed, sized, new Set([...visiting, name]));
          measuredFragments.set(key, part);
        }
        total = add(total, part);
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total = add(total, walk(selection.selectionSet, typed, sized, visiting));
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__")) continue;
      const field: GraphQLField<unknown, unknown> | undefined =
        parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] : undefined;
      const key = parent ? `${parent.name}.${name}` : name;

      let largestList = EMPTY_PART.largestList;
      const numbers = new Map<string, number>();
      for (const argument of selection.arguments ?? []) {
        const value = argumentValue(argument.value, variables);
        if (typeof value === "number") numbers.set(argument.name.value, value);
        const isPageSize = argument.name.value === "first" && typeof value === "number";
        const size = isPageSize ? value : largestListIn(value);
        if (size > largestList.size) largestList = { size, at: `${name}(${argument.name.value})` };
      }

      const listSize = costs.listSizes.get(key);
      const sliced = (listSize?.slicingArguments ?? [])
        .map((argument) => numbers.get(argument))
        .filter((value): value is number => value !== undefined);
      const declaredCount = sliced.length > 0 ? Math.max(...sliced) : listSize?.assumedSize;
      let items = 1;
      let childSized: Map<string, number> | undefined;
      if (listSize && listSize.sizedFields.length > 0) {
        const count = declaredCount ?? DEFAULT_PAGE;
        childSized = new Map(listSize.sizedFields.map((sizedField) => [sizedField, count]));
      } else if (listSize) {
        items = declaredCount ?? undeclaredListSize;
      } else if (field?.args.some((argument) => argument.name === "first")) {
        // A paged field of a graph without declarations: its page size, the default page when absent.
        items = numbers.get("first") ?? DEFAULT_PAGE;
      } else if (field && isListField(field)) {
        items = undeclaredListSize;
      }
      const sizedByParent = sized?.get(name);
      if (sizedByParent !== undefined) items = sizedByParent;
      items = Math.max(1, items);

      const children = selection.selectionSet
        ? walk(selection.selectionSet, field ? getNamedType(field.type) : undefined, childSized, visiting)
        : EMPTY_PART;
      const own: Part = {
        depth: 1,
        aliases: selection.alias ? 1 : 0,
        cost: costs.weights.get(key) ?? 1,
        largestList,
      };
      total = add(add(total, own), children, items, 1);
    }
    return total;
  };

  const measured = walk(operation.selectionSet, root, undefined, new Set());
  return {
    depth: measured.depth,
    aliases: measured.aliases,
    cost: measured.cost,
    largestList: measured.largestList,
  };
}

/**
 * Whether an operation asks for `__schema` or `__type` anywhere: at the root, under an alias, in
 * an inline fragment or in a named fragment spread at any depth.
 */
export function usesIntrospection(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const seen = new Set<string>();
  const search = (selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.some((selection) => {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "__schema" || selection.name.value === "__type") return true;
        return selection.selectionSet ? search(selection.selectionSet) : false;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) return search(selection.selectionSet);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(fragment.name.value)) return false;
      seen.add(fragment.name.value);
      return search(fragment.selectionSet);
    });
  return search(operation.selectionSet);
}

function refuse(message: string, details: Record<string, unknown>): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ErrorCode.OPERATION_LIMIT, ...details, http: { status: 400 } },
  });
}

/** The operation's measure against the limits; throws OPERATION_LIMIT naming the limit passed. */
export function enforceLimits(measure: OperationMeasure, limits: OperationLimits): void {
  if (measure.depth > limits.maxDepth) {
    throw refuse(`The operation is nested ${measure.depth} fields deep; the limit is ${limits.maxDepth}`, {
      limit: "depth",
    });
  }
  if (measure.aliases > limits.maxAliases) {
    throw refuse(`The operation uses ${measure.aliases} aliases; the limit is ${limits.maxAliases}`, {
      limit: "aliases",
    });
  }
  if (measure.largestList.size > limits.maxListSize) {
    throw refuse(
      `${measure.largestList.at} asks for ${measure.largestList.size} items; the limit is ${limits.maxListSize}`,
      { limit: "listSize" },
    );
  }
  if (measure.cost > limits.maxCost) {
    throw refuse(`The operation's estimated cost is ${measure.cost}; the limit is ${limits.maxCost}`, {
      limit: "cost",
    });
  }
}

/**
 * Refuses, before the query plan runs, operations that are too deep, too aliased, too costly or
 * ask for too much; and, in production, introspection by anyone but signed-in staff.
 */
export function operationLimitsPlugin<Context extends { principal: Principal }>(options: {
  limits: OperationLimits;
  introspectionForStaffOnly: boolean;
  /** The lists' declared sizes and the fields' weights, from the supergraph (`fieldCostsFromSdl`). */
  fieldCosts?: FieldCosts;
}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, contextValue }) {
          if (!operation) return;
          if (
            options.introspectionForStaffOnly &&
            contextValue.principal.kind !== "user" &&
            usesIntrospection(document, operation)
          ) {
            throw new GraphQLError("Introspection is available to signed-in staff only", {
              extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
            });
          }
          enforceLimits(
            measureOperation(
              schema,
              document,
              operation,
              request.variables ?? {},
              options.fieldCosts,
              options.limits.maxListSize,
            ),
            options.limits,
          );
        },
      };
    },
  };
}

/** "Did you mean …?" anywhere in a message, as graphql-js appends it. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * Strips graphql-js's suggestions from every error of a response. Apollo Server's
 * `hideSchemaDetailsFromClientErrors` covers validation only; a misspelt enum value or input
 * field in the variables is refused while they are coerced, with the same hints.
 */
export function hiddenSchemaDetailsPlugin<Context extends object>(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) error.message = error.message.replace(SUGGESTION, "");
        },
      };
    },
  };
}
