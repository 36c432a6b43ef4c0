import { accessService } from "@lamplight/access/testing";
import { fundingService, seedFunds } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { announceOrganisations, bearerHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Who may do what, through the composed gateway, for every kind of caller: each row is a caller,
// each column an operation, each cell the exact expected outcome.

type Outcome = "data" | "REDACTED" | "empty" | "UNAUTHENTICATED" | "FORBIDDEN";

const PARTNER_ORGANISATION = "5b7d2c9e-1f3a-4e8b-9c6d-0a2e4f6b8d10";

interface Caller {
  who: string;
  headers: () => Promise<Record<string, string>>;
  readChildName: Outcome;
  listSiteChildren: "data" | "empty" | "FORBIDDEN";
  changeChildsHome: Outcome;
  recordDonation: Outcome;
  readPartnerGifts: Outcome;
}

let graph: StartedGraph;
let mianyangHome: string;
let child: string;
let partnerKey: string;
let fundingPartnerKey: string;

const admin = () => bearerHeaders({ subject: "province", roles: ["PROVINCE_ADMIN"] });

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService, accessService, fundingService]);
  await seedFunds(graph.subgraphs.funding!.database.client as never);
  const headers = await admin();
  const home = async (regionCode: string) => {
    const { data, errors } = await graph.execute(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      {
        input: {
          name: `${regionCode}留守学生之家`,
          regionCode,
          address: "四川省",
          hostModel: "SCHOOL",
          capacity: 40,
          status: "OPEN",
        },
      },
      headers,
    );
    expect(errors).toBeUndefined();
    return data?.createSite.id as string;
  };
  mianyangHome = await home("510703");
  // People hears of the home from sites before a child is registered there.
  await graph.settled();
  const created = await graph.execute(
    `mutation($input: CreateStudentInput!) { createStudent(input: $input) { id } }`,
    {
      input: {
        name: "王小雨",
        gender: "FEMALE",
        birthDate: "2016-05-04",
        regionCode: "510703",
        siteId: mianyangHome,
        grade: 4,
        guardianName: "王奶奶",
        guardianRelationship: "GRANDPARENT",
      },
    },
    headers,
  );
  expect(created.errors).toBeUndefined();
  child = created.data?.createStudent.id;
  // The partner, as people announces the organisations it registers (people has no mutation for them).
  for (const subgraph of [graph.subgraphs.access!, graph.subgraphs.funding!]) {
    await announceOrganisations(subgraph, [{ id: PARTNER_ORGANISATION, name: "乡村阅读基金会" }]);
  }
  const createKey = async (scopes: string[]) => {
    const key = await graph.execute(
      `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret } }`,
      { input: { organisationId: PARTNER_ORGANISATION, name: `matrix ${scopes.join(" ")}`, scopes } },
      headers,
    );
    expect(key.errors).toBeUndefined();
    return key.data?.createApiKey.secret as string;
  };
  partnerKey = await createKey(["read:sites", "read:people"]);
  fundingPartnerKey = await createKey(["read:funding"]);
  // The partner's organisation may run exactly the operations of this matrix.
  for (const document of [READ_CHILD, LIST_CHILDREN, CHANGE_SITE, RECORD_DONATION, PARTNER_GIFTS]) {
    const registered = await graph.execute(
      `mutation($input: RegisterTrustedOperationInput!) { registerTrustedOperation(input: $input) { id } }`,
      { input: { organisationId: PARTNER_ORGANISATION, name: "matrix", document } },
      headers,
    );
    expect(registered.errors).toBeUndefined();
  }
  const gift = await graph.execute(
    RECORD_DONATION,
    {
      input: {
        idempotencyKey: "matrix-partner-gift",
        donorOrganisationId: PARTNER_ORGANISATION,
        amount: { fen: 2_000_000 },
        receivedOn: "2026-03-12",
        channel: "BANK_TRANSFER",
        fundCode: "LOVE_FUND",
        designation: { purpose: "BUILDING_HOMES" },
      },
    },
    headers,
  );
  expect(gift.errors).toBeUndefined();
});
afterAll(() => graph?.close());

const READ_CHILD = "query ReadChild($id: ID!) { student(id: $id) { id name } }";
const LIST_CHILDREN = "query SiteChildren($id: ID!) { site(id: $id) { students { edges { node { id } } } } }";
const CHANGE_SITE =
  "mutation ChangeSite($id: ID!) { updateSite(id: $id, input: { capacity: 41 }) { capacity } }";
const RECORD_DONATION =
  "mutation RecordDonation($input: RecordDonationInput!) { recordDonation(input: $input) { receiptNumber } }";
const PARTNER_GIFTS = `query PartnerGifts($organisation: ID!) {
  donations(filter: { donorOrganisationId: $organisation }) { edges { node { amount { fen } } } }
}`;

