import { GrantEventType } from "@lamplight/events";
import {
  announceProjects,
  announceSites,
  entities,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { seedFunds } from "../../seed/index.js";
import { assertLedgerBalanced, fundingService } from "../../testing.js";
import { donationInput, RECORD_DONATION } from "../donation/donation.fixtures.js";
import {
  APPROVE_GRANT,
  DISBURSE_GRANT,
  grantInput,
  key,
  PROPOSE_GRANT,
  REPORT_EXPENDITURE,
} from "./grant.fixtures.js";

const HOME_A = "b0000000-0000-4000-8000-00000000000a";
const HOME_B = "b0000000-0000-4000-8000-00000000000b";
const PROJECT = "7c1e0a52-4b1d-4c3e-9a61-0f2b7d5e1a04";
// Homes of other cities, for those cities' funds.
const GUANGYUAN_HOME = "b0000000-0000-4000-8000-0000000008a2";
const NEIJIANG_HOME_A = "b0000000-0000-4000-8000-00000000100a";
const NEIJIANG_HOME_B = "b0000000-0000-4000-8000-00000000100b";
const PAGED_HOME = "b0000000-0000-4000-8000-00000000070c";

let funding: StartedSubgraph<PrismaClient>;
let proposer: Record<string, string>;
let approver: Record<string, string>;

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  // The homes and project these grants name, as sites and campaigns announce them.
  await announceSites(funding, [
    { id: "b0000000-0000-4000-8000-000000000001", countyCode: "510703", name: "东林村留守学生之家" },
    { id: HOME_A, countyCode: "510703" },
    { id: HOME_B, countyCode: "510703" },
    { id: GUANGYUAN_HOME, countyCode: "510802" },
    { id: NEIJIANG_HOME_A, countyCode: "511002" },
    { id: NEIJIANG_HOME_B, countyCode: "511002" },
    { id: PAGED_HOME, countyCode: "510703" },
  ]);
  await announceProjects(funding, [{ id: PROJECT }]);
  await seedFunds(funding.database.client);
  proposer = await identityHeaders({
    subject: "finance-a",
    roles: ["FINANCE_OFFICER"],
    regionScope: "510000",
  });
  approver = await identityHeaders({
    subject: "finance-b",
    roles: ["FINANCE_OFFICER"],
    regionScope: "510000",
  });
});
afterEach(() => assertLedgerBalanced(funding.database.client));
afterAll(async () => {
  await assertLedgerBalanced(funding.database.client);
  await funding?.close();
});

const give = async (yuan: number, overrides: Record<string, unknown> = {}) => {
  const { data, errors } = await funding.execute(
    RECORD_DONATION,
    { input: donationInput(overrides, yuan) },
    proposer,
  );
  expect(errors).toBeUndefined();
  return data?.recordDonation;
};
const propose = async (overrides: Record<string, unknown>, yuan: number) => {
  const { data, errors } = await funding.execute(
    PROPOSE_GRANT,
    { input: grantInput(overrides, yuan) },
    proposer,
  );
  expect(errors).toBeUndefined();
  return data?.proposeGrant;
};
const approve = (id: string, headers = approver) => funding.execute(APPROVE_GRANT, { id }, headers);
const code = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) =>
  result.errors?.[0]?.extensions?.code;

