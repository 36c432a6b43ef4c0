import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The sites subgraph's Region, by its key: a fund names the region of the body that runs it. This
 * subgraph only points at regions; their names and tree come from the sites subgraph.
 */
@Directive('@key(fields: "code", resolvable: false)')
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
