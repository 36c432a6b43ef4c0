import path from "node:path";
import { describe, expect, it } from "vitest";
import { describeDatabaseTarget, resolveDatabaseTarget } from "./config.js";

const options = { service: "sites", serviceDir: "/srv/lamplight/services/sites" };

describe("resolveDatabaseTarget", () => {
  it("defaults to embedded PGlite inside the service", () => {
    expect(resolveDatabaseTarget(undefined, options)).toEqual({
      kind: "pglite",
      dataDir: path.join(options.serviceDir, ".data", "pglite"),
    });
    expect(resolveDatabaseTarget("", options)).toEqual(resolveDatabaseTarget("pglite:", options));
  });

  it("gives each service its own directory under pglite:<dir>", () => {
    expect(resolveDatabaseTarget("pglite:/var/lib/lamplight", options)).toEqual({
      kind: "pglite",
      dataDir: "/var/lib/lamplight/sites",
    });
  });

  it("puts each service in its own PostgreSQL schema", () => {
    const url = "postgres://lamplight:secret@db:5432/lamplight";
    expect(resolveDatabaseTarget(url, options)).toEqual({ kind: "postgres", url, schema: "sites" });
    expect(resolveDatabaseTarget(url, { ...options, schema: "test_sites_1" })).toMatchObject({
      schema: "test_sites_1",
    });
    expect(describeDatabaseTarget(resolveDatabaseTarget(url, options))).toBe(
      "PostgreSQL db:5432/lamplight, schema sites",
    );
  });

  it("refuses anything else, and schema names that could escape quoting", () => {
    expect(() => resolveDatabaseTarget("mysql://x", options)).toThrow(/DATABASE_URL must be/);
    expect(() => resolveDatabaseTarget("postgres://x/y", { ...options, schema: 'a"; DROP' })).toThrow(
      /schema name/,
    );
  });
});