describe("a grant from proposal to spending", () => {
  it("moves designated money through award, payment and report, each a balanced entry", async () => {
    await give(50_000, { fundCode: "CITY_510700", designation: { purpose: "BUILDING_HOMES" } });
    const grant = await propose({ fundCode: "CITY_510700", siteId: HOME_A }, 30_000);
    expect(grant).toMatchObject({
      status: "PROPOSED",
      recipientKind: "SITE",
      purpose: "BUILDING_HOMES",
      awardDate: null,
      amount: { amount: "30000.00" },
      fund: { code: "CITY_510700" },
      site: { id: HOME_A },
      region: { code: "510703" },
    });
    // Nothing moves on a proposal.
    const fund = `{ fund(code: "CITY_510700") { balance { fen } raised { fen } granted { fen } available { fen } } }`;
    expect((await funding.execute(fund)).data?.fund).toEqual({
      balance: { fen: 5_000_000 },
      raised: { fen: 5_000_000 },
      granted: { fen: 0 },
      available: { fen: 5_000_000 },
    });

    const approved = await approve(grant.id);
    expect(approved.errors).toBeUndefined();
    expect(approved.data?.approveGrant).toMatchObject({ status: "APPROVED", amount: { fen: 3_000_000 } });
    expect(approved.data?.approveGrant.awardDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const paid = await funding.execute(
      DISBURSE_GRANT,
      {
        input: { idempotencyKey: key(), grantId: grant.id, amount: { fen: 2_000_000 }, paidOn: "2026-04-01" },
      },
      proposer,
    );
    expect(paid.errors).toBeUndefined();
    expect(paid.data?.disburseGrant.grant.disbursed).toEqual({ fen: 2_000_000 });
    const spent = await funding.execute(
      REPORT_EXPENDITURE,
      {
        input: {
          idempotencyKey: key(),
          grantId: grant.id,
          amount: { fen: 1_500_000 },
          spentOn: "2026-04-20",
          category: "CONSTRUCTION",
          description: "活动室装修",
        },
      },
      proposer,
    );
    expect(spent.errors).toBeUndefined();
    expect(spent.data?.reportGrantExpenditure.grant.reportedSpent).toEqual({ fen: 1_500_000 });

    expect((await funding.execute(fund)).data?.fund).toEqual({
      balance: { fen: 3_000_000 },
      raised: { fen: 5_000_000 },
      granted: { fen: 3_000_000 },
      available: { fen: 2_000_000 },
    });
    const entries = await funding.execute(
      `{ journalEntries(fundCode: "CITY_510700", first: 3) { edges { node { kind lines { account { code } amount { fen } } } } } }`,
      {},
      approver,
    );
    expect(entries.data?.journalEntries.edges.map((edge: any) => edge.node)).toEqual([
      {
        kind: "GRANT_EXPENDITURE",
        lines: [
          { account: { code: "GRANTS_PAYABLE" }, amount: { fen: 1_500_000 } },
          { account: { code: "GRANT_ADVANCES" }, amount: { fen: -1_500_000 } },
        ],
      },
      {
        kind: "GRANT_DISBURSEMENT",
        lines: [
          { account: { code: "GRANT_ADVANCES" }, amount: { fen: 2_000_000 } },
          { account: { code: "BANK" }, amount: { fen: -2_000_000 } },
        ],
      },
      {
        kind: "GRANT_AWARD",
        lines: [
          { account: { code: "GRANTS_BUILDING_HOMES" }, amount: { fen: 3_000_000 } },
          { account: { code: "GRANTS_PAYABLE" }, amount: { fen: -3_000_000 } },
        ],
      },
    ]);

    // Never paid beyond the award, never accounted beyond what was paid.
    const tooMuch = await funding.execute(
      DISBURSE_GRANT,
      {
        input: { idempotencyKey: key(), grantId: grant.id, amount: { fen: 1_000_001 }, paidOn: "2026-04-02" },
      },
      proposer,
    );
    expect(code(tooMuch)).toBe("BAD_USER_INPUT");
    const overReported = await funding.execute(
      REPORT_EXPENDITURE,
      {
        input: {
          idempotencyKey: key(),
          grantId: grant.id,
          amount: { fen: 500_001 },
          spentOn: "2026-04-21",
          category: "EQUIPMENT",
          description: "电视机",
        },
      },
      proposer,
    );
    expect(code(overReported)).toBe("BAD_USER_INPUT");

    // The trial balance: every account of the fund, summing to zero; for the fund's officers only.
    const TRIAL = `{ fund(code: "CITY_510700") { accounts { account { code } balance { fen } } } }`;
    const trial = await funding.execute(TRIAL, {}, approver);
    const nonZero = trial.data?.fund.accounts.filter((line: any) => line.balance.fen !== 0);
    expect(Object.fromEntries(nonZero.map((line: any) => [line.account.code, line.balance.fen]))).toEqual({
      BANK: 3_000_000,
      INCOME_BUILDING_HOMES: -5_000_000,
      GRANTS_BUILDING_HOMES: 3_000_000,
      GRANTS_PAYABLE: -1_500_000,
      GRANT_ADVANCES: 500_000,
    });
    expect(trial.data?.fund.accounts).toHaveLength(16);
    expect(code(await funding.execute(TRIAL))).toBe("UNAUTHENTICATED");

    // The home sees what it was granted, through federation.
    const { data } = await entities(
      funding.url,
      [{ __typename: "Site", id: HOME_A }],
      "... on Site { fundsGranted { amount } grants { totalCount edges { node { reference disbursed { amount } } } } }",
    );
    expect(data?._entities[0]).toEqual({
      fundsGranted: { amount: "30000.00" },
      grants: {
        totalCount: 1,
        edges: [{ node: { reference: grant.reference, disbursed: { amount: "20000.00" } } }],
      },
    });
  });

  it("grants only money designated to the purpose, and to the home or project it was given for", async () => {
    await give(1000, { fundCode: "CITY_510100", designation: { purpose: "EQUIPMENT", siteId: HOME_B } });
    const wrongHome = await funding.execute(
      PROPOSE_GRANT,
      {
        input: grantInput(
          { fundCode: "CITY_510100", designation: { purpose: "EQUIPMENT", siteId: HOME_B }, siteId: HOME_A },
          500,
        ),
      },
      proposer,
    );
    expect(wrongHome.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.siteId",
    });
    // The purpose alone holds nothing: the gift was for home B only.
    const undesignated = await funding.execute(
      PROPOSE_GRANT,
      { input: grantInput({ fundCode: "CITY_510100", designation: { purpose: "EQUIPMENT" } }, 500) },
      proposer,
    );
    expect(undesignated.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.amount",
    });
    const otherPurpose = await funding.execute(
      PROPOSE_GRANT,
      {
        input: grantInput(
          { fundCode: "CITY_510100", designation: { purpose: "ACTIVITIES", siteId: HOME_B }, siteId: HOME_B },
          500,
        ),
      },
      proposer,
    );
    expect(code(otherPurpose)).toBe("BAD_USER_INPUT");
    const right = await propose(
      { fundCode: "CITY_510100", designation: { purpose: "EQUIPMENT", siteId: HOME_B }, siteId: HOME_B },
      1000,
    );
    expect((await approve(right.id)).data?.approveGrant.status).toBe("APPROVED");
    const cityGrant = await funding.execute(
      PROPOSE_GRANT,
      {
        input: grantInput(
          { fundCode: "CITY_510100", recipientKind: "CITY", siteId: null, regionCode: "510703" },
          1,
        ),
      },
      proposer,
    );
    expect(cityGrant.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.regionCode",
    });
  });

  it("is approved only by another finance officer of the fund's region, once", async () => {
    await give(2000, { fundCode: "CITY_510300", designation: { purpose: "ACTIVITIES" } });
    const mianyang = await identityHeaders({
      subject: "f-my",
      roles: ["FINANCE_OFFICER"],
      regionScope: "510700",
    });
    const zigong = await identityHeaders({
      subject: "f-zg",
      roles: ["FINANCE_OFFICER"],
      regionScope: "510300",
    });
    const admin = await identityHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
    const grant = await propose(
      {
        fundCode: "CITY_510300",
        designation: { purpose: "ACTIVITIES" },
        recipientKind: "CITY",
        siteId: null,
        regionCode: "510300",
      },
      1500,
    );
    expect(code(await approve(grant.id, proposer))).toBe("FORBIDDEN");
    expect(code(await approve(grant.id, mianyang))).toBe("FORBIDDEN");
    expect(code(await approve(grant.id, admin))).toBe("FORBIDDEN");
    expect(code(await funding.execute(APPROVE_GRANT, { id: grant.id }))).toBe("UNAUTHENTICATED");
    expect((await approve(grant.id, zigong)).data?.approveGrant.status).toBe("APPROVED");
    expect(code(await approve(grant.id, approver))).toBe("CONFLICT");
    // Announced once, by the approval that succeeded, with its public facts.
    const client = funding.database.client;
    const row = await client.grant.findUniqueOrThrow({ where: { id: grant.id } });
    const events = await client.outboxEvent.findMany({ where: { key: grant.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: GrantEventType.APPROVED, version: 1, entity: "Grant" });
    expect(events[0]?.payload).toEqual({
      id: grant.id,
      reference: row.reference,
      amount: "1500.00",
      currency: "CNY",
      fundCode: "CITY_510300",
      recipientKind: "CITY",
      siteId: null,
      projectId: null,
      regionCode: "510300",
      approvedAt: row.decidedAt?.toISOString(),
    });
  });

  it("never overdraws a designation when approvals race: the pool's row lock serialises them", async () => {
    await give(10_000, {
      fundCode: "CITY_510500",
      designation: { purpose: "SPORTS_CENTRE", projectId: PROJECT },
    });
    const proposals = [];
    for (let index = 0; index < 8; index++) {
      proposals.push(
        await propose(
          {
            fundCode: "CITY_510500",
            designation: { purpose: "SPORTS_CENTRE", projectId: PROJECT },
            recipientKind: "PROJECT",
            siteId: null,
            projectId: PROJECT,
            regionCode: null,
          },
          2000,
        ),
      );
    }
    const answers = await Promise.all(proposals.map((grant) => approve(grant.id)));
    expect(answers.filter((answer) => answer.errors === undefined)).toHaveLength(5);
    expect(answers.filter((answer) => code(answer) === "CONFLICT")).toHaveLength(3);
    const fund = await funding.execute(`{ fund(code: "CITY_510500") { available { fen } granted { fen } } }`);
    expect(fund.data?.fund).toEqual({ available: { fen: 0 }, granted: { fen: 1_000_000 } });
    const project = await entities(
      funding.url,
      [{ __typename: "Project", id: PROJECT }],
      "... on Project { raised { amount } granted { amount } }",
    );
    expect(project.data?._entities[0]).toEqual({
      raised: { amount: "10000.00" },
      granted: { amount: "10000.00" },
    });
  });

  it("never pays a grant twice over when payments race, and a retried payment is recorded once", async () => {
    await give(1000, { fundCode: "CITY_510600", designation: { purpose: "GENERAL" } });
    const grant = await propose(
      {
        fundCode: "CITY_510600",
        designation: { purpose: "GENERAL" },
        recipientKind: "CITY",
        siteId: null,
        regionCode: "510600",
      },
      1000,
    );
    await approve(grant.id);
    const pay = (idempotencyKey: string) =>
      funding.execute(
        DISBURSE_GRANT,
        { input: { idempotencyKey, grantId: grant.id, amount: { fen: 30_000 }, paidOn: "2026-05-01" } },
        proposer,
      );
    const answers = await Promise.all([1, 2, 3, 4, 5].map(() => pay(key("pay"))));
    expect(answers.filter((answer) => answer.errors === undefined)).toHaveLength(3);
    expect(answers.filter((answer) => code(answer) === "BAD_USER_INPUT")).toHaveLength(2);

    const retryKey = key("retry");
    const first = await pay(retryKey);
    expect(code(first)).toBe("BAD_USER_INPUT"); // only 100 yuan left to pay
    const small = (idempotencyKey: string) =>
      funding.execute(
        DISBURSE_GRANT,
        { input: { idempotencyKey, grantId: grant.id, amount: { fen: 5000 }, paidOn: "2026-05-02" } },
        proposer,
      );
    const once = await small(retryKey);
    const again = await small(retryKey);
    expect(again.data?.disburseGrant.id).toBe(once.data?.disburseGrant.id);
    expect(await funding.database.client.grantDisbursement.count({ where: { grantId: grant.id } })).toBe(4);
    const different = await funding.execute(
      DISBURSE_GRANT,
      { input: { idempotencyKey: retryKey, grantId: grant.id, amount: { fen: 1 }, paidOn: "2026-05-02" } },
      proposer,
    );
    expect(code(different)).toBe("CONFLICT");
  });

  it("refuses to reverse a gift whose money is granted, and to reverse a grant's entries", async () => {
    const gift = await give(800, { fundCode: "CITY_510800", designation: { purpose: "EQUIPMENT" } });
    const grant = await propose(
      {
        fundCode: "CITY_510800",
        designation: { purpose: "EQUIPMENT" },
        siteId: GUANGYUAN_HOME,
        regionCode: "510802",
      },
      500,
    );
    await approve(grant.id);
    const REVERSE = `mutation($id: ID!) { reverseJournalEntry(id: $id, reason: "wrong fund") { id } }`;
    expect(code(await funding.execute(REVERSE, { id: gift.journalEntry.id }, approver))).toBe("CONFLICT");
    const award = await funding.database.client.journalEntry.findFirstOrThrow({
      where: { grantId: grant.id },
    });
    expect(code(await funding.execute(REVERSE, { id: award.id }, approver))).toBe("BAD_USER_INPUT");
    // A second gift covers the grant: now the first can be taken back.
    await give(500, { fundCode: "CITY_510800", designation: { purpose: "EQUIPMENT" } });
    expect((await funding.execute(REVERSE, { id: gift.journalEntry.id }, approver)).errors).toBeUndefined();
    // A reversed gift went nowhere.
    const trace = await funding.execute(
      `query($receipt: String!) { donationTrace(receiptNumber: $receipt) { allocationCount unallocated { fen } donation { reversed } } }`,
      { receipt: gift.receiptNumber },
    );
    expect(trace.data?.donationTrace).toEqual({
      allocationCount: 0,
      unallocated: { fen: 0 },
      donation: { reversed: true },
    });
  });
});

