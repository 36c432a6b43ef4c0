import {
  announceOrganisations,
  announceProjects,
  announceSites,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "./generated/prisma/client.js";
import {
  donationInput,
  expectLedgerBalanced,
  RECORD_DONATION,
} from "./modules/donation/donation.fixtures.js";
import { grantInput, PROPOSE_GRANT } from "./modules/grant/grant.fixtures.js";
import { seedFunds } from "./seed/index.js";
import { fundingService } from "./testing.js";

// Homes, donors and projects are other subgraphs' records: funding knows them from their events.
const HOME = "a1000000-0000-4000-8000-000000000001";
const CLOSED_HOME = "a1000000-0000-4000-8000-000000000002";
const DONOR = "0d000000-0000-4000-8000-000000000001";
const PROJECT = "7c000000-0000-4000-8000-000000000001";
const UNKNOWN = "ffffffff-0000-4000-8000-000000000000";

let funding: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  await seedFunds(funding.database.client);
  await announceSites(funding, [
    { id: HOME, countyCode: "510703", name: "东林村留守学生之家" },
    { id: CLOSED_HOME, countyCode: "510703", name: "西林村留守学生之家", status: "CLOSED" },
  ]);
  await announceOrganisations(funding, [{ id: DONOR, name: "绵阳市爱心企业" }]);
  await announceProjects(funding, [{ id: PROJECT, code: "MOBILE_LIBRARY", name: "流动图书馆" }]);
  officer = await identityHeaders({
    subject: "finance-1",
    roles: ["FINANCE_OFFICER"],
    regionScope: "510000",
  });
});
afterAll(async () => {
  await expectLedgerBalanced(funding.database.client);
  await funding?.close();
});

const gift = (overrides: Record<string, unknown>) =>
  funding.execute(RECORD_DONATION, { input: donationInput(overrides, 100) }, officer);

describe("a gift names only records other subgraphs have announced", () => {
  it.each([
    ["an unknown donor", { donorName: null, donorOrganisationId: UNKNOWN }, "input.donorOrganisationId"],
    [
      "an unknown home",
      { designation: { purpose: "EQUIPMENT", siteId: UNKNOWN } },
      "input.designation.siteId",
    ],
    [
      "an unknown project",
      { designation: { purpose: "ACTIVITIES", projectId: UNKNOWN } },
      "input.designation.projectId",
    ],
  ])("refuses %s with NOT_FOUND naming the field, and writes nothing", async (_what, overrides, field) => {
    const before = await funding.database.client.donation.count();
    const { data, errors } = await gift(overrides);
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field, id: UNKNOWN });
    expect(await funding.database.client.donation.count()).toBe(before);
  });

  it("records a gift from a known donor to a known home and project", async () => {
    const toHome = await gift({
      donorName: null,
      donorOrganisationId: DONOR,
      designation: { purpose: "EQUIPMENT", siteId: HOME },
    });
    expect(toHome.errors).toBeUndefined();
    const toProject = await gift({ designation: { purpose: "ACTIVITIES", projectId: PROJECT } });
    expect(toProject.errors).toBeUndefined();
  });
});

describe("a grant to a home", () => {
  const propose = (overrides: Record<string, unknown>) =>
    funding.execute(
      PROPOSE_GRANT,
      { input: grantInput({ fundCode: "CITY_510700", ...overrides }, 10) },
      officer,
    );

  it("goes only to a home that receives grants: CONFLICT for a closed one", async () => {
    await gift({ fundCode: "CITY_510700", designation: { purpose: "BUILDING_HOMES" } });
    const { errors } = await propose({ siteId: CLOSED_HOME });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "CONFLICT",
      field: "input.siteId",
      status: "CLOSED",
    });
  });

  it("is scoped by the county sites says the home is in, not the one the input gives", async () => {
    const { errors } = await propose({ siteId: HOME, regionCode: "510722" });
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.regionCode",
      regionCode: "510703",
    });
    const unknown = await propose({ siteId: UNKNOWN });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "input.siteId" });
  });
});
