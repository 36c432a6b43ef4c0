import { type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";
import { homeIn, type Officials, officials } from "../site/site.fixtures.js";

let sites: StartedSubgraph<PrismaClient>;
let who: Officials;

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  who = await officials();
});
afterAll(() => sites?.close());

const ROUTE = `mutation($id: ID!, $homes: [ID!]!) { setMobileLibraryRoute(id: $id, input: { homeIds: $homes }) {
  kind route(first: 2) { totalCount edges { node { name } } pageInfo { hasNextPage } } } }`;

describe("facilities beyond homes", () => {
  it("gives a mobile library a route of homes in its city, in order", async () => {
    const library = await homeIn(sites, who, "OPEN", {
      kind: "MOBILE_LIBRARY",
      name: "流动图书馆",
      capacity: 1,
    });
    const homes = [
      await homeIn(sites, who, "OPEN", { name: "一站" }),
      await homeIn(sites, who, "OPEN", { name: "二站", regionCode: "510704" }),
      await homeIn(sites, who, "OPEN", { name: "三站" }),
    ];
    const { data, errors } = await sites.execute(ROUTE, { id: library, homes }, who.city);
    expect(errors).toBeUndefined();
    expect(data?.setMobileLibraryRoute).toEqual({
      kind: "MOBILE_LIBRARY",
      route: {
        totalCount: 3,
        edges: [{ node: { name: "一站" } }, { node: { name: "二站" } }],
        pageInfo: { hasNextPage: true },
      },
    });
    const chengdu = await homeIn(sites, who, "OPEN", { name: "成都", regionCode: "510104" });
    const outside = await sites.execute(ROUTE, { id: library, homes: [chengdu] }, who.city);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.homeIds" });
    const notLibrary = await sites.execute(ROUTE, { id: homes[0], homes: [] }, who.city);
    expect(notLibrary.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("registers activity centres and lists sites by kind", async () => {
    await homeIn(sites, who, "OPEN", {
      kind: "ACTIVITY_CENTRE",
      name: "绵阳市青少年体育活动中心",
      capacity: 300,
    });
    const { data } = await sites.execute(
      `{ sites(filter: { kind: ACTIVITY_CENTRE }) { totalCount edges { node { name kind } } } }`,
    );
    expect(data?.sites).toEqual({
      totalCount: 1,
      edges: [{ node: { name: "绵阳市青少年体育活动中心", kind: "ACTIVITY_CENTRE" } }],
    });
  });
});
