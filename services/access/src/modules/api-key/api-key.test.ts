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

const ORG = "7d1f3f0e-3b7a-4c39-9a51-2f0c8b1e6a01";
const CREATE = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { secret apiKey { id name prefix scopes expiresAt revokedAt organisation { id } } } }`;
const VERIFY = `query($secret: String!) { partnerCredential(secret: $secret) { keyId organisationId scopes } }`;

let access: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;
let gateway: Record<string, string>;

beforeAll(async () => {
  access = await startSubgraph(accessService);
  await announceOrganisations(access, [{ id: ORG, name: "成都市慈善总会", kind: "FOUNDATION" }]);
  admin = await identityHeaders({ subject: "admin-1", roles: ["PROVINCE_ADMIN"] });
  gateway = await identityHeaders(GATEWAY_SERVICE);
});
afterAll(() => access?.close());

describe("the organisation a key is for", () => {
  it("is one people has registered: an unknown one is NOT_FOUND naming input.organisationId", async () => {
    const unknown = "7d1f3f0e-3b7a-4c39-9a51-2f0c8b1e6aff";
    const { data, errors } = await access.execute(
      CREATE,
      { input: { organisationId: unknown, name: "x", scopes: ["read:sites"] } },
      admin,
    );
    expect(data).toBeNull();
    expect(errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "input.organisationId" });
    expect(await access.database.client.apiKey.count({ where: { organisationId: unknown } })).toBe(0);
  });
});

async function createKey(scopes = ["read:sites"]) {
  const { data, errors } = await access.execute(
    CREATE,
    { input: { organisationId: ORG, name: "报表系统", scopes } },
    admin,
  );
  expect(errors).toBeUndefined();
  return data?.createApiKey as { secret: string; apiKey: { id: string; prefix: string } };
}

describe("partner API keys", () => {
  it("are shown once at creation and stored only as a hash", async () => {
    const { secret, apiKey } = await createKey(["read:sites", "read:campaigns", "read:sites"]);
    expect(secret).toMatch(/^lk_[\w-]{43}$/);
    expect(apiKey).toMatchObject({
      name: "报表系统",
      scopes: ["read:campaigns", "read:sites"],
      organisation: { id: ORG },
    });
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const stored = await access.database.client.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(JSON.stringify(stored)).not.toContain(secret);
    const listed = await access.execute(`{ apiKeys(first: 10) { edges { node { id prefix } } } }`, {}, admin);
    expect(JSON.stringify(listed.data)).not.toContain(secret);
  });

  it("are issued, listed and revoked by province admins only", async () => {
    const city = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510700" });
    const issued = await access.execute(
      CREATE,
      { input: { organisationId: ORG, name: "x", scopes: ["read:sites"] } },
      city,
    );
    expect(issued.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const listed = await access.execute(`{ apiKeys { totalCount } }`);
    expect(listed.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("refuse unknown scopes and past expiry dates, naming the field", async () => {
    const scopes = await access.execute(
      CREATE,
      { input: { organisationId: ORG, name: "x", scopes: ["write:everything"] } },
      admin,
    );
    expect(scopes.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.scopes" });
    const expired = await access.execute(
      CREATE,
      {
        input: { organisationId: ORG, name: "x", scopes: ["read:sites"], expiresAt: "2020-01-01T00:00:00Z" },
      },
      admin,
    );
    expect(expired.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.expiresAt",
    });
  });

  it("are verified for the gateway only, noting when they were last used", async () => {
    const { secret, apiKey } = await createKey();
    const asUser = await access.execute(VERIFY, { secret }, admin);
    expect(asUser.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const { data } = await access.execute(VERIFY, { secret }, gateway);
    expect(data?.partnerCredential).toEqual({
      keyId: apiKey.id,
      organisationId: ORG,
      scopes: ["read:sites"],
    });
    const used = await access.database.client.apiKey.findUniqueOrThrow({ where: { id: apiKey.id } });
    expect(used.lastUsedAt).toBeInstanceOf(Date);
    expect(
      (await access.execute(VERIFY, { secret: `${secret}x` }, gateway)).data?.partnerCredential,
    ).toBeNull();
  });

  it("stop working when revoked or expired", async () => {
    const revoked = await createKey();
    const { data } = await access.execute(
      `mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`,
      { id: revoked.apiKey.id },
      admin,
    );
    expect(data?.revokeApiKey.revokedAt).toBeTruthy();
    expect(
      (await access.execute(VERIFY, { secret: revoked.secret }, gateway)).data?.partnerCredential,
    ).toBeNull();

    const expiring = await createKey();
    await access.database.client.apiKey.update({
      where: { id: expiring.apiKey.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(
      (await access.execute(VERIFY, { secret: expiring.secret }, gateway)).data?.partnerCredential,
    ).toBeNull();
  });

  it("record issuing and revoking in the audit log, without the secret", async () => {
    const entries = await access.database.client.auditEntry.findMany({
      where: { actorId: "admin-1", outcome: "OK" },
    });
    expect(entries.map((entry) => entry.operation)).toEqual(
      expect.arrayContaining(["createApiKey", "revokeApiKey"]),
    );
    expect(JSON.stringify(entries)).not.toMatch(/lk_/);
  });
});

describe("trusted operations", () => {
  const REGISTER = `mutation($input: RegisterTrustedOperationInput!) { registerTrustedOperation(input: $input) { id sha256 name } }`;
  const document = "query HomesInCity($city: ID!) { sites(filter: { region: $city }) { totalCount } }";

  it("are registered once per organisation and document, by hash", async () => {
    const first = await access.execute(
      REGISTER,
      { input: { organisationId: ORG, name: "HomesInCity", document } },
      admin,
    );
    const again = await access.execute(
      REGISTER,
      { input: { organisationId: ORG, name: "HomesInCity", document } },
      admin,
    );
    expect(first.errors).toBeUndefined();
    expect(again.data?.registerTrustedOperation.id).toBe(first.data?.registerTrustedOperation.id);
    const sha256 = first.data?.registerTrustedOperation.sha256;
    const ask = `query($org: ID!, $sha: String!) { isTrustedOperation(organisationId: $org, sha256: $sha) }`;
    expect((await access.execute(ask, { org: ORG, sha: sha256 }, gateway)).data?.isTrustedOperation).toBe(
      true,
    );
    expect(
      (await access.execute(ask, { org: "00000000-0000-4000-8000-000000000000", sha: sha256 }, gateway)).data
        ?.isTrustedOperation,
    ).toBe(false);
  });

  it("must be one valid operation", async () => {
    const broken = await access.execute(
      REGISTER,
      { input: { organisationId: ORG, name: "x", document: "query {" } },
      admin,
    );
    expect(broken.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.document" });
    const two = await access.execute(
      REGISTER,
      { input: { organisationId: ORG, name: "x", document: "query A { a } query B { b }" } },
      admin,
    );
    expect(two.errors?.[0]?.message).toContain("exactly one operation");
  });
});
