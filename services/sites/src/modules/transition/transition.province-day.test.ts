import { type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";
import { type Officials, officials, proposeHome, TRANSITION } from "../site/site.fixtures.js";

let sites: StartedSubgraph<PrismaClient>;
let who: Officials;

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  who = await officials();
});
afterAll(() => sites?.close());
afterEach(() => {
  vi.useRealTimers();
});

describe("a home's opening day is the province's date (UTC+8)", () => {
  it("opens at 01:30 in Sichuan, 17:30 UTC the evening before, on the Sichuan date", async () => {
    const siteId = await proposeHome(sites, who, { location: { latitude: 31.47, longitude: 104.68 } });
    // Built: what the tender and construction steps would have led to.
    await sites.database.client.site.update({ where: { id: siteId }, data: { status: "BUILDING" } });
    // Only Date is faked: the server runs in this process, and faking timers would stall it.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-12-02T17:30:00.000Z"));
    const headers = await officials();
    const { data, errors } = await sites.execute(
      TRANSITION,
      { id: siteId, to: "OPEN", reason: "竣工验收合格" },
      headers.county,
    );
    expect(errors).toBeUndefined();
    expect(data?.transitionSite).toEqual({ id: siteId, status: "OPEN", openedOn: "2026-12-03" });
  });
});
