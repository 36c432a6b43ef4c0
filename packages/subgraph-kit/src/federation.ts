import { buildSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLResolverMap } from "@apollo/subgraph/dist/schema-helper/index.js";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { NotFoundError, PARTNER_SCOPE_DIRECTIVE, PARTNER_SPEC_URL } from "@lamplight/platform";
import { type GraphQLSchema, parse } from "graphql";
import { type BuildSchemaOptions, buildSchema, createResolversMap } from "type-graphql";
import { createArgumentValidator } from "./argument-validation.js";
import { declareListBounds, enforceListBounds } from "./list-bounds.js";
import { PARTNER_SCOPE_DEFINITION } from "./partner-scope.js";
import { DateTimeScalar } from "./scalars.js";

/** The Federation 2 version every Lamplight subgraph links, set once here. */
// v2.9 for the cost directives (`@listSize`, `@cost`): every list's bound, read by the gateway.
export const FEDERATION_SPEC_URL = "https://specs.apollo.dev/federation/v2.9";
const FEDERATION_IMPORTS = [
  "@key",
  "@shareable",
  "@external",
  "@requires",
  "@provides",
  "@inaccessible",
  "@tag",
  "@listSize",
  "@cost",
  "@composeDirective",
];

/** `__resolveReference` per entity type name: how this subgraph turns a key into an object. */
export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: never, context: never, info: never) => unknown }
>;

export interface FederatedSchemaOptions {
  resolvers: NonNullable<BuildSchemaOptions["resolvers"]>;
  /** Entity and other types that no resolver returns directly but that must be in the schema. */
  orphanedTypes?: BuildSchemaOptions["orphanedTypes"];
  /** Global middlewares (type-graphql), e.g. access checks. */
  globalMiddlewares?: BuildSchemaOptions["globalMiddlewares"];
  authChecker?: BuildSchemaOptions["authChecker"];
}

/**
 * A key this subgraph has no entity for is a NOT_FOUND error of that entity, not a silent null: the
 * gateway then answers null for that one field with an error naming its path, instead of nulls
 * that a client cannot tell from "none" (docs/ARCHITECTURE.md).
 */
function unknownIsNotFound(
  typeName: string,
  resolve: ReferenceResolvers[string]["__resolveReference"],
): ReferenceResolvers[string]["__resolveReference"] {
  return async (reference, context, info) => {
    const entity = await resolve(reference, context, info);
    if (entity === null || entity === undefined) {
      const { id } = reference as { id?: unknown };
      throw new NotFoundError(typeName, typeof id === "string" ? id : JSON.stringify(reference));
    }
    return entity;
  };
}

/**
 * type-graphql classes → a Federation 2 subgraph schema. The type-graphql schema is printed with
 * its directives (`@key` and friends from `@Directive`), linked to the federation spec, and rebuilt
 * by `buildSubgraphSchema` with the type-graphql resolvers plus the reference resolvers, so that
 * `_entities` and `_service` work exactly as Apollo's own subgraphs do.
 */
export async function buildFederatedSchema(
  options: FederatedSchemaOptions,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes ?? [],
    globalMiddlewares: options.globalMiddlewares ?? [],
    ...(options.authChecker ? { authChecker: options.authChecker } : {}),
    // A JS Date is an instant unless a field says `() => DateScalar` (a calendar date).
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validateFn: createArgumentValidator(),
    skipCheck: true,
  });
  const links = [
    `extend schema @link(url: "${FEDERATION_SPEC_URL}", import: [${FEDERATION_IMPORTS.map((d) => `"${d}"`).join(", ")}])`,
    // Partner scopes reach the supergraph, where the gateway enforces them (partner-scope.ts).
    `  @link(url: "${PARTNER_SPEC_URL}", import: ["@${PARTNER_SCOPE_DIRECTIVE}"])`,
    `  @composeDirective(name: "@${PARTNER_SCOPE_DIRECTIVE}")`,
    PARTNER_SCOPE_DEFINITION,
  ].join("\n");
  const typeDefs = declareListBounds(parse(`${links}\n${printSchemaWithDirectives(schema)}`));
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = {
      ...(resolvers[typeName] as object),
      __resolveReference: unknownIsNotFound(typeName, reference.__resolveReference),
    } as GraphQLResolverMap<unknown>[string];
  }
  return enforceListBounds(buildSubgraphSchema({ typeDefs, resolvers }));
}
