import { DEMO_PROJECTS } from "@lamplight/seed-kit";
import {
  announceSites,
  entities,
  expectNotFoundAt,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { campaignsService, seedProjects } from "../../testing.js";
import { createActivity, FIXTURE_HOMES, HOME_A, HOME_B } from "../activity/activity.fixtures.js";

let campaigns: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;
const library = DEMO_PROJECTS.find((project) => project.code === "MOBILE_LIBRARY")!;

beforeAll(async () => {
  campaigns = await startSubgraph(campaignsService);
  await announceSites(campaigns, [...FIXTURE_HOMES]);
  await seedProjects(campaigns.database.client);
  admin = await identityHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
});
afterAll(() => campaigns?.close());

describe("projects", () => {
  it("are public, by code or id, with their target, regions and milestones", async () => {
    const { data, errors } = await campaigns.execute(
      `{ project(code: "MOBILE_LIBRARY") {
           id name status fundraisingTarget { fen amount } regions { code }
           milestones(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { title dueOn reachedOn } } }
         } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.project).toMatchObject({
      id: library.id,
      name: "流动爱心图书馆",
      fundraisingTarget: { fen: 300_000_000, amount: "3000000.00" },
    });
    expect(data?.project.regions).toHaveLength(21);
    expect(data?.project.milestones.totalCount).toBe(3);
    const next = await campaigns.execute(
      `query($after: String) { project(code: "MOBILE_LIBRARY") { milestones(first: 2, after: $after) { edges { node { title } } pageInfo { hasNextPage } } } }`,
      { after: data?.project.milestones.pageInfo.endCursor },
    );
    expect(next.data?.project.milestones).toEqual({
      edges: [{ node: { title: "全年巡回阅读服务" } }],
      pageInfo: { hasNextPage: false },
    });
    const both = await campaigns.execute(`{ project(id: "${library.id}", code: "X") { id } }`);
    expect(both.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("list by status and by region served", async () => {
    const { data } = await campaigns.execute(
      `{ all: projects(first: 100) { totalCount }
         planned: projects(filter: { status: PLANNED }) { edges { node { code } } }
         mianyang: projects(filter: { region: "510723" }, first: 100) { totalCount } }`,
    );
    expect(data?.all.totalCount).toBe(11);
    expect(data?.planned.edges).toEqual([{ node: { code: "OLYMPIC_JOURNEY" } }]);
    // Province-wide projects serve Yanting; so does the library, through Mianyang.
    expect(data?.mianyang.totalCount).toBe(11);
  });

  it("resolve as entities for funding, 11 at once in one statement", async () => {
    const before = campaigns.statements();
    const { data, errors } = await entities(
      campaigns.url,
      [
        ...DEMO_PROJECTS.map((project) => ({ __typename: "Project", id: project.id })),
        { __typename: "Project", id: "nope" },
      ],
      "... on Project { code fundraisingTarget { fen } }",
    );
    expectNotFoundAt({ data, errors }, [DEMO_PROJECTS.length]);
    expect(campaigns.statements() - before).toBe(1);
    expect(data?._entities.at(0)).toEqual({
      code: "MOBILE_LIBRARY",
      fundraisingTarget: { fen: 300_000_000 },
    });
    expect(data?._entities.at(-1)).toBeNull();
  });

  it("report their results from attendance, suppressing small counts of children for the public", async () => {
    const activity = await createActivity(campaigns, { projectId: library.id, homeIds: [HOME_A, HOME_B] });
    const occurrenceId = activity.occurrences.edges[0]!.node.id;
    for (let n = 0; n < 3; n++) {
      await campaigns.database.client.registration.create({
        data: {
          occurrenceId,
          activityId: activity.id,
          participant: "CHILD",
          studentId: `c0000000-0000-4000-8000-00000000000${n}`,
          homeId: HOME_A,
          status: "CONFIRMED",
          attended: true,
          minutes: 90,
          registeredBy: "test",
        },
      });
    }
    const RESULTS = `{ project(code: "MOBILE_LIBRARY") { results { childrenReached homesServed } } }`;
    expect((await campaigns.execute(RESULTS, {}, admin)).data?.project.results).toEqual({
      childrenReached: 3,
      homesServed: 0,
    });
    expect((await campaigns.execute(RESULTS)).data?.project.results.childrenReached).toBeNull();
    // Every project's first activities in one statement, and their counts in one more.
    const before = campaigns.statements();
    const { data } = await campaigns.execute(
      `{ projects(first: 20) { edges { node { code activities(first: 1) { totalCount edges { node { id } } } } } } }`,
    );
    expect(campaigns.statements() - before).toBe(3);
    const byCode = Object.fromEntries(
      data?.projects.edges.map((edge: { node: { code: string; activities: unknown } }) => [
        edge.node.code,
        edge.node.activities,
      ]),
    );
    expect(byCode.MOBILE_LIBRARY).toEqual({ totalCount: 1, edges: [{ node: { id: activity.id } }] });
    expect(byCode.SPORTS_CENTRE).toEqual({ totalCount: 0, edges: [] });
  });

  it("are created and steered by province admins only", async () => {
    const input = {
      code: "LOVE_RELAY_2027",
      name: "爱心接力",
      description: "社会各界接力关爱留守学生。",
      fundraisingTarget: { fen: 5_000_000 },
      regionCodes: ["510000"],
    };
    const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { id code status } }`;
    const city = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510700" });
    expect((await campaigns.execute(CREATE, { input }, city)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    const created = await campaigns.execute(CREATE, { input }, admin);
    expect(created.data?.createProject).toMatchObject({ code: "LOVE_RELAY_2027", status: "PLANNED" });
    expect((await campaigns.execute(CREATE, { input }, admin)).errors?.[0]?.extensions?.code).toBe(
      "CONFLICT",
    );
    const badRegion = await campaigns.execute(
      CREATE,
      { input: { ...input, code: "X_Y", regionCodes: ["999999"] } },
      admin,
    );
    expect(badRegion.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.regionCodes",
    });
    const status = await campaigns.execute(
      `mutation($id: ID!) { setProjectStatus(id: $id, status: FUNDRAISING) { status } }`,
      { id: created.data?.createProject.id },
      admin,
    );
    expect(status.data?.setProjectStatus.status).toBe("FUNDRAISING");
    // Every mutation is audited in this subgraph's own log.
    const log = await campaigns.execute(
      `{ campaignsAuditLog(first: 5) { edges { node { operation outcome } } } }`,
      {},
      admin,
    );
    expect(log.data?.campaignsAuditLog.edges[0].node).toEqual({
      operation: "setProjectStatus",
      outcome: "OK",
    });
  });
});
