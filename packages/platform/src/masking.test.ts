import { GraphQLError } from "graphql";
import { describe, expect, it } from "vitest";
import { BadUserInputError, NotFoundError } from "./errors.js";
import { maskError } from "./masking.js";

const format = (error: GraphQLError) => maskError(error.toJSON(), error);

describe("maskError", () => {
  it("passes errors written for clients, without a stack trace", () => {
    const client = new BadUserInputError("capacity must be positive", { field: "capacity" });
    expect(format(client)).toEqual({
      message: "capacity must be positive",
      extensions: { code: "BAD_USER_INPUT", field: "capacity" },
    });
    expect(format(new NotFoundError("Site", "s1")).extensions?.code).toBe("NOT_FOUND");
  });

  it("hides everything else behind INTERNAL_SERVER_ERROR, keeping the path", () => {
    const internal = new GraphQLError("connect ECONNREFUSED 10.0.0.5:5432", {
      path: ["sites"],
      originalError: new Error("connect ECONNREFUSED 10.0.0.5:5432"),
    });
    expect(format(internal)).toEqual({
      message: "Internal server error",
      path: ["sites"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
  });

  it("gives a busy or timed-out database its own code, not INTERNAL_SERVER_ERROR", () => {
    const busy = new GraphQLError("Invalid `prisma.site.findMany()` invocation", {
      path: ["sites"],
      originalError: Object.assign(new Error("Invalid `prisma.site.findMany()` invocation"), {
        cause: Object.assign(new Error("The database is busy (waited 10000 ms); try again shortly"), {
          code: "SERVICE_BUSY",
        }),
      }),
    });
    expect(format(busy)).toEqual({
      message: "The service is busy; try again shortly",
      path: ["sites"],
      extensions: { code: "SERVICE_BUSY" },
    });
    const cancelled = new GraphQLError("canceling statement due to statement timeout", {
      originalError: Object.assign(new Error("canceling statement due to statement timeout"), {
        name: "DriverAdapterError",
      }),
    });
    expect(format(cancelled).extensions).toEqual({ code: "TIMEOUT" });
  });
});
