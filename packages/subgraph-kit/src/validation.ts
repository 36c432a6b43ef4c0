import { BadUserInputError } from "@lamplight/platform";
import type { ValidationError } from "class-validator";
import { GraphQLError } from "graphql";
import { ArgumentValidationError } from "type-graphql";

export interface FieldProblem {
  /** The field's path inside the argument, e.g. `capacity` or `location.latitude`. */
  field: string;
  message: string;
}

function collect(errors: readonly ValidationError[], prefix: string, into: FieldProblem[]): FieldProblem[] {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator starts each message with the bare property name; name the full path instead.
      const text = message.startsWith(`${error.property} `)
        ? message.slice(error.property.length + 1)
        : message;
      into.push({ field, message: `${field} ${text}` });
    }
    if (error.children?.length) collect(error.children, field, into);
  }
  return into;
}

/** The problems of a class-validator run, one per field and rule, each naming its field. */
export function fieldProblems(errors: readonly ValidationError[]): FieldProblem[] {
  return collect(errors, "", []);
}

/**
 * type-graphql's validation error → BAD_USER_INPUT with a message that names every bad field and
 * a `fields` list for clients that highlight them. Other errors pass through unchanged.
 */
export function toBadUserInput(error: GraphQLError): GraphQLError {
  const original = error.originalError;
  if (!(original instanceof ArgumentValidationError)) return error;
  const problems = fieldProblems(original.extensions.validationErrors as ValidationError[]);
  const input = new BadUserInputError(`Invalid input: ${problems.map((p) => p.message).join("; ")}`, {
    field: problems[0]?.field,
    fields: problems,
  });
  return new GraphQLError(input.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    path: error.path,
    originalError: input,
    extensions: input.extensions,
  });
}
