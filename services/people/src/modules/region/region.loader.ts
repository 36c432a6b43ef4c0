import { aggregateLoader } from "@lamplight/subgraph-kit";
import type { PeopleContext } from "../../context.js";
import { NeedCategory } from "../need/need.type.js";
import { sumWithin } from "../student/student.repository.js";
import { VolunteerKind } from "../volunteer/volunteer.type.js";

/** A count two ways: every child, and only those whose guardian consented to statistics. */
export interface ConsentedCount {
  all: number;
  consenting: number;
}

/**
 * How many children live in each region of the batch: one GROUP BY county for all of them, then
 * summed per region in memory (a county is its own row, a city the sum of its counties, the
 * province the sum of all).
 */
export function regionChildrenCountLoader(context: PeopleContext) {
  return aggregateLoader<string, ConsentedCount>(context, "region.childrenCount", async (codes) => {
    const counties = await context.students.countByCounty(codes);
    return codes.map((code) => ({
      all: sumWithin(code, counties, (row) => row.count),
      consenting: sumWithin(code, counties, (row) => row.consenting),
    }));
  });
}

/** How many children in each region of the batch have a need of each category: one query for the batch. */
export function regionNeedCountsLoader(context: PeopleContext) {
  return aggregateLoader<string, Map<NeedCategory, ConsentedCount>>(
    context,
    "region.childrenByNeed",
    async (codes) => {
      const counties = await context.needs.countChildrenByCounty(codes);
      return codes.map(
        (code) =>
          new Map(
            Object.values(NeedCategory).map((category) => {
              const rows = counties.filter((row) => row.category === category);
              return [
                category,
                {
                  all: sumWithin(code, rows, (row) => row.children),
                  consenting: sumWithin(code, rows, (row) => row.consenting),
                },
              ];
            }),
          ),
      );
    },
  );
}

/** How many active volunteers of each kind serve in each region of the batch: one query for the batch. */
export function regionVolunteerCountsLoader(context: PeopleContext) {
  return aggregateLoader<string, Map<VolunteerKind, number>>(
    context,
    "region.volunteersByKind",
    async (codes) => {
      const counties = await context.volunteers.countActiveByCountyAndKind(codes);
      return codes.map(
        (code) =>
          new Map(
            Object.values(VolunteerKind).map((kind) => [
              kind,
              sumWithin(
                code,
                counties.filter((row) => row.kind === kind),
                (row) => row.count,
              ),
            ]),
          ),
      );
    },
  );
}