describe("spending reported by the home", () => {
  it("lets the manager of the home a grant went to report its spending, and no other manager", async () => {
    const { data } = await funding.execute(
      `query($site: ID!) { grants(filter: { siteId: $site, fundCode: "CITY_510700" }) { edges { node { id } } } }`,
      { site: HOME_A },
    );
    const grantId = data?.grants.edges[0].node.id;
    const report = (headers: Record<string, string>) =>
      funding.execute(
        REPORT_EXPENDITURE,
        {
          input: {
            idempotencyKey: key("home"),
            grantId,
            amount: { fen: 10_000 },
            spentOn: "2026-05-10",
            category: "BOOKS",
            description: "图书角",
          },
        },
        headers,
      );
    const manager = await identityHeaders({
      subject: "manager-a",
      roles: ["SITE_MANAGER"],
      siteIds: [HOME_A],
    });
    const other = await identityHeaders({ subject: "manager-b", roles: ["SITE_MANAGER"], siteIds: [HOME_B] });
    expect((await report(manager)).errors).toBeUndefined();
    expect(code(await report(other))).toBe("FORBIDDEN");
    expect(code(await report({}))).toBe("UNAUTHENTICATED");
  });
});

describe("closing a grant", () => {
  it("brings back what was paid and not spent, and gives the designation back all not spent", async () => {
    const fundCode = "CITY_512000";
    await give(1000, { fundCode, designation: { purpose: "GENERAL" } });
    const grant = await propose(
      {
        fundCode,
        designation: { purpose: "GENERAL" },
        recipientKind: "CITY",
        siteId: null,
        regionCode: "512000",
      },
      800,
    );
    await approve(grant.id);
    await funding.execute(
      DISBURSE_GRANT,
      { input: { idempotencyKey: key(), grantId: grant.id, amount: { fen: 50_000 }, paidOn: "2026-06-01" } },
      proposer,
    );
    await funding.execute(
      REPORT_EXPENDITURE,
      {
        input: {
          idempotencyKey: key(),
          grantId: grant.id,
          amount: { fen: 30_000 },
          spentOn: "2026-06-20",
          category: "ACTIVITIES",
          description: "夏令营",
        },
      },
      proposer,
    );
    const CLOSE = `mutation($id: ID!) { closeGrant(id: $id, note: "项目结束") { status amount { fen } released { fen } reportedSpent { fen } } }`;
    const closed = await funding.execute(CLOSE, { id: grant.id }, approver);
    expect(closed.errors).toBeUndefined();
    expect(closed.data?.closeGrant).toEqual({
      status: "CLOSED",
      amount: { fen: 80_000 },
      released: { fen: 50_000 },
      reportedSpent: { fen: 30_000 },
    });
    const entry = await funding.execute(
      `{ journalEntries(fundCode: "${fundCode}", first: 1) { edges { node { kind lines { account { code } amount { fen } } } } } }`,
      {},
      approver,
    );
    expect(entry.data?.journalEntries.edges[0].node).toEqual({
      kind: "GRANT_CLOSURE",
      lines: [
        { account: { code: "GRANTS_PAYABLE" }, amount: { fen: 50_000 } },
        { account: { code: "BANK" }, amount: { fen: 20_000 } },
        { account: { code: "GRANT_ADVANCES" }, amount: { fen: -20_000 } },
        { account: { code: "GRANTS_GENERAL" }, amount: { fen: -50_000 } },
      ],
    });
    const fund = await funding.execute(
      `{ fund(code: "${fundCode}") { balance { fen } granted { fen } available { fen } } }`,
    );
    expect(fund.data?.fund).toEqual({
      balance: { fen: 70_000 },
      granted: { fen: 30_000 },
      available: { fen: 70_000 },
    });
    // The money given back can be granted again; the closed grant takes no more payments.
    const again = await propose(
      {
        fundCode,
        designation: { purpose: "GENERAL" },
        recipientKind: "CITY",
        siteId: null,
        regionCode: "512000",
      },
      700,
    );
    expect((await approve(again.id)).data?.approveGrant.status).toBe("APPROVED");
    expect(code(await funding.execute(CLOSE, { id: grant.id }, approver))).toBe("CONFLICT");
    const late = await funding.execute(
      DISBURSE_GRANT,
      { input: { idempotencyKey: key(), grantId: grant.id, amount: { fen: 1 }, paidOn: "2026-07-01" } },
      proposer,
    );
    expect(code(late)).toBe("CONFLICT");
  });
});

