import { composeServices } from "@apollo/composition";
import { buildSchema, parse } from "graphql";
import { describe, expect, it } from "vitest";
import {
  apiSchemaSdl,
  checkSchemaChange,
  coordinatesUsed,
  formatSchemaCheck,
  type RegisteredOperation,
} from "./schema-check.js";

const BEFORE = `
  type Query { sites(first: Int, filter: SiteFilter): [Site!]! }
  input SiteFilter { region: ID, status: SiteStatus }
  enum SiteStatus { OPEN CLOSED }
  type Site { id: ID! name: String! hostModel: String capacity: Int }
`;

const homes: RegisteredOperation = {
  organisation: "蜀光通信四川分公司",
  name: "PartnerCityHomes",
  document: `query PartnerCityHomes($region: ID!) { sites(first: 5, filter: { region: $region }) { id name hostModel } }`,
  source: "demo seed",
};

const counts: RegisteredOperation = {
  organisation: "天府广播电视台",
  name: "Capacities",
  document: `{ sites(filter: { status: OPEN }) { capacity } }`,
  source: "operations.json",
};

function check(after: string, operations = [homes, counts]) {
  return checkSchemaChange({ previous: BEFORE, next: after, operations });
}

describe("checkSchemaChange", () => {
  it("fails on a renamed field an operation selects, naming the field, the operation and its organisation", () => {
    const report = check(BEFORE.replace("hostModel: String", "hostingModel: String"));
    expect(report.failed).toBe(true);
    const removed = report.changes.find((change) => change.type === "FIELD_REMOVED");
    expect(removed).toMatchObject({ level: "breaking", coordinates: ["Site.hostModel"] });
    expect(removed?.operations.map((operation) => operation.name)).toEqual(["PartnerCityHomes"]);
    expect(report.broken.map(({ operation }) => operation.name)).toEqual(["PartnerCityHomes"]);
    const text = formatSchemaCheck(report);
    expect(text).toContain("Site.hostModel was removed.");
    expect(text).toContain("used by PartnerCityHomes of 蜀光通信四川分公司 (demo seed)");
    expect(text).toContain('Cannot query field "hostModel" on type "Site".');
    expect(text.split("\n").at(-1)).toMatch(/^schema check failed: 1 breaking \(1 used by an operation\)/);
  });

  it("calls an addition safe", () => {
    const report = check(
      BEFORE.replace("capacity: Int }", "capacity: Int phone: String }\n type Fund { id: ID! }"),
    );
    expect(report.failed).toBe(false);
    expect(report.changes.map(({ level, description }) => ({ level, description }))).toEqual([
      { level: "safe", description: "Site.phone was added." },
      { level: "safe", description: "Fund was added." },
    ]);
    expect(formatSchemaCheck(report).split("\n").at(-1)).toBe(
      "schema check passed: 0 breaking (0 used by an operation), 0 dangerous, 2 safe; 2 operations checked, 0 no longer valid",
    );
  });

  it("reports who still uses a deprecated field, and passes", () => {
    const report = check(
      BEFORE.replace("hostModel: String", 'hostModel: String @deprecated(reason: "use model")'),
    );
    expect(report.failed).toBe(false);
    expect(report.changes).toMatchObject([
      { level: "safe", type: "DEPRECATED", coordinates: ["Site.hostModel"] },
    ]);
    expect(report.deprecatedUses).toEqual([
      { coordinate: "Site.hostModel", reason: "use model", operations: [homes] },
    ]);
    expect(formatSchemaCheck(report)).toContain("deprecated Site.hostModel (use model) is still used by:");
  });

  it("passes a breaking change no operation uses, as a warning", () => {
    const report = check(BEFORE.replace(" capacity: Int", ""), [homes]);
    expect(report.failed).toBe(false);
    expect(report.changes).toMatchObject([
      { level: "breaking", coordinates: ["Site.capacity"], operations: [] },
    ]);
    expect(formatSchemaCheck(report)).toContain("Site.capacity was removed. (no operation uses it)");
  });

  it("fails a breaking change that leaves the operation valid (a field turned nullable)", () => {
    const report = check(BEFORE.replace("name: String!", "name: String"));
    expect(report.broken).toEqual([]);
    expect(report.failed).toBe(true);
    expect(report.changes).toMatchObject([
      { level: "breaking", type: "FIELD_CHANGED_KIND", coordinates: ["Site.name"], operations: [homes] },
    ]);
  });

  it("names the enum value an operation sends, and the readers of an enum that gains one", () => {
    expect(check(BEFORE.replace("OPEN CLOSED", "CLOSED")).changes).toMatchObject([
      { level: "breaking", coordinates: ["SiteStatus.OPEN"], operations: [counts] },
    ]);
    expect(check(BEFORE.replace("OPEN CLOSED", "OPEN CLOSED PAUSED")).changes).toMatchObject([
      { level: "dangerous", coordinates: ["SiteStatus"], operations: [counts] },
    ]);
  });

  it("reports an operation the previous schema refused already without failing", () => {
    const stale = { ...homes, name: "Stale", document: "{ sites { nothing } }" };
    const report = check(BEFORE, [stale, { ...homes, name: "Broken", document: "{ sites {" }]);
    expect(report.failed).toBe(false);
    expect(report.alreadyInvalid.map(({ operation }) => operation.name)).toEqual(["Stale", "Broken"]);
  });

  it("without a previous schema, fails on any operation the next one refuses", () => {
    const report = checkSchemaChange({
      previous: null,
      next: BEFORE,
      operations: [homes, { ...counts, document: "{ sites { nothing } }" }, { ...counts, document: "{" }],
    });
    expect(report).toMatchObject({ compared: false, changes: [] });
    expect(formatSchemaCheck(report)).toContain("no previous API schema to compare with");
    expect(report.broken.map(({ operation }) => operation.document)).toEqual(["{ sites { nothing } }", "{"]);
    expect(report.failed).toBe(true);
  });
});

describe("coordinatesUsed", () => {
  it("counts every field of an input a variable may carry", () => {
    const used = coordinatesUsed(
      buildSchema(BEFORE),
      parse("query($filter: SiteFilter) { sites(filter: $filter) { id } }"),
    );
    expect([...used].sort()).toEqual(
      [
        "ID",
        "Query",
        "Query.sites",
        "Query.sites(filter:)",
        "Site",
        "Site.id",
        "SiteFilter",
        "SiteFilter.region",
        "SiteFilter.status",
        "SiteStatus",
        "SiteStatus.CLOSED",
        "SiteStatus.OPEN",
      ].sort(),
    );
  });
});

describe("apiSchemaSdl", () => {
  it("is the graph clients see: no @inaccessible field, no federation machinery", () => {
    const link = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@inaccessible"])`;
    const result = composeServices([
      {
        name: "one",
        url: "http://one/graphql",
        typeDefs: parse(
          `${link} type Query { site: Site secret: String @inaccessible } type Site @key(fields: "id") { id: ID! }`,
        ),
      },
    ]);
    if (result.errors) throw result.errors[0];
    expect(apiSchemaSdl(result.supergraphSdl)).toBe(
      "type Query {\n  site: Site\n}\n\ntype Site {\n  id: ID!\n}",
    );
  });
});
