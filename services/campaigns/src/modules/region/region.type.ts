import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The sites subgraph's Region, by its key. This subgraph adds how many activities were held in it;
 * the name, level and tree come from the sites subgraph through the gateway.
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
