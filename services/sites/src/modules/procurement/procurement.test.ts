import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";
import { homeIn, type Officials, officials } from "../site/site.fixtures.js";

let sites: StartedSubgraph<PrismaClient>;
let who: Officials;

const SIX_ONES = ["TV", "COMPUTER", "DVD_PLAYER", "FAMILY_PHONE", "BOOKCASE", "SPORTS_SET"];
const COMPLIANCE = `query($id: ID!) { site(id: $id) { inventory { item { code } count }
  equipmentCompliance { compliant sixOnes rate missing { item { code name } required present short } } } }`;

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  who = await officials();
});
afterAll(() => sites?.close());

describe("the equipment standard", () => {
  it("lists every required item with its minimum count, the six ones first", async () => {
    const { data, errors } = await sites.execute(
      `{ equipmentStandard { code name category minimumCount sixOnes } }`,
    );
    expect(errors).toBeUndefined();
    const standard = data?.equipmentStandard as { code: string; sixOnes: boolean; minimumCount: number }[];
    expect(standard.filter((item) => item.sixOnes).map((item) => item.code)).toEqual(SIX_ONES);
    expect(standard.slice(0, 6).every((item) => item.sixOnes && item.minimumCount === 1)).toBe(true);
    expect(standard.find((item) => item.code === "BOOKS")).toMatchObject({
      minimumCount: 300,
      category: "READING",
    });
  });

  it("shows what a new home is missing, and counts what it has", async () => {
    const siteId = await homeIn(sites, who, "OPEN");
    const empty = await sites.execute(COMPLIANCE, { id: siteId });
    expect(empty.data?.site.equipmentCompliance).toMatchObject({ compliant: false, sixOnes: false, rate: 0 });
    expect(empty.data?.site.equipmentCompliance.missing).toHaveLength(11);

    const manager = await identityHeaders({ subject: "manager", roles: ["SITE_MANAGER"], siteIds: [siteId] });
    const { errors } = await sites.execute(
      `mutation($id: ID!) { setInventory(siteId: $id, input: { items: [{ itemCode: "TV", count: 1 }, { itemCode: "BOOKS", count: 120 }] }) { id } }`,
      { id: siteId },
      manager,
    );
    expect(errors).toBeUndefined();
    const counted = await sites.execute(COMPLIANCE, { id: siteId });
    const missing = counted.data?.site.equipmentCompliance.missing as {
      item: { code: string };
      short: number;
    }[];
    expect(missing.find((entry) => entry.item.code === "BOOKS")).toMatchObject({
      required: 300,
      present: 120,
      short: 180,
    });
    expect(missing.some((entry) => entry.item.code === "TV")).toBe(false);
    expect(counted.data?.site.inventory[0]).toEqual({ item: { code: "TV" }, count: 1 });

    const unknown = await sites.execute(
      `mutation($id: ID!) { setInventory(siteId: $id, input: { items: [{ itemCode: "PIANO", count: 1 }] }) { id } }`,
      { id: siteId },
      who.county,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.items" });
    const other = await sites.execute(
      `mutation($id: ID!) { setInventory(siteId: $id, input: { items: [{ itemCode: "TV", count: 1 }] }) { id } }`,
      { id: siteId },
      who.otherCity,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("unified procurement", () => {
  const ORDER = `mutation($input: CreateProcurementOrderInput!) { createProcurementOrder(input: $input) { id title
    shipments { totalCount edges { node { id status site { id } lines { item { code } count } } } } } }`;
  const ADVANCE = `mutation($id: ID!, $status: ShipmentStatus!) { updateShipment(id: $id, status: $status) { status shippedAt deliveredAt installedAt } }`;
  const fullSet = [
    ...SIX_ONES.map((itemCode) => ({ itemCode, count: 1 })),
    { itemCode: "BOOKS", count: 300 },
    { itemCode: "DESK", count: 10 },
    { itemCode: "CHAIR", count: 20 },
    { itemCode: "FIRE_EXTINGUISHER", count: 2 },
    { itemCode: "FIRST_AID_KIT", count: 1 },
  ];

  it("orders for many homes at once and delivers each, adding to its inventory once", async () => {
    const homes = [
      await homeIn(sites, who, "OPEN"),
      await homeIn(sites, who, "OPEN"),
      await homeIn(sites, who, "BUILDING"),
    ];
    const { data, errors } = await sites.execute(
      ORDER,
      {
        input: {
          title: "2026年第一批留守学生之家设备统一采购",
          shipments: homes.map((siteId) => ({ siteId, lines: fullSet })),
        },
      },
      who.city,
    );
    expect(errors).toBeUndefined();
    const shipments = data?.createProcurementOrder.shipments;
    expect(shipments.totalCount).toBe(3);
    expect(
      shipments.edges.every((edge: { node: { status: string } }) => edge.node.status === "ORDERED"),
    ).toBe(true);
    const first = shipments.edges.find(
      (edge: { node: { site: { id: string } } }) => edge.node.site.id === homes[0],
    ).node;

    const skip = await sites.execute(ADVANCE, { id: first.id, status: "DELIVERED" }, who.county);
    expect(skip.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      currentStatus: "ORDERED",
      requestedStatus: "DELIVERED",
    });
    expect(
      (await sites.execute(ADVANCE, { id: first.id, status: "SHIPPED" }, who.county)).data?.updateShipment
        .status,
    ).toBe("SHIPPED");
    const manager = await identityHeaders({
      subject: "manager-1",
      roles: ["SITE_MANAGER"],
      siteIds: [homes[0]!],
    });
    const deliveries = await Promise.all([
      sites.execute(ADVANCE, { id: first.id, status: "DELIVERED" }, manager),
      sites.execute(ADVANCE, { id: first.id, status: "DELIVERED" }, who.county),
    ]);
    expect(deliveries.filter((result) => !result.errors)).toHaveLength(1);
    const compliance = await sites.execute(COMPLIANCE, { id: homes[0] });
    expect(compliance.data?.site.equipmentCompliance).toMatchObject({
      compliant: true,
      sixOnes: true,
      rate: 1,
      missing: [],
    });
    expect(
      compliance.data?.site.inventory.find((line: { item: { code: string } }) => line.item.code === "BOOKS")
        .count,
    ).toBe(300);
    const installed = await sites.execute(ADVANCE, { id: first.id, status: "INSTALLED" }, manager);
    expect(installed.data?.updateShipment).toMatchObject({ status: "INSTALLED" });
    expect(installed.data?.updateShipment.deliveredAt).not.toBeNull();
  });

  it("refuses orders outside the caller's city, and unknown items", async () => {
    const home = await homeIn(sites, who, "OPEN");
    const other = await sites.execute(
      ORDER,
      { input: { title: "x", shipments: [{ siteId: home, lines: fullSet }] } },
      who.otherCity,
    );
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const unknown = await sites.execute(
      ORDER,
      { input: { title: "x", shipments: [{ siteId: home, lines: [{ itemCode: "PIANO", count: 1 }] }] } },
      who.city,
    );
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.shipments",
    });
    const officer = await sites.execute(
      ORDER,
      { input: { title: "x", shipments: [{ siteId: home, lines: fullSet }] } },
      who.county,
    );
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
