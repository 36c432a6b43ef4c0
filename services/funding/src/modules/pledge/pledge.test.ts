import {
  announceOrganisations,
  announceProjects,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { seedFunds } from "../../seed/index.js";
import { assertLedgerBalanced, fundingService } from "../../testing.js";
import { donationInput, RECORD_DONATION } from "../donation/donation.fixtures.js";

const ORGANISATION = "0c000000-0000-4000-8000-0000000000aa";
const PROJECT = "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a01";

let funding: StartedSubgraph<PrismaClient>;
let officer: Record<string, string>;

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  await announceOrganisations(funding, [{ id: ORGANISATION, name: "四川省体育局" }]);
  await announceProjects(funding, [{ id: PROJECT }]);
  await seedFunds(funding.database.client);
  officer = await identityHeaders({
    subject: "finance-1",
    roles: ["FINANCE_OFFICER"],
    regionScope: "510000",
  });
});
afterEach(() => assertLedgerBalanced(funding.database.client));
afterAll(() => funding?.close());

const RECORD_PLEDGE = /* GraphQL */ `
  mutation($input: RecordPledgeInput!) {
    recordPledge(input: $input) {
      id total { amount } paid { amount } designation { purpose projectId } donorOrganisation { id }
      instalments { id number dueOn amount { amount } paid { amount } fulfilled }
    }
  }
`;
const PLEDGE = {
  idempotencyKey: "pledge-publishing-2026",
  fundCode: "LOVE_FUND",
  donorOrganisationId: ORGANISATION,
  designation: { purpose: "ACTIVITIES", projectId: PROJECT },
  pledgedOn: "2026-01-10",
  instalments: [
    { dueOn: "2026-02-01", amount: { fen: 10_000_000 } },
    { dueOn: "2026-06-01", amount: { fen: 10_000_000 } },
    { dueOn: "2026-10-01", amount: { fen: 5_000_000 } },
  ],
};

describe("pledges", () => {
  it("records instalments, fulfilled by the donations that name them; a retry records once", async () => {
    const { data, errors } = await funding.execute(RECORD_PLEDGE, { input: PLEDGE }, officer);
    expect(errors).toBeUndefined();
    const pledge = data?.recordPledge;
    expect(pledge).toMatchObject({
      total: { amount: "250000.00" },
      paid: { amount: "0.00" },
      designation: { purpose: "ACTIVITIES", projectId: PROJECT },
      donorOrganisation: { id: ORGANISATION },
    });
    expect(pledge.instalments.map((instalment: any) => [instalment.number, instalment.fulfilled])).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
    const again = await funding.execute(RECORD_PLEDGE, { input: PLEDGE }, officer);
    expect(again.data?.recordPledge.id).toBe(pledge.id);
    expect(await funding.database.client.pledge.count()).toBe(1);

    const [first, second] = pledge.instalments;
    const pay = (instalmentId: string, yuan: number, overrides: Record<string, unknown> = {}) =>
      funding.execute(
        RECORD_DONATION,
        {
          input: donationInput(
            {
              donorName: null,
              donorOrganisationId: ORGANISATION,
              designation: { purpose: "ACTIVITIES", projectId: PROJECT },
              pledgeInstalmentId: instalmentId,
              ...overrides,
            },
            yuan,
          ),
        },
        officer,
      );
    expect((await pay(first.id, 100_000)).errors).toBeUndefined();
    expect((await pay(second.id, 40_000)).errors).toBeUndefined();
    const over = await pay(second.id, 60_001);
    expect(over.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.amount" });
    // 60,000 left on the second instalment: of three racing gifts of 30,000, two are accepted.
    const race = await Promise.all([1, 2, 3].map(() => pay(second.id, 30_000)));
    expect(race.filter((answer) => answer.errors === undefined)).toHaveLength(2);
    expect(race.filter((answer) => answer.errors?.[0]?.extensions?.code === "BAD_USER_INPUT")).toHaveLength(
      1,
    );
    const elsewhere = await pay(second.id, 10, { designation: { purpose: "GENERAL" } });
    expect(elsewhere.errors?.[0]?.extensions).toMatchObject({ field: "input.pledgeInstalmentId" });

    const { data: listed } = await funding.execute(
      `{ pledges(fundCode: "LOVE_FUND") { totalCount edges { node { paid { amount } instalments { paid { amount } fulfilled } } } } }`,
      {},
      officer,
    );
    expect(listed?.pledges.edges[0].node).toEqual({
      paid: { amount: "200000.00" },
      instalments: [
        { paid: { amount: "100000.00" }, fulfilled: true },
        { paid: { amount: "100000.00" }, fulfilled: true },
        { paid: { amount: "0.00" }, fulfilled: false },
      ],
    });
  });

  it("refuses instalments out of order, a non-positive amount, and the public", async () => {
    const bad = await funding.execute(
      RECORD_PLEDGE,
      {
        input: {
          ...PLEDGE,
          idempotencyKey: "pledge-bad-order",
          instalments: [
            { dueOn: "2026-06-01", amount: { fen: 100 } },
            { dueOn: "2026-02-01", amount: { fen: 100 } },
          ],
        },
      },
      officer,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.instalments.1.dueOn",
    });
    const zero = await funding.execute(
      RECORD_PLEDGE,
      {
        input: {
          ...PLEDGE,
          idempotencyKey: "pledge-zero",
          instalments: [{ dueOn: "2026-02-01", amount: { fen: 0 } }],
        },
      },
      officer,
    );
    expect(zero.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const anonymous = await funding.execute(RECORD_PLEDGE, {
      input: { ...PLEDGE, idempotencyKey: "pledge-public" },
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});
