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

const ORG = "7d1f3f0e-3b7a-4c39-9a51-2f0c8b1e6a11";
const OTHER = "7d1f3f0e-3b7a-4c39-9a51-2f0c8b1e6a12";
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id } } }`;
const ROTATE = `mutation($id: ID!, $hours: Float!) { rotateApiKey(id: $id, overlapHours: $hours) {
  secret apiKey { id name scopes expiresAt } replaces { id expiresAt } } }`;
const VERIFY = `query($secret: String!) { partnerCredential(secret: $secret) { keyId expiresAt } }`;
const USAGE = `query($keyId: ID!) { apiKeyUsage(keyId: $keyId, from: "2026-12-01", to: "2026-12-31") {
  edges { node { day operation requests errors rateLimited } } } }`;

let access: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;
let partnerAdmin: Record<string, string>;
let gateway: Record<string, string>;

async function createKey(organisationId: string) {
  const { data, errors } = await access.execute(
    CREATE,
    { input: { organisationId, name: "报表系统", scopes: ["read:sites"] } },
    admin,
  );
  expect(errors).toBeUndefined();
  return data?.createApiKey as { secret: string; apiKey: { id: string } };
}

beforeAll(async () => {
  access = await startSubgraph(accessService);
  await announceOrganisations(access, [
    { id: ORG, name: "蜀光通信", kind: "ALLIANCE_COMPANY" },
    { id: OTHER, name: "成都市慈善总会", kind: "FOUNDATION" },
  ]);
  admin = await identityHeaders({ subject: "admin-1", roles: ["PROVINCE_ADMIN"] });
  partnerAdmin = await identityHeaders({
    subject: "partner-admin-1",
    roles: ["PARTNER_ADMIN"],
    organisationId: ORG,
  });
  gateway = await identityHeaders(GATEWAY_SERVICE);
});
afterAll(() => access?.close());

describe("a partner admin", () => {
  it("lists their organisation's keys only, without a secret", async () => {
    const own = await createKey(ORG);
    const other = await createKey(OTHER);
    const { data, errors } = await access.execute(
      `{ partnerApiKeys(first: 50) { totalCount edges { node { id prefix scopes createdAt expiresAt revokedAt lastUsedAt } } } }`,
      {},
      partnerAdmin,
    );
    expect(errors).toBeUndefined();
    const ids = data?.partnerApiKeys.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(ids).toContain(own.apiKey.id);
    expect(ids).not.toContain(other.apiKey.id);
    expect(JSON.stringify(data)).not.toContain(own.secret);
  });

  it("is refused the province's listing, and a token naming no organisation manages nothing", async () => {
    const listed = await access.execute(`{ apiKeys { totalCount } }`, {}, partnerAdmin);
    expect(listed.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const nobody = await identityHeaders({ roles: ["PARTNER_ADMIN"] });
    const mine = await access.execute(`{ partnerApiKeys { totalCount } }`, {}, nobody);
    expect(mine.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("rotates their key: both work during the overlap, the old one ends with it", async () => {
    const old = await createKey(ORG);
    const before = Date.now();
    const { data, errors } = await access.execute(ROTATE, { id: old.apiKey.id, hours: 2 }, partnerAdmin);
    expect(errors).toBeUndefined();
    const rotated = data?.rotateApiKey;
    expect(rotated.secret).toMatch(/^lk_/);
    expect(rotated.apiKey).toMatchObject({ name: "报表系统", scopes: ["read:sites"], expiresAt: null });
    const overlapEnds = Date.parse(rotated.replaces.expiresAt);
    expect(overlapEnds).toBeGreaterThanOrEqual(before + 2 * 3_600_000);
    expect(overlapEnds).toBeLessThan(Date.now() + 2 * 3_600_000 + 1_000);
    const oldCredential = (await access.execute(VERIFY, { secret: old.secret }, gateway)).data;
    expect(oldCredential?.partnerCredential).toEqual({
      keyId: old.apiKey.id,
      expiresAt: rotated.replaces.expiresAt,
    });
    const newCredential = (await access.execute(VERIFY, { secret: rotated.secret }, gateway)).data;
    expect(newCredential?.partnerCredential.keyId).toBe(rotated.apiKey.id);
    await access.database.client.apiKey.update({
      where: { id: old.apiKey.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      (await access.execute(VERIFY, { secret: old.secret }, gateway)).data?.partnerCredential,
    ).toBeNull();
    expect(
      (await access.execute(VERIFY, { secret: rotated.secret }, gateway)).data?.partnerCredential,
    ).not.toBeNull();
  });

  it("rotates a key once: again is CONFLICT; a revoked key and another organisation's are refused", async () => {
    const key = await createKey(ORG);
    expect(
      (await access.execute(ROTATE, { id: key.apiKey.id, hours: 0 }, partnerAdmin)).errors,
    ).toBeUndefined();
    const again = await access.execute(ROTATE, { id: key.apiKey.id, hours: 0 }, partnerAdmin);
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "CONFLICT", field: "id" });
    const other = await createKey(OTHER);
    const foreign = await access.execute(ROTATE, { id: other.apiKey.id, hours: 1 }, partnerAdmin);
    expect(foreign.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const tooLong = await access.execute(ROTATE, { id: other.apiKey.id, hours: 721 }, admin);
    expect(tooLong.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "overlapHours" });
    await access.execute(
      `mutation($id: ID!) { revokeApiKey(id: $id) { id } }`,
      { id: other.apiKey.id },
      admin,
    );
    const revoked = await access.execute(ROTATE, { id: other.apiKey.id, hours: 1 }, admin);
    expect(revoked.errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("has rotations recorded in the audit log under the operation's name, without a secret", async () => {
    const entries = await access.database.client.auditEntry.findMany({
      where: { actorId: "partner-admin-1", operation: "rotateApiKey" },
    });
    expect(entries.map((entry) => entry.outcome)).toEqual(expect.arrayContaining(["OK"]));
    expect(JSON.stringify(entries)).not.toMatch(/lk_/);
  });
});

describe("usage per key", () => {
  const RECORD = `mutation($input: RecordApiKeyUsageInput!) { recordApiKeyUsage(input: $input) }`;

  it("is added up per day of the province and operation from the gateway's flushes", async () => {
    const key = await createKey(ORG);
    // 2026-12-02 23:00 UTC is 2026-12-03 07:00 in the province: the next day.
    const counts = [
      {
        keyId: key.apiKey.id,
        hour: "2026-12-02T10:00:00Z",
        operation: "HomesInCity",
        requests: 5,
        errors: 1,
        rateLimited: 0,
      },
      {
        keyId: key.apiKey.id,
        hour: "2026-12-02T11:00:00Z",
        operation: "HomesInCity",
        requests: 2,
        errors: 0,
        rateLimited: 0,
      },
      {
        keyId: key.apiKey.id,
        hour: "2026-12-02T23:00:00Z",
        operation: null,
        requests: 3,
        errors: 0,
        rateLimited: 3,
      },
    ];
    expect((await access.execute(RECORD, { input: { counts } }, admin)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await access.execute(RECORD, { input: { counts } }, gateway)).data?.recordApiKeyUsage).toBe(3);
    expect(
      (await access.execute(RECORD, { input: { counts: counts.slice(0, 1) } }, gateway)).errors,
    ).toBeUndefined();
    for (const who of [partnerAdmin, admin]) {
      const { data, errors } = await access.execute(USAGE, { keyId: key.apiKey.id }, who);
      expect(errors).toBeUndefined();
      expect(data?.apiKeyUsage.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
        { day: "2026-12-02", operation: "HomesInCity", requests: 12, errors: 2, rateLimited: 0 },
        { day: "2026-12-03", operation: null, requests: 3, errors: 0, rateLimited: 3 },
      ]);
    }
  });

  it("is another organisation's secret, and a flush is bounded", async () => {
    const other = await createKey(OTHER);
    const foreign = await access.execute(USAGE, { keyId: other.apiKey.id }, partnerAdmin);
    expect(foreign.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
    const count = {
      keyId: other.apiKey.id,
      hour: "2026-12-02T10:00:00Z",
      requests: 1,
      errors: 0,
      rateLimited: 0,
    };
    const tooMany = await access.execute(
      `mutation($input: RecordApiKeyUsageInput!) { recordApiKeyUsage(input: $input) }`,
      { input: { counts: Array.from({ length: 501 }, () => count) } },
      gateway,
    );
    expect(tooMany.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });
});
