import {
  announceOrganisations,
  announceSites,
  entities,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { seedFunds } from "../../seed/index.js";
import { fundingService } from "../../testing.js";
import { donationInput, expectLedgerBalanced, RECORD_DONATION } from "../donation/donation.fixtures.js";

// 50 homes: home i received i gifts of 100 yuan (home 0 none); the first gift to home 7 is reversed.
const homes = Array.from(
  { length: 50 },
  (_, index) => `f0000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
);
const organisations = Array.from(
  { length: 3 },
  (_, index) => `0a000000-0000-4000-8000-${String(index).padStart(12, "0")}`,
);

let funding: StartedSubgraph<PrismaClient>;

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  await announceSites(
    funding,
    homes.map((id) => ({ id, countyCode: "510703" })),
  );
  await announceOrganisations(
    funding,
    organisations.map((id) => ({ id })),
  );
  await seedFunds(funding.database.client);
  const officer = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  const record = (input: Record<string, unknown>) => funding.execute(RECORD_DONATION, { input }, officer);
  for (const [index, siteId] of homes.entries()) {
    for (let gift = 0; gift < index % 5; gift++) {
      const { errors } = await record(
        donationInput({ designation: { purpose: "BUILDING_HOMES", siteId }, fundCode: "CITY_510700" }, 100),
      );
      expect(errors).toBeUndefined();
    }
  }
  // Organisation 0 gives 500 named and 300 anonymously; organisation 1 gives 200; organisation 2 nothing.
  await record(donationInput({ donorName: null, donorOrganisationId: organisations[0] }, 500));
  await record(
    donationInput({ donorName: null, donorOrganisationId: organisations[0], anonymous: true }, 300),
  );
  await record(donationInput({ donorName: null, donorOrganisationId: organisations[1] }, 200));
  const reversed = await record(
    donationInput(
      {
        designation: { purpose: "EQUIPMENT", siteId: homes[7] },
        donorName: null,
        donorOrganisationId: organisations[1],
      },
      1000,
    ),
  );
  await funding.execute(
    `mutation($id: ID!) { reverseJournalEntry(id: $id, reason: "wrong home") { id } }`,
    { id: reversed.data?.recordDonation.journalEntry.id },
    officer,
  );
});
afterEach(() => expectLedgerBalanced(funding.database.client));
afterAll(() => funding?.close());

describe("Site.fundsReceived", () => {
  it("sums the gifts of 50 homes with exactly one SQL statement, for the public", async () => {
    const before = funding.statements();
    const { data, errors } = await entities(
      funding.url,
      homes.map((id) => ({ __typename: "Site", id })),
      "... on Site { id fundsReceived { fen currency } }",
    );
    expect(errors).toBeUndefined();
    expect(funding.statements() - before).toBe(1);
    expect(data?._entities.map((site) => site?.fundsReceived.fen)).toEqual(
      homes.map((_, index) => (index % 5) * 10_000),
    );
  });

  it("answers zero for a home with no gifts and for an id that is none", async () => {
    const { data } = await entities(
      funding.url,
      [
        { __typename: "Site", id: "00000000-0000-4000-8000-000000000000" },
        { __typename: "Site", id: "home-1" },
      ],
      "... on Site { id fundsReceived { amount } }",
    );
    expect(data?._entities.map((site) => site?.fundsReceived.amount)).toEqual(["0.00", "0.00"]);
  });
});

describe("Organisation.donated", () => {
  it("sums what each organisation gave in its own name in one SQL statement", async () => {
    const before = funding.statements();
    const { data, errors } = await entities(
      funding.url,
      organisations.map((id) => ({ __typename: "Organisation", id })),
      "... on Organisation { id donated { amount } }",
    );
    expect(errors).toBeUndefined();
    expect(funding.statements() - before).toBe(1);
    // Anonymous gifts are not attributed; reversed ones do not count.
    expect(data?._entities.map((organisation) => organisation?.donated.amount)).toEqual([
      "500.00",
      "200.00",
      "0.00",
    ]);
  });
});

describe("Fund entity", () => {
  it("resolves references through one query", async () => {
    const fund = await funding.database.client.fund.findUniqueOrThrow({ where: { code: "LOVE_FUND" } });
    const before = funding.statements();
    const { data } = await entities(
      funding.url,
      [
        { __typename: "Fund", id: fund.id },
        { __typename: "Fund", id: "00000000-0000-4000-8000-000000000000" },
      ],
      "... on Fund { code kind ownerRegion { code } }",
    );
    expect(funding.statements() - before).toBe(1);
    expect(data?._entities).toEqual([
      { code: "LOVE_FUND", kind: "PROVINCIAL_LOVE_FUND", ownerRegion: { code: "510000" } },
      null,
    ]);
  });
});
