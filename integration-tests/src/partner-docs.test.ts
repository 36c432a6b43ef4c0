import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { partnerScopeCatalogue } from "@lamplight/platform";
import { findWorkspaceRoot } from "@lamplight/supergraph";
import { buildASTSchema, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { PARTNER_DOCS_DIRECTORY, partnerDocPages, SCOPE_GUIDES } from "../../scripts/partner-docs-pages.js";

// The partner documentation is written from the supergraph (`pnpm docs:partners`): like
// `pnpm compose:check`, this writes it again in memory and fails when the committed pages differ.

const root = findWorkspaceRoot();
const supergraphSdl = readFileSync(path.join(root, "supergraph.graphql"), "utf8");
const directory = path.join(root, PARTNER_DOCS_DIRECTORY);

describe("docs/partners", () => {
  const pages = partnerDocPages(supergraphSdl);

  it("is what `pnpm docs:partners` writes from the committed supergraph (run it and commit the pages)", () => {
    const committed = readdirSync(directory).filter((file) => file.endsWith(".md"));
    expect(committed.sort()).toEqual([...pages.keys()].sort());
    for (const [file, text] of pages) {
      expect(readFileSync(path.join(directory, file), "utf8"), `${PARTNER_DOCS_DIRECTORY}/${file}`).toBe(
        text,
      );
    }
  });

  it("has a page for every scope the schema declares, with an example that is valid and needs it", () => {
    const schema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
    const catalogue = partnerScopeCatalogue(supergraphSdl);
    expect(catalogue.scopes).toEqual(Object.keys(SCOPE_GUIDES).sort());
    for (const [scope, guide] of Object.entries(SCOPE_GUIDES)) {
      expect(validate(schema, parse(guide.example.document)), scope).toEqual([]);
      expect(catalogue.required(guide.example.document).map((s) => s.scope)).toContain(scope);
    }
  });
});
