import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { operationHash, parseTrustedOperation } from "./operation-hash.js";

const OPERATION = `query PartnerCityHomes($region: ID!, $after: String) {
  sites(first: 50, after: $after, filter: { region: $region }) {
    totalCount
    edges { node { id name } }
  }
}`;
const hashOf = (text: string) => operationHash(parse(text));

describe("operation hashes", () => {
  it("are the same for the operation on one line, commented or with commas", () => {
    const oneLine =
      "query PartnerCityHomes($region: ID!, $after: String) { sites(first: 50, after: $after, filter: { region: $region }) { totalCount edges { node { id name } } } }";
    const commented = `# the homes of a city\n${OPERATION.replace("totalCount", "totalCount # all of them")}`;
    const commas = OPERATION.replace("id name", "id, name,");
    expect(hashOf(oneLine)).toBe(hashOf(OPERATION));
    expect(hashOf(commented)).toBe(hashOf(OPERATION));
    expect(hashOf(commas)).toBe(hashOf(OPERATION));
    expect(hashOf(OPERATION)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differ for another selection, argument or operation name", () => {
    expect(hashOf(OPERATION.replace("id name", "id"))).not.toBe(hashOf(OPERATION));
    expect(hashOf(OPERATION.replace("first: 50", "first: 51"))).not.toBe(hashOf(OPERATION));
    expect(hashOf(OPERATION.replace("PartnerCityHomes", "OtherName"))).not.toBe(hashOf(OPERATION));
  });
});

describe("a document submitted to be trusted", () => {
  it("is hashed as the gateway hashes what it parsed", () => {
    expect(parseTrustedOperation(OPERATION, "input.document").sha256).toBe(hashOf(OPERATION));
    const withFragment = `query A { sites(first: 1) { ...Count } } fragment Count on SiteConnection { totalCount }`;
    expect(parseTrustedOperation(withFragment, "input.document").sha256).toBe(hashOf(withFragment));
  });

  it("is refused with two operations, none, or what is not GraphQL", () => {
    const refused = { extensions: { code: "BAD_USER_INPUT", field: "input.document" } };
    expect(() =>
      parseTrustedOperation(`${OPERATION}\nquery Other { province { code } }`, "input.document"),
    ).toThrow(expect.objectContaining(refused));
    expect(() => parseTrustedOperation("fragment F on Site { id }", "input.document")).toThrow(
      expect.objectContaining(refused),
    );
    expect(() => parseTrustedOperation("query {", "input.document")).toThrow(
      expect.objectContaining(refused),
    );
  });
});
