import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

let people: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;
let organisationId: string;

const JOIN = `mutation($id: ID!, $on: Date!) { joinAlliance(organisationId: $id, joinedOn: $on) { id joinedOn leftOn } }`;
const LEAVE = `mutation($id: ID!, $on: Date!) { leaveAlliance(membershipId: $id, leftOn: $on) { joinedOn leftOn } }`;
const MEMBERSHIPS = `query($id: ID!) { organisation(id: $id) { allianceMember allianceMemberships { joinedOn leftOn } } }`;

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  admin = await identityHeaders({ roles: ["PROVINCE_ADMIN"] });
  const organisation = await people.database.client.organisation.create({
    data: { name: "四川日报社", kind: "ALLIANCE_MEDIA", regionCode: "510000" },
  });
  organisationId = organisation.id;
});
afterAll(() => people?.close());

describe("alliance membership", () => {
  it("records joining and leaving with dates, shown to everyone", async () => {
    const joined = await people.execute(JOIN, { id: organisationId, on: "2024-03-01" }, admin);
    expect(joined.errors, JSON.stringify(joined.errors)).toBeUndefined();
    expect((await people.execute(MEMBERSHIPS, { id: organisationId })).data?.organisation).toEqual({
      allianceMember: true,
      allianceMemberships: [{ joinedOn: "2024-03-01", leftOn: null }],
    });
    const twice = await people.execute(JOIN, { id: organisationId, on: "2025-01-01" }, admin);
    expect(twice.errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const backwards = await people.execute(
      LEAVE,
      { id: joined.data?.joinAlliance.id, on: "2024-02-29" },
      admin,
    );
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "leftOn" });
    const left = await people.execute(LEAVE, { id: joined.data?.joinAlliance.id, on: "2025-06-30" }, admin);
    expect(left.data?.leaveAlliance).toEqual({ joinedOn: "2024-03-01", leftOn: "2025-06-30" });
    const early = await people.execute(JOIN, { id: organisationId, on: "2025-05-01" }, admin);
    expect(early.errors?.[0]?.message).toContain("cannot start before the last one ended");
    await people.execute(JOIN, { id: organisationId, on: "2026-01-01" }, admin);
    expect((await people.execute(MEMBERSHIPS, { id: organisationId })).data?.organisation).toEqual({
      allianceMember: true,
      allianceMemberships: [
        { joinedOn: "2026-01-01", leftOn: null },
        { joinedOn: "2024-03-01", leftOn: "2025-06-30" },
      ],
    });
  });

  it("is kept by province admins only", async () => {
    const city = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510700" });
    const { errors } = await people.execute(JOIN, { id: organisationId, on: "2024-03-01" }, city);
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unknown = await people.execute(JOIN, { id: "not-an-id", on: "2024-03-01" }, admin);
    expect(unknown.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });
});
