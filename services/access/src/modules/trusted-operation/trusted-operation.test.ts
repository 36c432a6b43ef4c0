import { createHash } from "node:crypto";
import { GATEWAY_SERVICE, operationHash } from "@lamplight/platform";
import {
  announceOrganisations,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { accessService } from "../../testing.js";
import { ApiKeyRepository } from "../api-key/api-key.repository.js";
import { TrustedOperationRepository } from "./trusted-operation.repository.js";
import { OperationScopeCheck } from "./trusted-operation.scopes.js";
import { TrustedOperationService } from "./trusted-operation.service.js";

const ORG = "5c0e2a41-9b7d-4e3f-8a16-0d2b7c9e4f11";
const REGISTER = `mutation($input: RegisterTrustedOperationInput!) { registerTrustedOperation(input: $input) { id sha256 document } }`;
const DOCUMENT = `query HomesOfCity($city: ID!) {
  # every home of the city
  sites(filter: { region: $city }) { totalCount }
}`;
const DOCUMENT_OF = `query($org: ID!, $sha: String!) { trustedOperationDocument(organisationId: $org, sha256: $sha) }`;

let access: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;
let gateway: Record<string, string>;

beforeAll(async () => {
  access = await startSubgraph(accessService);
  await announceOrganisations(access, [{ id: ORG, name: "绵阳市志愿者协会", kind: "NGO" }]);
  admin = await identityHeaders({ subject: "admin-1", roles: ["PROVINCE_ADMIN"] });
  gateway = await identityHeaders(GATEWAY_SERVICE);
  // The organisation's key may read homes: what the operations registered here select.
  const key = await access.execute(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { apiKey { id } } }`,
    { input: { organisationId: ORG, name: "报表系统", scopes: ["read:sites"] } },
    admin,
  );
  expect(key.errors).toBeUndefined();
});
afterAll(() => access?.close());

const register = (document: string, name = "HomesOfCity") =>
  access.execute(REGISTER, { input: { organisationId: ORG, name, document } }, admin);

describe("trusted operations by meaning", () => {
  it("are known by the hash of the normalised document and keep the text as submitted", async () => {
    const { data, errors } = await register(DOCUMENT);
    expect(errors).toBeUndefined();
    expect(data?.registerTrustedOperation.sha256).toBe(operationHash(parse(DOCUMENT)));
    expect(data?.registerTrustedOperation.document).toBe(DOCUMENT);
    // The same operation on one line is the same registration.
    const oneLine = await register(
      "query HomesOfCity($city: ID!) { sites(filter: { region: $city }) { totalCount } }",
    );
    expect(oneLine.data?.registerTrustedOperation.id).toBe(data?.registerTrustedOperation.id);
  });

  it("give the gateway the registered document by organisation and hash, and nothing to anyone else", async () => {
    const sha = operationHash(parse(DOCUMENT));
    const found = await access.execute(DOCUMENT_OF, { org: ORG, sha }, gateway);
    expect(found.data?.trustedOperationDocument).toBe(DOCUMENT);
    const other = await access.execute(DOCUMENT_OF, { org: ORG, sha: "0".repeat(64) }, gateway);
    expect(other.errors).toBeUndefined();
    expect(other.data?.trustedOperationDocument).toBeNull();
    const asAdmin = await access.execute(DOCUMENT_OF, { org: ORG, sha }, admin);
    expect(asAdmin.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("registered by the hash of their exact text get the normalised hash once, at start", async () => {
    const text = "query RawHash { sites(first: 1) { totalCount } }";
    const duplicate = "query RawHash {\n  sites(first: 1) {\n    totalCount # again\n  }\n}";
    const client = access.database.client;
    const raw = (document: string) => createHash("sha256").update(document).digest("hex");
    const earlier = await client.trustedOperation.create({
      data: { organisationId: ORG, name: "RawHash", sha256: raw(text), document: text, createdBy: "t" },
    });
    const later = await client.trustedOperation.create({
      data: {
        organisationId: ORG,
        name: "RawHash",
        sha256: raw(duplicate),
        document: duplicate,
        createdBy: "t",
      },
    });
    const service = new TrustedOperationService(
      new TrustedOperationRepository(client),
      new OperationScopeCheck(new ApiKeyRepository(client)),
    );
    expect(await service.normaliseStoredHashes()).toEqual({ rehashed: 1, superseded: 1 });
    const hashOf = async (id: string) =>
      (await client.trustedOperation.findUniqueOrThrow({ where: { id } })).sha256;
    expect(await hashOf(earlier.id)).toBe(operationHash(parse(text)));
    // The later one is the same operation: it keeps its old hash, the earlier answers for both.
    expect(await hashOf(later.id)).toBe(raw(duplicate));
    expect(await service.normaliseStoredHashes()).toEqual({ rehashed: 0, superseded: 1 });
  });
});