const callers: Caller[] = [
  {
    who: "the public",
    headers: async () => ({}),
    readChildName: "UNAUTHENTICATED",
    listSiteChildren: "empty",
    changeChildsHome: "UNAUTHENTICATED",
    recordDonation: "UNAUTHENTICATED",
    readPartnerGifts: "UNAUTHENTICATED",
  },
  {
    who: "a partner with read:sites and read:people",
    headers: async () => ({ "x-api-key": partnerKey }),
    readChildName: "FORBIDDEN",
    listSiteChildren: "empty",
    changeChildsHome: "FORBIDDEN",
    recordDonation: "FORBIDDEN",
    readPartnerGifts: "FORBIDDEN",
  },
  {
    who: "a partner with read:funding",
    headers: async () => ({ "x-api-key": fundingPartnerKey }),
    readChildName: "FORBIDDEN",
    // Homes and their children are other areas: the gateway refuses the operation (partner scopes).
    listSiteChildren: "FORBIDDEN",
    changeChildsHome: "FORBIDDEN",
    recordDonation: "FORBIDDEN",
    readPartnerGifts: "data",
  },
  {
    who: "a volunteer",
    headers: () => bearerHeaders({ subject: "v1", roles: ["VOLUNTEER"], volunteer: "v1" }),
    readChildName: "FORBIDDEN",
    listSiteChildren: "empty",
    changeChildsHome: "FORBIDDEN",
    recordDonation: "FORBIDDEN",
    readPartnerGifts: "FORBIDDEN",
  },
  {
    who: "the child's site manager",
    headers: () => bearerHeaders({ subject: "m1", roles: ["SITE_MANAGER"], sites: [mianyangHome] }),
    readChildName: "data",
    listSiteChildren: "data",
    changeChildsHome: "data",
    recordDonation: "FORBIDDEN",
    readPartnerGifts: "FORBIDDEN",
  },
  {
    who: "the county officer",
    headers: () => bearerHeaders({ subject: "c1", roles: ["COUNTY_OFFICER"], region: "510703" }),
    readChildName: "data",
    listSiteChildren: "data",
    changeChildsHome: "data",
    recordDonation: "FORBIDDEN",
    readPartnerGifts: "FORBIDDEN",
  },
  {
    who: "a city admin of another city (Chengdu)",
    headers: () => bearerHeaders({ subject: "cd", roles: ["CITY_ADMIN"], region: "510100" }),
    readChildName: "FORBIDDEN",
    listSiteChildren: "empty",
    changeChildsHome: "FORBIDDEN",
    recordDonation: "FORBIDDEN",
    readPartnerGifts: "FORBIDDEN",
  },
  {
    who: "the province admin",
    headers: admin,
    readChildName: "data",
    listSiteChildren: "data",
    changeChildsHome: "data",
    recordDonation: "data",
    readPartnerGifts: "data",
  },
  {
    who: "a finance officer",
    headers: () => bearerHeaders({ subject: "f1", roles: ["FINANCE_OFFICER"], region: "510000" }),
    readChildName: "FORBIDDEN",
    listSiteChildren: "empty",
    changeChildsHome: "FORBIDDEN",
    recordDonation: "data",
    readPartnerGifts: "data",
  },
];

function outcomeOf(
  response: { data?: any; errors?: readonly { extensions?: Record<string, unknown> }[] },
  pick: (data: any) => unknown,
): Outcome {
  const code = response.errors?.[0]?.extensions?.code;
  if (code) return code as Outcome;
  return pick(response.data) ? "data" : "empty";
}

describe.each(callers)("$who", (caller) => {
  it(`reading a child's name: ${caller.readChildName}`, async () => {
    const response = await graph.execute(READ_CHILD, { id: child }, await caller.headers());
    expect(outcomeOf(response, (data) => data?.student?.name)).toBe(caller.readChildName);
    if (caller.readChildName === "data") expect(response.data?.student.name).toBe("王小雨");
  });

  it(`listing the children of a home: ${caller.listSiteChildren}`, async () => {
    const response = await graph.execute(LIST_CHILDREN, { id: mianyangHome }, await caller.headers());
    if (caller.listSiteChildren !== "FORBIDDEN") expect(response.errors).toBeUndefined();
    expect(outcomeOf(response, (data) => data?.site?.students.edges.length)).toBe(caller.listSiteChildren);
  });

  it(`changing the child's home in Mianyang: ${caller.changeChildsHome}`, async () => {
    const response = await graph.execute(CHANGE_SITE, { id: mianyangHome }, await caller.headers());
    expect(outcomeOf(response, (data) => data?.updateSite)).toBe(caller.changeChildsHome);
  });
});

describe.each(callers)("$who", (caller) => {
  it(`recording a donation to the love fund: ${caller.recordDonation}`, async () => {
    const input = {
      idempotencyKey: `matrix-${caller.who}`,
      donorName: "李华",
      amount: { fen: 50_000 },
      receivedOn: "2026-03-12",
      channel: "ONLINE",
      fundCode: "LOVE_FUND",
      designation: { purpose: "GENERAL" },
    };
    const response = await graph.execute(RECORD_DONATION, { input }, await caller.headers());
    expect(outcomeOf(response, (data) => data?.recordDonation?.receiptNumber)).toBe(caller.recordDonation);
  });
});

describe.each(callers)("$who", (caller) => {
  it(`reading the partner organisation's gifts: ${caller.readPartnerGifts}`, async () => {
    const response = await graph.execute(
      PARTNER_GIFTS,
      { organisation: PARTNER_ORGANISATION },
      await caller.headers(),
    );
    expect(outcomeOf(response, (data) => data?.donations.edges.length)).toBe(caller.readPartnerGifts);
    if (caller.readPartnerGifts === "data") {
      expect(response.data?.donations.edges).toEqual([{ node: { amount: { fen: 2_000_000 } } }]);
    }
  });
});

it("audits each sensitive read of the matrix, and no public read", async () => {
  const log = await graph.execute(
    `query($filter: AuditFilter) { peopleAuditLog(filter: $filter, first: 100) { edges { node { actorId action entity fields } } } }`,
    { filter: { entity: "Student", entityId: child } },
    await admin(),
  );
  const reads = log.data?.peopleAuditLog.edges
    .map((edge: { node: { actorId: string; action: string; fields: string[] } }) => edge.node)
    .filter((entry: { action: string }) => entry.action === "READ");
  const readers = new Set(reads.map((entry: { actorId: string }) => entry.actorId));
  expect([...readers].sort()).toEqual(["c1", "m1", "province"]);
  expect(reads.every((entry: { fields: string[] }) => entry.fields.includes("name"))).toBe(true);
});
