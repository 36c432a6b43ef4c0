import { DEMO_PARTNER_OPERATIONS, DEMO_PARTNER_ORGANISATION } from "@lamplight/seed-kit";
import { announceOrganisations, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { TrustedOperationRepository } from "../modules/trusted-operation/trusted-operation.repository.js";
import { TrustedOperationStatus } from "../modules/trusted-operation/trusted-operation.type.js";
import { seedAccess } from "../seed/index.js";
import { accessService } from "../testing.js";
import { exportTrustedOperations } from "./index.js";

const UNANNOUNCED = "7e4b1c2d-3a5f-4b6e-9c8d-0f1a2b3c4d5e";

let access: StartedSubgraph<PrismaClient>;

beforeAll(async () => {
  access = await startSubgraph(accessService);
  await announceOrganisations(access, [{ ...DEMO_PARTNER_ORGANISATION }]);
  await seedAccess(access.database.client);
  const operations = new TrustedOperationRepository(access.database.client);
  const register = (name: string, status: TrustedOperationStatus) =>
    operations.register({
      organisationId: UNANNOUNCED,
      name,
      sha256: name,
      document: `query ${name} { sites(first: 1) { totalCount } }`,
      createdBy: "test",
      status,
    });
  await register("Proposed", TrustedOperationStatus.PENDING);
  await register("Approved", TrustedOperationStatus.APPROVED);
});
afterAll(() => access?.close());

it("exports every organisation's trusted operations, by organisation and name, never a proposal", async () => {
  const byName = [...DEMO_PARTNER_OPERATIONS].sort((a, b) => a.name.localeCompare(b.name));
  expect(await exportTrustedOperations(access.database.client)).toEqual([
    ...byName.map(({ name, document }) => ({ organisation: DEMO_PARTNER_ORGANISATION.name, name, document })),
    // An organisation people never announced is named by its id.
    {
      organisation: UNANNOUNCED,
      name: "Approved",
      document: "query Approved { sites(first: 1) { totalCount } }",
    },
  ]);
});
