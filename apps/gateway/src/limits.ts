import type { ApolloServerPlugin } from "@apollo/server";
import { ErrorCode, type Principal } from "@lamplight/subgraph-kit";
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from "graphql";

/** What one operation may ask of the graph; checked at the gateway before any subgraph is called. */
export interface OperationLimits {
  /** Deepest nesting of fields. */
  maxDepth: number;
  /** Aliased fields in one operation (1,000 aliases of one costly field is a known attack). */
  maxAliases: number;
  /** Estimated cost: every field costs 1, and a paged field multiplies its selection by its page size. */
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

/** Measures an operation against the schema: depth, aliases, estimated cost, largest list. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const measure: OperationMeasure = { depth: 0, aliases: 0, cost: 0, largestList: { size: 0, at: "" } };
  const root =
    operation.operation === "mutation"
      ? schema.getMutationType()
      : operation.operation === "subscription"
        ? schema.getSubscriptionType()
        : schema.getQueryType();

  const walk = (
    selectionSet: SelectionSetNode,
    parent: GraphQLNamedType | null | undefined,
    depth: number,
    visiting: Set<string>,
  ): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || visiting.has(fragment.name.value)) continue;
        const typed = schema.getType(fragment.typeCondition.name.value);
        cost += walk(fragment.selectionSet, typed, depth, new Set([...visiting, fragment.name.value]));
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typed = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += walk(selection.selectionSet, typed, depth, visiting);
        continue;
      }
      if (selection.name.value.startsWith("__")) continue;
      if (selection.alias) measure.aliases += 1;
      const fieldDepth = depth + 1;
      measure.depth = Math.max(measure.depth, fieldDepth);
      const field: GraphQLField<unknown, unknown> | undefined =
        parent && (isObjectType(parent) || isInterfaceType(parent))
          ? parent.getFields()[selection.name.value]
          : undefined;
      let first: number | undefined;
      for (const argument of selection.arguments ?? []) {
        const value = argumentValue(argument.value, variables);
        const isPageSize = argument.name.value === "first" && typeof value === "number";
        if (isPageSize) first = value;
        const size = isPageSize ? value : largestListIn(value);
        if (size > measure.largestList.size) {
          measure.largestList = { size, at: `${selection.name.value}(${argument.name.value})` };
        }
      }
      const paged = field?.args.some((argument) => argument.name === "first") ?? false;
      const multiplier = first !== undefined ? Math.max(1, first) : paged ? DEFAULT_PAGE : 1;
      const children = selection.selectionSet
        ? walk(selection.selectionSet, field ? getNamedType(field.type) : undefined, fieldDepth, visiting)
        : 0;
      cost += 1 + multiplier * children;
    }
    return cost;
  };

  measure.cost = walk(operation.selectionSet, root, 0, new Set());
  return measure;
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
}): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request, contextValue }) {
          if (!operation) return;
          if (options.introspectionForStaffOnly && contextValue.principal.kind !== "user") {
            const introspects = operation.selectionSet.selections.some(
              (selection) =>
                selection.kind === Kind.FIELD &&
                (selection.name.value === "__schema" || selection.name.value === "__type"),
            );
            if (introspects) {
              throw new GraphQLError("Introspection is available to signed-in staff only", {
                extensions: { code: ErrorCode.FORBIDDEN, http: { status: 403 } },
              });
            }
          }
          enforceLimits(
            measureOperation(schema, document, operation, request.variables ?? {}),
            options.limits,
          );
        },
      };
    },
  };
}
