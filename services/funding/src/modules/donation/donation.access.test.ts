import {
  announceOrganisations,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { seedFunds } from "../../seed/index.js";
import { fundingService } from "../../testing.js";
import { donationInput, expectLedgerBalanced, RECORD_DONATION } from "./donation.fixtures.js";

const ORGANISATION = "0c000000-0000-4000-8000-000000000002";

let funding: StartedSubgraph<PrismaClient>;
let request = 0;

/** Headers for `who` (null: the public) with a request id of its own, to find its audit entries. */
async function as(who: Record<string, unknown> | null) {
  request += 1;
  const requestId = `funding-access-${request}`;
  const identity = who ? await identityHeaders({ subject: `subject-${request}`, ...who }) : {};
  return { headers: { ...identity, "x-request-id": requestId }, requestId };
}

const MIANYANG_FINANCE = { roles: ["FINANCE_OFFICER"], regionScope: "510700" };
const CHENGDU_FINANCE = { roles: ["FINANCE_OFFICER"], regionScope: "510100" };
const PROVINCE_FINANCE = { roles: ["FINANCE_OFFICER"], regionScope: "510000" };

beforeAll(async () => {
  funding = await startSubgraph(fundingService);
  await announceOrganisations(funding, [
    { id: ORGANISATION, name: "绵阳市爱心企业" },
    { id: "0c000000-0000-4000-8000-000000000003", name: "成都市爱心企业" },
  ]);
  await seedFunds(funding.database.client);
});
afterEach(() => expectLedgerBalanced(funding.database.client));
afterAll(() => funding?.close());

describe("who may record a gift", () => {
  it("the finance officer of the fund's city, a province-wide finance officer, a province admin", async () => {
    for (const who of [MIANYANG_FINANCE, PROVINCE_FINANCE, { roles: ["PROVINCE_ADMIN"] }]) {
      const { headers } = await as(who);
      const { errors } = await funding.execute(
        RECORD_DONATION,
        { input: donationInput({ fundCode: "CITY_510700" }) },
        headers,
      );
      expect(errors, JSON.stringify(who)).toBeUndefined();
    }
  });

  it("not the public (UNAUTHENTICATED), nor a finance officer of another city or other roles (FORBIDDEN)", async () => {
    const refused: [Record<string, unknown> | null, string][] = [
      [null, "UNAUTHENTICATED"],
      [CHENGDU_FINANCE, "FORBIDDEN"],
      // A city's finance officer does not run the provincial love fund.
      [MIANYANG_FINANCE, "FORBIDDEN"],
      [{ roles: ["CITY_ADMIN"], regionScope: "510700" }, "FORBIDDEN"],
      [{ kind: "partner", roles: ["PARTNER"], scopes: ["read:funding"] }, "FORBIDDEN"],
    ];
    for (const [who, code] of refused) {
      const { headers, requestId } = await as(who);
      const fundCode = who === MIANYANG_FINANCE ? "LOVE_FUND" : "CITY_510700";
      const before = await funding.database.client.donation.count();
      const { data, errors } = await funding.execute(
        RECORD_DONATION,
        { input: donationInput({ fundCode }) },
        headers,
      );
      expect(data, JSON.stringify(who)).toBeNull();
      expect(errors?.[0]?.extensions?.code, JSON.stringify(who)).toBe(code);
      expect(await funding.database.client.donation.count()).toBe(before);
      // The refusal is in the audit log too.
      const entries = await funding.database.client.auditEntry.findMany({ where: { requestId } });
      expect(entries.map((entry) => [entry.operation, entry.outcome])).toEqual([
        ["recordDonation", "FAILED"],
      ]);
    }
  });

  it("audits a recorded gift with the donation's id and the input fields", async () => {
    const { headers, requestId } = await as(MIANYANG_FINANCE);
    const { data } = await funding.execute(
      RECORD_DONATION,
      { input: donationInput({ fundCode: "CITY_510700" }) },
      headers,
    );
    const [entry] = await funding.database.client.auditEntry.findMany({ where: { requestId } });
    expect(entry).toMatchObject({
      action: "MUTATION",
      operation: "recordDonation",
      entity: "Donation",
      entityId: data?.recordDonation.id,
      outcome: "OK",
    });
  });
});

describe("who may read donations", () => {
  const LIST = `query($fundCode: String) { donations(filter: { fundCode: $fundCode }) { totalCount } }`;

  it("a finance officer sees the funds of their region only; the public is refused", async () => {
    const province = await as({ roles: ["PROVINCE_ADMIN"] });
    await funding.execute(
      RECORD_DONATION,
      { input: donationInput({ fundCode: "CITY_510100" }) },
      province.headers,
    );
    const mianyang = await as(MIANYANG_FINANCE);
    const own = await funding.execute(
      `{ donations { edges { node { fund { code } } } } }`,
      {},
      mianyang.headers,
    );
    expect(new Set(own.data?.donations.edges.map((edge: any) => edge.node.fund.code))).toEqual(
      new Set(["CITY_510700"]),
    );
    const other = await funding.execute(LIST, { fundCode: "CITY_510100" }, mianyang.headers);
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const publicAnswer = await funding.execute(LIST, { fundCode: "CITY_510100" });
    expect(publicAnswer.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("a partner's key", () => {
  const OWN = `query($filter: DonationFilter) { donations(filter: $filter) {
    edges { node { anonymous donorName donorOrganisation { id } fund { code } } } } }`;
  const PARTNER = { kind: "partner", roles: ["PARTNER"], organisationId: ORGANISATION };
  const OTHER_ORGANISATION = "0c000000-0000-4000-8000-000000000003";

  it("with read:funding lists its own organisation's gifts to every fund, named even when anonymous", async () => {
    const province = await as({ roles: ["PROVINCE_ADMIN"] });
    for (const [fundCode, organisation, anonymous] of [
      ["LOVE_FUND", ORGANISATION, true],
      ["CITY_510700", ORGANISATION, false],
      ["LOVE_FUND", OTHER_ORGANISATION, false],
    ] as const) {
      const { errors } = await funding.execute(
        RECORD_DONATION,
        {
          input: donationInput({
            fundCode,
            donorOrganisationId: organisation,
            donorName: null,
            anonymous,
          }),
        },
        province.headers,
      );
      expect(errors, JSON.stringify(errors)).toBeUndefined();
    }
    const partner = await as({ ...PARTNER, scopes: ["read:funding"] });
    const { data, errors } = await funding.execute(OWN, {}, partner.headers);
    expect(errors).toBeUndefined();
    const gifts = data?.donations.edges.map((edge: any) => edge.node);
    expect(gifts.map((gift: any) => gift.fund.code).sort()).toEqual(["CITY_510700", "LOVE_FUND"]);
    // The anonymous gift too: the donor organisation is the partner itself.
    expect(gifts.map((gift: any) => gift.donorOrganisation?.id)).toEqual([ORGANISATION, ORGANISATION]);
  });

  it("is refused another organisation's gifts, and without read:funding any", async () => {
    const withScope = await as({ ...PARTNER, scopes: ["read:funding"] });
    const other = await funding.execute(
      OWN,
      { filter: { donorOrganisationId: OTHER_ORGANISATION } },
      withScope.headers,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const withoutScope = await as({ ...PARTNER, scopes: ["read:sites"] });
    const refused = await funding.execute(OWN, {}, withoutScope.headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(refused.data).toBeNull();
  });
});

describe("an anonymous donor", () => {
  const PUBLIC_LIST = `query($fundCode: String!) { fundDonations(fundCode: $fundCode, first: 10) {
    edges { node { id anonymous donorName donorOrganisation { id } amount { fen } } } } }`;

  it("is not named to the public, but to the fund's finance officer (and that read is audited)", async () => {
    const { headers } = await as(PROVINCE_FINANCE);
    const named = await funding.execute(
      RECORD_DONATION,
      { input: donationInput({ fundCode: "CITY_511000", donorName: "李华" }, 10) },
      headers,
    );
    const hidden = await funding.execute(
      RECORD_DONATION,
      { input: donationInput({ fundCode: "CITY_511000", donorName: "王芳", anonymous: true }, 20) },
      headers,
    );
    const hiddenOrganisation = await funding.execute(
      RECORD_DONATION,
      {
        input: donationInput(
          { fundCode: "CITY_511000", donorName: null, donorOrganisationId: ORGANISATION, anonymous: true },
          30,
        ),
      },
      headers,
    );
    const ids = [named, hidden, hiddenOrganisation].map((answer) => answer.data?.recordDonation.id);

    const publicAnswer = await funding.execute(PUBLIC_LIST, { fundCode: "CITY_511000" });
    expect(publicAnswer.errors).toBeUndefined();
    const byId = new Map(
      publicAnswer.data?.fundDonations.edges.map((edge: any) => [edge.node.id, edge.node]),
    );
    expect(byId.get(ids[0])).toMatchObject({ anonymous: false, donorName: "李华" });
    expect(byId.get(ids[1])).toMatchObject({ anonymous: true, donorName: null, donorOrganisation: null });
    expect(byId.get(ids[2])).toMatchObject({ anonymous: true, donorName: null, donorOrganisation: null });

    // Another city's finance officer is the public here.
    const chengdu = await as(CHENGDU_FINANCE);
    const other = await funding.execute(PUBLIC_LIST, { fundCode: "CITY_511000" }, chengdu.headers);
    expect(
      other.data?.fundDonations.edges.find((edge: any) => edge.node.id === ids[1]).node.donorName,
    ).toBeNull();

    const neijiang = await as({
      subject: "neijiang-finance",
      roles: ["FINANCE_OFFICER"],
      regionScope: "511000",
    });
    const own = await funding.execute(PUBLIC_LIST, { fundCode: "CITY_511000" }, neijiang.headers);
    const ownById = new Map(own.data?.fundDonations.edges.map((edge: any) => [edge.node.id, edge.node]));
    expect(ownById.get(ids[1])).toMatchObject({ donorName: "王芳" });
    expect(ownById.get(ids[2])).toMatchObject({ donorOrganisation: { id: ORGANISATION } });
    const audit = await funding.database.client.auditEntry.findMany({
      where: { requestId: neijiang.requestId },
    });
    expect(audit.map((entry) => [entry.entity, entry.entityId, entry.fields.join()]).sort()).toEqual(
      [
        ["Donation", ids[1], "donorName"],
        ["Donation", ids[2], "donorName,donorOrganisation"],
      ].sort(),
    );
  });

  it("keeps the journal entry from the public", async () => {
    const { errors } = await funding.execute(
      `{ fundDonations(fundCode: "CITY_511000", first: 1) { edges { node { journalEntry { id } } } } }`,
    );
    expect(errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("the audit log", () => {
  it("is for province admins, and append-only", async () => {
    const admin = await as({ roles: ["PROVINCE_ADMIN"] });
    const log = await funding.execute(`{ fundingAuditLog(first: 5) { totalCount } }`, {}, admin.headers);
    expect(log.data?.fundingAuditLog.totalCount).toBeGreaterThan(0);
    const finance = await as(PROVINCE_FINANCE);
    const refused = await funding.execute(`{ fundingAuditLog { totalCount } }`, {}, finance.headers);
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    await expect(funding.database.client.auditEntry.deleteMany({})).rejects.toThrow();
  });
});
