import { printSubgraphSchema } from "@apollo/subgraph";
import { graphql } from "graphql";
import { Arg, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildFederatedSchema } from "./federation.js";
import { ListBound, refuseBeyondBound } from "./list-bounds.js";
import { maskSubgraphError } from "./masking.js";
import {
  Connection,
  type ConnectionResult,
  connectionFromRows,
  PageArgs,
  pageRequest,
} from "./pagination.js";

@ObjectType()
class Shelf {
  @Field(() => ID)
  code!: string;
}

const ShelfConnection = Connection(Shelf);

/** How many shelves the resolvers return, set by each test: the data outgrowing its bound. */
let stocked = 3;
const shelves = () =>
  Array.from({ length: stocked }, (_, index) => Object.assign(new Shelf(), { code: `s${index}` }));

@Resolver()
class ShelfResolver {
  @Query(() => [Shelf])
  @ListBound(5)
  shelves(): Promise<Shelf[]> {
    return Promise.resolve(shelves());
  }

  @Query(() => [Shelf])
  @ListBound(10, { slicedBy: "first" })
  fullest(@Arg("first", () => Int, { nullable: true }) _first: number | null): Shelf[] {
    return shelves();
  }

  @Query(() => [Shelf])
  @ListBound(5)
  shelvesInAisle(@Arg("aisle", () => String, { nullable: true }) _aisle: string | null): Shelf[] {
    return refuseBeyondBound(shelves(), 5, { field: "aisle", narrowBy: "aisle" });
  }

  @Query(() => ShelfConnection)
  shelfPages(@Arg("first", () => Int, { nullable: true }) first: number | null): ConnectionResult<Shelf> {
    const page = pageRequest(Object.assign(new PageArgs(), { first }));
    return connectionFromRows(shelves(), {
      order: [{ field: "code", direction: "asc" }],
      page,
      countTotal: () => Promise.resolve(stocked),
    });
  }
}

@Resolver()
class UnboundedResolver {
  @Query(() => [Shelf])
  everything(): Shelf[] {
    return shelves();
  }
}

const schema = await buildFederatedSchema({ resolvers: [ShelfResolver] });
const run = async (source: string) => {
  const result = await graphql({ schema, source });
  return {
    data: result.data,
    errors: result.errors?.map((error) => maskSubgraphError(error.toJSON(), error)),
  };
};

describe("list bounds", () => {
  it("are declared in the subgraph's schema with Federation's @listSize, connections automatically", () => {
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toContain("shelves: [Shelf!]! @listSize(assumedSize: 5)");
    expect(sdl).toContain(
      'fullest(first: Int): [Shelf!]! @listSize(assumedSize: 10, slicingArguments: ["first"], requireOneSlicingArgument: false)',
    );
    expect(sdl).toMatch(
      /shelfPages\(first: Int\): ShelfConnection! @listSize\(assumedSize: 20, slicingArguments: \["first"\], sizedFields: \["edges"\], requireOneSlicingArgument: false\)/,
    );
  });

  it("refuse to build a schema with a list that declares none", async () => {
    await expect(buildFederatedSchema({ resolvers: [UnboundedResolver] })).rejects.toThrow(
      /declare no bound.*Query\.everything/,
    );
  });

  it("let a list within its bound through", async () => {
    stocked = 5;
    const { data, errors } = await run(`{ shelves { code } fullest(first: 5) { code } }`);
    expect(errors).toBeUndefined();
    expect(data?.shelves).toHaveLength(5);
  });

  it("never serve more than the declared maximum, nor more than the slicing argument asked for", async () => {
    stocked = 6;
    const over = await run(`{ shelves { code } }`);
    expect(over.data).toBeNull();
    expect(over.errors?.[0]).toMatchObject({
      path: ["shelves"],
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    });
    const sliced = await run(`{ fullest(first: 4) { code } }`);
    expect(sliced.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    stocked = 11;
    expect((await run(`{ fullest { code } }`)).errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("refuse, as the client's to narrow, a computed list the client's arguments made too long", async () => {
    stocked = 6;
    const { errors } = await run(`{ shelvesInAisle { code } }`);
    expect(errors?.[0]).toMatchObject({
      message: "aisle gives 6 items; at most 5 are served: narrow by aisle",
      extensions: { code: "BAD_USER_INPUT", field: "aisle", limit: 5 },
    });
  });
});
