import { PARTNER_SCOPE_DIRECTIVE } from "@lamplight/platform";
import { Directive } from "type-graphql";

/**
 * The definition of `@partnerScope` (its spec, PARTNER_SPEC_URL, is the platform's), as every
 * subgraph's SDL carries it; `@composeDirective` carries it into the supergraph, where the gateway,
 * access (at registration) and the partner documentation read the scopes.
 */
export const PARTNER_SCOPE_DEFINITION = `directive @${PARTNER_SCOPE_DIRECTIVE}(scope: String!) on OBJECT | FIELD_DEFINITION`;

/**
 * The partner scope (`read:<area>`) a key needs to select this field, or every field of this type.
 * A field's own scope wins over its type's: where another subgraph adds fields to an entity, it
 * marks them with its own area. The gateway refuses a partner operation selecting a field whose
 * scope the key lacks, before it runs; a field without a scope needs none (its @Allow still holds).
 */
export function PartnerScope(scope: string): ClassDecorator & MethodDecorator & PropertyDecorator {
  if (!/^read:[a-z]+$/.test(scope)) throw new Error(`A partner scope is read:<area>; got ${scope}`);
  return Directive(`@${PARTNER_SCOPE_DIRECTIVE}(scope: "${scope}")`) as ClassDecorator &
    MethodDecorator &
    PropertyDecorator;
}
