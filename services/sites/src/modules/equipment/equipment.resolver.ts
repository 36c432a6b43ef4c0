import { NotFoundError } from "@lamplight/platform";
import { Allow, ListBound, PUBLIC } from "@lamplight/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { siteLoader } from "../site/site.loader.js";
import { assertMayChangeSite, SITE_EDITORS } from "../site/site.policy.js";
import { Site } from "../site/site.type.js";
import { complianceOf } from "./equipment.compliance.js";
import { SetInventoryInput } from "./equipment.inputs.js";
import { inventoryLoader, standardLoader } from "./equipment.loader.js";
import { EquipmentCompliance, EquipmentItem, InventoryLine, MissingEquipment } from "./equipment.type.js";

async function itemOf(context: SitesContext, code: string): Promise<EquipmentItem> {
  const item = (await standardLoader(context).load("all")).find((candidate) => candidate.code === code);
  if (!item) throw new Error(`equipment item ${code} is not in the standard`);
  return item;
}

@Resolver(() => EquipmentItem)
export class EquipmentResolver {
  @ListBound(50)
  @Query(() => [EquipmentItem], {
    description:
      'The province\'s construction standard: every item a home must have, the "six ones" first. A short fixed list, so not paged.',
  })
  @Allow(PUBLIC)
  equipmentStandard(@Ctx() context: SitesContext): Promise<EquipmentItem[]> {
    return standardLoader(context).load("all");
  }
}

@Resolver(() => InventoryLine)
export class InventoryLineResolver {
  @FieldResolver(() => EquipmentItem)
  item(@Root() line: InventoryLine, @Ctx() context: SitesContext): Promise<EquipmentItem> {
    return itemOf(context, line.itemCode);
  }
}

@Resolver(() => MissingEquipment)
export class MissingEquipmentResolver {
  @FieldResolver(() => EquipmentItem)
  item(@Root() line: MissingEquipment, @Ctx() context: SitesContext): Promise<EquipmentItem> {
    return itemOf(context, line.itemCode);
  }
}

@Resolver(() => Site)
export class SiteEquipmentResolver {
  @Mutation(() => Site, {
    description:
      "Records a count of a home's equipment: the items given take the counts given. Officials of its region and its site manager.",
  })
  @Allow(...SITE_EDITORS)
  async setInventory(
    @Arg("siteId", () => ID) siteId: string,
    @Arg("input", () => SetInventoryInput) input: SetInventoryInput,
    @Ctx() context: SitesContext,
  ): Promise<Site> {
    const site = await siteLoader(context).load(siteId);
    if (!site) throw new NotFoundError("Site", siteId);
    assertMayChangeSite(context.principal, site);
    await context.equipmentService.setCounts(siteId, input.items);
    return site;
  }

  @ListBound(50)
  @FieldResolver(() => [InventoryLine], {
    description:
      "What the home has of each standard item, in the standard's order; at most the standard's length.",
  })
  @Allow(PUBLIC)
  async inventory(@Root() site: Site, @Ctx() context: SitesContext): Promise<InventoryLine[]> {
    const [standard, lines] = await Promise.all([
      standardLoader(context).load("all"),
      inventoryLoader(context).load(site.id),
    ]);
    const counts = new Map(lines.map((line) => [line.itemCode, line.count]));
    return standard.map((item) => ({ itemCode: item.code, count: counts.get(item.code) ?? 0 }));
  }

  @FieldResolver(() => EquipmentCompliance, {
    description: "How the home measures up to the standard, and what it is missing.",
  })
  @Allow(PUBLIC)
  async equipmentCompliance(@Root() site: Site, @Ctx() context: SitesContext): Promise<EquipmentCompliance> {
    const [standard, lines] = await Promise.all([
      standardLoader(context).load("all"),
      inventoryLoader(context).load(site.id),
    ]);
    return complianceOf(standard, new Map(lines.map((line) => [line.itemCode, line.count])));
  }
}
