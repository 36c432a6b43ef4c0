import { Role } from "@lamplight/platform";

/** Who assesses homes: county officers for the county level, city admins for the city level. */
export const ASSESSORS = [Role.CITY_ADMIN, Role.COUNTY_OFFICER] as const;

/** Who selects the year's excellent homes: the province. */
export const SELECTORS = [Role.PROVINCE_ADMIN] as const;
