import { unwrapResolverError } from "@apollo/server/errors";
import { maskError } from "@lamplight/platform";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { toBadUserInput } from "./validation.js";

/**
 * A subgraph's formatError: type-graphql's validation errors become BAD_USER_INPUT naming their
 * fields; everything else is masked as the platform's maskError masks it.
 */
export function maskSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof ArgumentValidationError && error instanceof GraphQLError) {
    return toBadUserInput(new GraphQLError(error.message, { ...error, originalError: original })).toJSON();
  }
  return maskError(formatted, error);
}
