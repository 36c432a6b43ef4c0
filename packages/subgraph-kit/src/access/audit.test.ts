import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { mutationTargets } from "./audit.js";

const schema = buildSchema(/* GraphQL */ `
  type Student { id: ID! }
  type Volunteer { id: ID! }
  type Pairing { id: ID! }
  type AllianceMembership { id: ID! }
  input Details { note: String, volunteerIds: [ID!], regionCode: ID }
  input PairInput { studentId: ID!, details: Details, reason: String }
  type Query { ok: Boolean }
  type Mutation {
    endPairing(id: ID!, reason: String): Pairing
    pair(input: PairInput!): Pairing
    leave(membershipId: ID!): AllianceMembership
  }
`);
const argsOf = (name: string) => schema.getMutationType()!.getFields()[name]!.args;

describe("mutationTargets", () => {
  it("names the mutation's own entity by `id`", () => {
    expect(mutationTargets(schema, argsOf("endPairing"), { id: "p1", reason: "x" }, "Pairing")).toEqual([
      { entity: "Pairing", id: "p1" },
    ]);
  });

  it("finds ids in inputs and lists at any depth, by the type their name says, codes aside", () => {
    const targets = mutationTargets(
      schema,
      argsOf("pair"),
      { input: { studentId: "s1", details: { volunteerIds: ["v1", "v2", "v1"], regionCode: "510703" } } },
      "Pairing",
    );
    expect(targets).toEqual([
      { entity: "Student", id: "s1" },
      { entity: "Volunteer", id: "v1" },
      { entity: "Volunteer", id: "v2" },
    ]);
  });

  it("falls back to the returned entity when no type has the id's name, and ignores what is not an id", () => {
    expect(mutationTargets(schema, argsOf("leave"), { membershipId: "m1" }, "AllianceMembership")).toEqual([
      { entity: "AllianceMembership", id: "m1" },
    ]);
    // Arguments as sent, uncoerced: an object where an id belongs names nothing.
    expect(mutationTargets(schema, argsOf("endPairing"), { id: { nested: true } }, "Pairing")).toEqual([]);
  });

  it("names at most 100 records", () => {
    const volunteerIds = Array.from({ length: 500 }, (_, n) => `v${n}`);
    const targets = mutationTargets(
      schema,
      argsOf("pair"),
      { input: { studentId: "s1", details: { volunteerIds } } },
      "Pairing",
    );
    expect(targets).toHaveLength(100);
  });
});
