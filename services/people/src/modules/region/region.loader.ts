import type { PeopleContext } from "../../context.js";
import { NeedCategory } from "../need/need.type.js";
import { sumWithin } from "../student/student.repository.js";

/**
 * How many children live in each region of the batch: one GROUP BY county for all of them, then
 * summed per region in memory (a county is its own row, a city the sum of its counties, the
 * province the sum of all).
 */
export function regionChildrenCountLoader(context: PeopleContext) {
  return context.loaders.get<string, number>("region.childrenCount", async (codes) => {
    const counties = await context.students.countByCounty(codes);
    return codes.map((code) => sumWithin(code, counties, (row) => row.count));
  });
}

/** How many children in each region of the batch have a need of each category: one query for the batch. */
export function regionNeedCountsLoader(context: PeopleContext) {
  return context.loaders.get<string, Map<NeedCategory, number>>("region.childrenByNeed", async (codes) => {
    const counties = await context.needs.countChildrenByCounty(codes);
    return codes.map(
      (code) =>
        new Map(
          Object.values(NeedCategory).map((category) => [
            category,
            sumWithin(
              code,
              counties.filter((row) => row.category === category),
              (row) => row.children,
            ),
          ]),
        ),
    );
  });
}
