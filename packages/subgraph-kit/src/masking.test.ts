import type { ValidationError } from "class-validator";
import { GraphQLError } from "graphql";
import { ArgumentValidationError } from "type-graphql";
import { describe, expect, it } from "vitest";
import { maskSubgraphError } from "./masking.js";

const format = (error: GraphQLError) => maskSubgraphError(error.toJSON(), error);

describe("maskSubgraphError", () => {
  it("turns type-graphql's validation error into BAD_USER_INPUT naming each field", () => {
    const problem: ValidationError = {
      property: "capacity",
      constraints: { min: "capacity must not be less than 1" },
      children: [],
    };
    const validation = new ArgumentValidationError([problem]);
    const located = new GraphQLError(validation.message, { path: ["createSite"], originalError: validation });
    expect(format(located)).toEqual({
      message: "Invalid input: capacity must not be less than 1",
      path: ["createSite"],
      extensions: {
        code: "BAD_USER_INPUT",
        field: "capacity",
        fields: [{ field: "capacity", message: "capacity must not be less than 1" }],
      },
    });
  });

  it("masks everything else as the platform does", () => {
    const internal = new GraphQLError("connect ECONNREFUSED", {
      originalError: new Error("connect ECONNREFUSED"),
    });
    expect(format(internal)).toEqual({
      message: "Internal server error",
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });
});
