import { Role } from "@lamplight/platform";

/** Projects are the province's offer to society: province admins create and steer them. */
export const PROJECT_MANAGERS = [Role.PROVINCE_ADMIN] as const;
