import { DEMO_PARTNER_KEY_ID, DEMO_PARTNER_OPERATIONS } from "@lamplight/seed-kit";
import { type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../generated/prisma/client.js";
import { accessService } from "../testing.js";
import { DEMO_PARTNER, seedAccess } from "./index.js";

let access: StartedSubgraph<PrismaClient>;
let prisma: PrismaClient;

beforeAll(async () => {
  access = await startSubgraph(accessService);
  prisma = access.database.client;
});
afterAll(() => access?.close());

describe("seedAccess", () => {
  it("loads the demo partner's key and operations once", async () => {
    expect(await seedAccess(prisma)).toEqual({
      apiKeys: 1,
      trustedOperations: DEMO_PARTNER_OPERATIONS.length,
    });
    expect(await seedAccess(prisma)).toEqual({
      apiKeys: 0,
      trustedOperations: DEMO_PARTNER_OPERATIONS.length,
    });
    expect(await prisma.apiKey.count()).toBe(1);
    expect(await prisma.trustedOperation.count()).toBe(DEMO_PARTNER_OPERATIONS.length);
  });

  it("gives a demo key seeded with fewer scopes the ones its operations need", async () => {
    await prisma.apiKey.update({ where: { id: DEMO_PARTNER_KEY_ID }, data: { scopes: ["read:sites"] } });
    await seedAccess(prisma);
    const key = await prisma.apiKey.findUniqueOrThrow({ where: { id: DEMO_PARTNER_KEY_ID } });
    expect(key.scopes).toEqual([...DEMO_PARTNER.scopes].sort());
  });
});
