import { cities, PROVINCE_CODE } from "@lamplight/regions";
import { DEMO_SEED, Random } from "@lamplight/seed-kit";
import type { Prisma } from "../generated/prisma/client.js";
import { FundKind } from "../generated/prisma/enums.js";
import { type ChartAccount, chartOfAccounts } from "../modules/fund/fund.chart.js";

/** The seed of the funding demo data: the same number gives the same rows, ids included. */
export const FUNDING_SEED = 20261203;

/**
 * The funding seed for a `--seed` number: the programme's default seed gives FUNDING_SEED (the demo
 * data as it has always been), any other number shifts every stream of this service with it.
 */
export const fundingSeed = (seed: number = DEMO_SEED) => FUNDING_SEED + (seed - DEMO_SEED);

export const LOVE_FUND = "LOVE_FUND";
export const SPORTS_LOTTERY = "SPORTS_LOTTERY";
export const cityFundCode = (cityCode: string) => `CITY_${cityCode}`;

export interface DemoFunds {
  funds: (Prisma.FundCreateManyInput & { id: string; code: string; ownerRegionCode: string })[];
  accounts: ChartAccount[];
}

/**
 * The programme's funds: the provincial love fund, the 21 cities' special funds and the sports
 * lottery's restricted fund (which holds the sports bureau's 1,000,000 for the sports activity
 * centre, see `namedGifts`), each with its chart of accounts.
 */
export function demoFunds(seed = FUNDING_SEED): DemoFunds {
  const random = new Random(seed);
  const newId = () => random.uuid();
  const funds: DemoFunds["funds"] = [
    {
      id: newId(),
      code: LOVE_FUND,
      name: "四川省关爱留守学生爱心基金",
      kind: FundKind.PROVINCIAL_LOVE_FUND,
      ownerRegionCode: PROVINCE_CODE,
    },
    ...cities().map((city) => ({
      id: newId(),
      code: cityFundCode(city.code),
      name: `${city.name}关爱留守学生专项资金`,
      kind: FundKind.CITY_SPECIAL_FUND,
      ownerRegionCode: city.code,
    })),
    {
      id: newId(),
      code: SPORTS_LOTTERY,
      name: "四川省体育彩票公益金（关爱留守学生）",
      kind: FundKind.RESTRICTED,
      ownerRegionCode: PROVINCE_CODE,
    },
  ];
  // The accounts added with grants and gifts in kind draw from their own stream: the first ones keep their ids.
  const later = new Random(seed + 7);
  const accounts = funds.flatMap((fund) => chartOfAccounts(fund.id, newId, () => later.uuid()));
  return { funds, accounts };
}
