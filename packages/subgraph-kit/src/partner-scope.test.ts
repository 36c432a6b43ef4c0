import { printSubgraphSchema } from "@apollo/subgraph";
import { PARTNER_SPEC_URL, PartnerScopes } from "@lamplight/platform";
import { Field, FieldResolver, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildFederatedSchema } from "./federation.js";
import { ListBound } from "./list-bounds.js";
import { PartnerScope } from "./partner-scope.js";

@PartnerScope("read:sites")
@ObjectType()
class Home {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => Home)
class HomeResolver {
  @PartnerScope("read:sites")
  @ListBound(10)
  @Query(() => [Home])
  homes(): Home[] {
    return [];
  }

  /** Another area's figure on the same type: its own scope wins over the type's. */
  @PartnerScope("read:people")
  @FieldResolver(() => Int)
  children(): number {
    return 0;
  }
}

describe("@PartnerScope", () => {
  it("is a directive of the subgraph's SDL, linked to Lamplight's spec and composed into the supergraph", async () => {
    const sdl = printSubgraphSchema(await buildFederatedSchema({ resolvers: [HomeResolver] }));
    expect(sdl).toContain(`@link(url: "${PARTNER_SPEC_URL}", import: ["@partnerScope"])`);
    expect(sdl).toContain('@composeDirective(name: "@partnerScope")');
    expect(sdl).toMatch(/type Home\s+@partnerScope\(scope: "read:sites"\)/);
    expect(sdl).toContain('children: Int! @partnerScope(scope: "read:people")');
  });

  it("says which scope each field needs: the field's own, else its type's", async () => {
    const scopes = new PartnerScopes(
      printSubgraphSchema(await buildFederatedSchema({ resolvers: [HomeResolver] })),
    );
    expect(scopes.of("Query", "homes")).toBe("read:sites");
    expect(scopes.of("Home", "id")).toBe("read:sites");
    expect(scopes.of("Home", "children")).toBe("read:people");
    expect(scopes.of("Query", "_service")).toBeNull();
  });

  it("accepts read:<area> scopes only", () => {
    expect(() => PartnerScope("sites")).toThrow("read:<area>");
  });
});