describe("tracing a gift", () => {
  it("follows designated money to the grants drawn on it, first in, first out", async () => {
    const fund = "CITY_511000";
    const first = await give(600, {
      fundCode: fund,
      designation: { purpose: "BUILDING_HOMES" },
      receivedOn: "2026-01-05",
    });
    const second = await give(400, {
      fundCode: fund,
      designation: { purpose: "BUILDING_HOMES" },
      receivedOn: "2026-01-06",
    });
    const third = await give(1000, {
      fundCode: fund,
      designation: { purpose: "BUILDING_HOMES" },
      receivedOn: "2026-01-07",
    });
    const g1 = await propose({ fundCode: fund, siteId: NEIJIANG_HOME_A, regionCode: "511002" }, 500);
    await approve(g1.id);
    const g2 = await propose({ fundCode: fund, siteId: NEIJIANG_HOME_B, regionCode: "511002" }, 300);
    await approve(g2.id);
    const TRACE = `query($receipt: String!) { donationTrace(receiptNumber: $receipt) {
      donation { receiptNumber } allocationCount unallocated { amount } rule
      allocations { amount { amount } grant { reference site { id } } } } }`;
    const trace = async (receipt: string) => (await funding.execute(TRACE, { receipt })).data?.donationTrace;
    const one = await trace(first.receiptNumber);
    expect(one.allocations).toEqual([
      { amount: { amount: "500.00" }, grant: { reference: g1.reference, site: { id: NEIJIANG_HOME_A } } },
      { amount: { amount: "100.00" }, grant: { reference: g2.reference, site: { id: NEIJIANG_HOME_B } } },
    ]);
    expect(one.unallocated).toEqual({ amount: "0.00" });
    expect(one.rule).toMatch(/first out/);
    const two = await trace(second.receiptNumber);
    expect(two.allocations).toEqual([
      { amount: { amount: "200.00" }, grant: { reference: g2.reference, site: { id: NEIJIANG_HOME_B } } },
    ]);
    expect(two.unallocated).toEqual({ amount: "200.00" });
    expect((await trace(third.receiptNumber)).allocationCount).toBe(0);
    expect(await trace("NO-SUCH-RECEIPT")).toBeNull();
  });
});

