import { GATEWAY_SERVICE } from "@lamplight/platform";
import {
  announceOrganisations,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { accessService } from "../../testing.js";

const ORG = "7d1f3f0e-3b7a-4c39-9a51-2f0c8b1e6a21";
const PROPOSE = `mutation($name: String!, $document: String!) {
  proposeTrustedOperation(name: $name, document: $document) { id status sha256 createdBy } }`;
const TRUSTED = `query($org: ID!, $sha: String!) { isTrustedOperation(organisationId: $org, sha256: $sha) }`;
const PROPOSALS = `query($status: TrustedOperationStatus) { trustedOperationProposals(status: $status, first: 50) {
  edges { node { id name status rejectionReason decidedBy } } } }`;

let access: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;
let partnerAdmin: Record<string, string>;
let gateway: Record<string, string>;

beforeAll(async () => {
  access = await startSubgraph(accessService);
  await announceOrganisations(access, [{ id: ORG, name: "蜀光通信", kind: "ALLIANCE_COMPANY" }]);
  admin = await identityHeaders({ subject: "admin-1", roles: ["PROVINCE_ADMIN"] });
  partnerAdmin = await identityHeaders({
    subject: "partner-admin-1",
    roles: ["PARTNER_ADMIN"],
    organisationId: ORG,
  });
  gateway = await identityHeaders(GATEWAY_SERVICE);
  // An operation is trusted only where the organisation's keys' scopes cover it.
  const key = await access.execute(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
    { input: { organisationId: ORG, name: "报表系统", scopes: ["read:sites"] } },
    admin,
  );
  expect(key.errors).toBeUndefined();
});
afterAll(() => access?.close());

async function propose(name: string) {
  const document = `query ${name} { sites(first: 1) { totalCount } }`;
  const { data, errors } = await access.execute(PROPOSE, { name, document }, partnerAdmin);
  expect(errors).toBeUndefined();
  return data?.proposeTrustedOperation as { id: string; status: string; sha256: string };
}

describe("a proposed operation", () => {
  it("is PENDING and not trusted until a province admin approves it", async () => {
    const proposal = await propose("HomesCount");
    expect(proposal.status).toBe("PENDING");
    expect(
      (await access.execute(TRUSTED, { org: ORG, sha: proposal.sha256 }, gateway)).data?.isTrustedOperation,
    ).toBe(false);
    const listed = await access.execute(PROPOSALS, {}, partnerAdmin);
    expect(
      listed.data?.trustedOperationProposals.edges.map((edge: { node: { id: string } }) => edge.node.id),
    ).toEqual([proposal.id]);
    const approved = await access.execute(
      `mutation($id: ID!) { approveTrustedOperation(id: $id) { status decidedBy decidedAt } }`,
      { id: proposal.id },
      admin,
    );
    expect(approved.data?.approveTrustedOperation).toMatchObject({
      status: "APPROVED",
      decidedBy: "admin-1",
    });
    expect(
      (await access.execute(TRUSTED, { org: ORG, sha: proposal.sha256 }, gateway)).data?.isTrustedOperation,
    ).toBe(true);
  });

  it("is rejected with a reason, and a decision stands (CONFLICT)", async () => {
    const proposal = await propose("HomesAgain");
    const rejected = await access.execute(
      `mutation($id: ID!, $reason: String!) { rejectTrustedOperation(id: $id, reason: $reason) { status rejectionReason } }`,
      { id: proposal.id, reason: "Ask for totalCount per region instead." },
      admin,
    );
    expect(rejected.data?.rejectTrustedOperation).toEqual({
      status: "REJECTED",
      rejectionReason: "Ask for totalCount per region instead.",
    });
    const again = await access.execute(
      `mutation($id: ID!) { approveTrustedOperation(id: $id) { status } }`,
      { id: proposal.id },
      admin,
    );
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "id" });
    const listed = await access.execute(PROPOSALS, { status: "REJECTED" }, admin);
    expect(listed.data?.trustedOperationProposals.edges[0].node).toMatchObject({
      name: "HomesAgain",
      rejectionReason: "Ask for totalCount per region instead.",
    });
  });

  it("needs the scopes of the organisation's keys, as a registration does", async () => {
    const document = "query Donations { donations(first: 1) { totalCount } }";
    const { errors } = await access.execute(PROPOSE, { name: "Donations", document }, partnerAdmin);
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("is proposed by partner admins and decided by province admins only", async () => {
    const asAdmin = await access.execute(PROPOSE, { name: "X", document: "query X { a }" }, admin);
    expect(asAdmin.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const proposal = await propose("HomesThird");
    const selfApproved = await access.execute(
      `mutation($id: ID!) { approveTrustedOperation(id: $id) { status } }`,
      { id: proposal.id },
      partnerAdmin,
    );
    expect(selfApproved.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("has its approval and rejection in the audit log, under the operation's name", async () => {
    const entries = await access.database.client.auditEntry.findMany({
      where: { actorId: "admin-1", outcome: "OK" },
    });
    expect(entries.map((entry) => entry.operation)).toEqual(
      expect.arrayContaining(["approveTrustedOperation", "rejectTrustedOperation"]),
    );
    const proposed = await access.database.client.auditEntry.findMany({
      where: { actorId: "partner-admin-1", operation: "proposeTrustedOperation" },
    });
    expect(proposed.length).toBeGreaterThanOrEqual(3);
  });
});
