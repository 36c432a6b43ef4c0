import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The sites subgraph's Region, by its key: a fund names the region of the body that runs it, a grant
 * the region its money goes to. This subgraph adds what was raised and granted there; names and the
 * tree come from the sites subgraph.
 */
@Directive('@key(fields: "code")')
@ObjectType("Region", {
  description: "An administrative region of the province, keyed by its official six-digit code.",
})
export class Region {
  @Field(() => ID, { description: 'The official administrative division code, e.g. "510700" for Mianyang.' })
  code!: string;

  static of(code: string): Region {
    const region = new Region();
    region.code = code;
    return region;
  }
}