describe("grants of many homes", () => {
  it("pages every home's grants with one query, and counts them with one more", async () => {
    // A Mianyang home with three grants of its city's fund, beside homes with one or none.
    await give(900, { fundCode: "CITY_510700", designation: { purpose: "EQUIPMENT" } });
    for (const yuan of [100, 200, 300]) {
      const grant = await propose(
        { fundCode: "CITY_510700", designation: { purpose: "EQUIPMENT" }, siteId: PAGED_HOME },
        yuan,
      );
      await approve(grant.id);
    }
    const before = funding.statements();
    const { data, errors } = await entities(
      funding.url,
      [PAGED_HOME, HOME_B, "00000000-0000-4000-8000-000000000000"].map((id) => ({ __typename: "Site", id })),
      "... on Site { id grants(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { amount { amount } } } } }",
    );
    expect(errors).toBeUndefined();
    expect(funding.statements() - before).toBe(2);
    const [homeA, homeB, none] = (data?._entities ?? []) as any[];
    expect(homeA.grants.totalCount).toBe(3);
    expect(homeA.grants.edges).toHaveLength(2);
    expect(homeA.grants.pageInfo.hasNextPage).toBe(true);
    expect(homeB.grants.totalCount).toBeGreaterThan(0);
    expect(none.grants).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, endCursor: null },
      edges: [],
    });
    const next = await entities(
      funding.url,
      [{ __typename: "Site", id: PAGED_HOME }],
      `... on Site { grants(first: 2, after: "${homeA.grants.pageInfo.endCursor}") { edges { node { amount { amount } } } pageInfo { hasNextPage } } }`,
    );
    const following = next.data?._entities[0] as any;
    expect(following.grants.edges).toHaveLength(1);
    expect(following.grants.pageInfo.hasNextPage).toBe(false);
  });
});

