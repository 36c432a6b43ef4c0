import { DEMO_PARTNER_ORGANISATION } from "@lamplight/seed-kit";

/** What the demo partner's key may read. */
export const DEMO_PARTNER_SCOPES = ["read:funding", "read:people", "read:sites"];

export const DEMO_PARTNER = { ...DEMO_PARTNER_ORGANISATION, scopes: DEMO_PARTNER_SCOPES };
