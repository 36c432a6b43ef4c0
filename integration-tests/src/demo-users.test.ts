import { getRegion } from "@lamplight/regions";
import { DEMO_USERS } from "@lamplight/seed-kit";
import { demoSites } from "@lamplight/sites/testing";
import { expect, it } from "vitest";

it("gives every role a demo user whose region and homes exist in the demo data", () => {
  const roles = new Set(DEMO_USERS.flatMap((user) => user.roles));
  expect([...roles].sort()).toEqual(
    [
      "CITY_ADMIN",
      "COUNTY_OFFICER",
      "FINANCE_OFFICER",
      "PARTNER_ADMIN",
      "PROVINCE_ADMIN",
      "SITE_MANAGER",
      "VOLUNTEER",
    ].sort(),
  );
  const homes = new Map(demoSites().map((site) => [site.id, site]));
  for (const user of DEMO_USERS) {
    if (user.region) expect(getRegion(user.region), user.subject).toBeDefined();
    for (const site of user.sites ?? [])
      expect(homes.get(site), `${user.subject} runs ${site}`).toBeDefined();
  }
});