describe("payments and reports of many grants", () => {
  it("pages them for a whole list of grants with one query each, oldest first", async () => {
    const before = funding.statements();
    const { data, errors } = await funding.execute(`{ grants(first: 50) { edges { node { reference
      disbursements(first: 3) { totalCount pageInfo { hasNextPage } edges { node { paidOn amount { fen } } } }
      expenditureReports { totalCount edges { node { category amount { fen } } } } } } } }`);
    expect(errors).toBeUndefined();
    // The page of grants, then one query per list and one for their counts: not one per grant.
    expect(funding.statements() - before).toBeLessThanOrEqual(5);
    const nodes = data?.grants.edges.map((edge: any) => edge.node);
    const raced = nodes.find((node: any) => node.disbursements.totalCount === 4);
    expect(raced.disbursements.edges).toHaveLength(3);
    expect(raced.disbursements.pageInfo.hasNextPage).toBe(true);
    const built = nodes.find(
      (node: any) => node.expenditureReports.edges[0]?.node.category === "CONSTRUCTION",
    );
    expect(built.expenditureReports.edges[0].node).toEqual({
      category: "CONSTRUCTION",
      amount: { fen: 1_500_000 },
    });
  });
});

describe("transparency", () => {
  it("publishes grant totals and the 360Giving export without naming any donor", async () => {
    const totals = await funding.execute(
      `{ grantTotals(groupBy: RECIPIENT_KIND) { key awarded { fen } grants } }`,
    );
    expect(totals.errors).toBeUndefined();
    expect(totals.data?.grantTotals.map((total: any) => total.key)).toEqual(["CITY", "PROJECT", "SITE"]);
    const perHome = await funding.execute(`{ grantTotals(groupBy: SITE) { key awarded { amount } } }`);
    expect(perHome.data?.grantTotals.find((total: any) => total.key === HOME_A).awarded.amount).toBe(
      "30000.00",
    );

    const approved = await funding.database.client.grant.count({
      where: { status: { in: ["APPROVED", "CLOSED"] } },
    });
    const base = funding.url.replace(/\/graphql$/, "");
    const json = await fetch(`${base}/360giving/grants.json`);
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toMatch(/application\/json/);
    const body = (await json.json()) as { grants: Record<string, unknown>[] };
    expect(body.grants).toHaveLength(approved);
    for (const grant of body.grants) {
      expect(grant).toEqual(
        expect.objectContaining({
          id: expect.stringMatching(/^360G-lamplight-G-/),
          title: expect.any(String),
          description: expect.any(String),
          currency: "CNY",
          amountAwarded: expect.any(Number),
          awardDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          recipientOrganization: [
            { id: expect.stringMatching(/^360G-lamplight-/), name: expect.any(String) },
          ],
          fundingOrganization: [
            { id: expect.stringMatching(/^360G-lamplight-fund-/), name: expect.any(String) },
          ],
        }),
      );
    }
    expect(JSON.stringify(body)).not.toContain("张明");

    const csv = await fetch(`${base}/360giving/grants.csv`);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    const lines = (await csv.text()).trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "Identifier,Title,Description,Currency,Amount Awarded,Amount Disbursed,Award Date,Last Modified,Recipient Org:Identifier,Recipient Org:Name,Funding Org:Identifier,Funding Org:Name,Beneficiary Location:Name,Beneficiary Location:Geographic Code,Beneficiary Location:Geographic Code Type,Grant Programme:Code,Grant Programme:Title",
    );
    expect(lines).toHaveLength(approved + 1);
    const query = await funding.execute(`{ grants360Giving(format: CSV) }`);
    expect(query.data?.grants360Giving.trimEnd().split("\r\n")).toHaveLength(approved + 1);

    // HEAD gives the headers alone; another method is answered as for a path not served.
    const head = await fetch(`${base}/360giving/grants.json`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBeGreaterThan(0);
    expect(await head.text()).toBe("");
    const posted = await fetch(`${base}/360giving/grants.json`, { method: "POST", body: "{}" });
    expect(posted.status).toBe(404);
    // GraphQL is still answered beside the files.
    expect((await funding.execute(`{ __typename }`)).data).toEqual({ __typename: "Query" });
  });

  it("lists approved grants to the public and proposals only to the fund's officers", async () => {
    const open = await funding.execute(`{ grants(first: 100) { totalCount edges { node { status } } } }`);
    expect(
      open.data?.grants.edges.every((edge: any) => ["APPROVED", "CLOSED"].includes(edge.node.status)),
    ).toBe(true);
    const proposals = `{ grants(filter: { fundCode: "CITY_510500", status: PROPOSED }) { totalCount } }`;
    expect(code(await funding.execute(proposals))).toBe("FORBIDDEN");
    expect((await funding.execute(proposals, {}, approver)).data?.grants.totalCount).toBe(3);
  });
});
