import type { FundingContext } from "../../context.js";
import { fundLoader } from "./fund.loader.js";
import type { Fund } from "./fund.type.js";

/** `_entities` for Fund: batched through the request's loader, one query per batch. */
export function resolveFundReference(
  reference: { id: string },
  context: FundingContext,
): Promise<Fund | null> {
  return fundLoader(context).load(reference.id);
}
