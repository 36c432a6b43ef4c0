import { campaignsService } from "@lamplight/campaigns/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { announceVolunteers, bearerHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The composed graph of homes, children and activities, with the facts of homes travelling from
// sites to people and campaigns as events (through the feeds, or NATS JetStream with NATS_URL).
let graph: StartedGraph;
let province: Record<string, string>;
let mianyang: Record<string, string>;
let chengdu: Record<string, string>;
let santai: Record<string, string>;
let yanting: Record<string, string>;

const SANTAI = "510722";
const YANTING = "510723";
const UNKNOWN_HOME = "0b0b0b0b-0000-4000-8000-00000000b0b0";

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService, campaignsService]);
  province = await bearerHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
  mianyang = await bearerHeaders({ subject: "li-wei", roles: ["CITY_ADMIN"], region: "510700" });
  chengdu = await bearerHeaders({ subject: "zhang-min", roles: ["CITY_ADMIN"], region: "510100" });
  santai = await bearerHeaders({ subject: "wang-fang", roles: ["COUNTY_OFFICER"], region: SANTAI });
  yanting = await bearerHeaders({ subject: "chen-jie", roles: ["COUNTY_OFFICER"], region: YANTING });
});
afterAll(() => graph?.close());

const createHome = async (name: string, regionCode: string) => {
  const { data, errors } = await graph.execute<{ createSite: { id: string } }>(
    `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
    {
      input: {
        name,
        regionCode,
        address: "四川省绵阳市",
        hostModel: "VILLAGE_COMMITTEE",
        capacity: 30,
        status: "OPEN",
      },
    },
    province,
  );
  expect(errors).toBeUndefined();
  return data!.createSite.id;
};

const child = (siteId: string, regionCode: string) => ({
  name: `事件${Math.random().toString(36).slice(2, 8)}`,
  gender: "FEMALE",
  birthDate: "2016-05-04",
  regionCode,
  siteId,
  grade: 4,
  guardianName: "王秀兰",
  guardianRelationship: "GRANDPARENT",
});
const CREATE_STUDENT = `mutation($input: CreateStudentInput!) { createStudent(input: $input) { id } }`;

const activity = (homeIds: string[], regionCode: string) => ({
  title: `读书会 ${Math.random().toString(36).slice(2, 6)}`,
  kind: "READING",
  regionCode,
  homeIds,
  organiserName: "县团委",
  capacity: 10,
  volunteerCapacity: 2,
  startsOn: "2027-04-10",
  startMinute: 540,
  durationMinutes: 90,
});
const CREATE_ACTIVITY = `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id } }`;

describe("ids that name another subgraph's records are checked", () => {
  it("refuses an unknown home with NOT_FOUND naming the field, in people and in campaigns", async () => {
    const student = await graph.execute(CREATE_STUDENT, { input: child(UNKNOWN_HOME, SANTAI) }, province);
    expect(student.data).toBeNull();
    expect(student.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "input.siteId" });
    const planned = await graph.execute(
      CREATE_ACTIVITY,
      { input: activity([UNKNOWN_HOME], SANTAI) },
      province,
    );
    expect(planned.data).toBeNull();
    expect(planned.errors?.[0]?.extensions).toMatchObject({ code: "NOT_FOUND", field: "input.homeIds" });
  });

  it("scopes a home by the county sites says it is in: no cross-city child, no county takeover", async () => {
    const home = await createHome("鹤塘社区留守学生之家", SANTAI);
    await graph.settled();
    // Mianyang's admin registers a child at a Mianyang home; Chengdu's may not.
    const own = await graph.execute(CREATE_STUDENT, { input: child(home, SANTAI) }, mianyang);
    expect(own.errors).toBeUndefined();
    const crossCity = await graph.execute(CREATE_STUDENT, { input: child(home, SANTAI) }, chengdu);
    expect(crossCity.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN" });
    // Yanting's officer cannot claim a Santai home for Yanting, nor act in Santai.
    const claimed = await graph.execute(CREATE_ACTIVITY, { input: activity([home], YANTING) }, yanting);
    expect(claimed.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "input.homeIds" });
    const takeover = await graph.execute(CREATE_ACTIVITY, { input: activity([home], SANTAI) }, yanting);
    expect(takeover.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    // Santai's own officer is still at home there.
    const held = await graph.execute(CREATE_ACTIVITY, { input: activity([home], SANTAI) }, santai);
    expect(held.errors).toBeUndefined();
  });

  it("moves a home to its new county in people and campaigns within seconds", async () => {
    const home = await createHome("金鸡镇留守学生之家", SANTAI);
    await graph.settled();
    const registered = await graph.execute<{ createStudent: { id: string } }>(
      CREATE_STUDENT,
      { input: child(home, SANTAI) },
      province,
    );
    expect(registered.errors).toBeUndefined();
    const studentId = registered.data!.createStudent.id;

    const started = Date.now();
    const moved = await graph.execute(
      `mutation($id: ID!) { updateSite(id: $id, input: { regionCode: "${YANTING}" }) { id } }`,
      { id: home },
      province,
    );
    expect(moved.errors).toBeUndefined();
    await graph.settled();
    expect(Date.now() - started).toBeLessThan(5_000);

    // Campaigns: Yanting's officer now plans there, Santai's no longer does.
    const byYanting = await graph.execute(CREATE_ACTIVITY, { input: activity([home], YANTING) }, yanting);
    expect(byYanting.errors).toBeUndefined();
    const bySantai = await graph.execute(CREATE_ACTIVITY, { input: activity([home], SANTAI) }, santai);
    expect(bySantai.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    // People: the child moved with the home, into Yanting's officer's sight.
    const read = (headers: Record<string, string>) =>
      graph.execute(`query($id: ID!) { student(id: $id) { region { code } } }`, { id: studentId }, headers);
    expect((await read(yanting)).data?.student).toEqual({ region: { code: YANTING } });
    expect((await read(santai)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("an answer is not blanked by one record another subgraph cannot resolve", () => {
  it("shows the occurrence's volunteers, with null for one people does not know, and an answer", async () => {
    const home = await createHome("龙门村留守学生之家", SANTAI);
    await graph.settled();
    const planned = await graph.execute<{
      createActivity: { occurrences: { edges: Array<{ node: { id: string } }> } };
    }>(
      `mutation($input: CreateActivityInput!) { createActivity(input: $input) { occurrences(first: 1) { edges { node { id } } } } }`,
      { input: activity([home], SANTAI) },
      santai,
    );
    expect(planned.errors).toBeUndefined();
    const occurrenceId = planned.data!.createActivity.occurrences.edges[0]!.node.id;
    // Campaigns was told of a volunteer whose record people no longer has.
    const vanished = "0c0c0c0c-0000-4000-8000-00000000c0c0";
    await announceVolunteers(graph.subgraphs.campaigns!, [{ id: vanished, countyCode: SANTAI }]);
    const registered = await graph.execute(
      `mutation($input: RegisterVolunteerForActivityInput!) { registerVolunteerForActivity(input: $input) { id } }`,
      { input: { occurrenceId, volunteerId: vanished } },
      santai,
    );
    expect(registered.errors).toBeUndefined();
    const { data, errors } = await graph.execute(
      `query($id: ID!) { occurrence(id: $id) { id places { volunteersConfirmed } volunteers(first: 5) { edges { node { id kind } } } } }`,
      { id: occurrenceId },
      province,
    );
    // The one volunteer people cannot resolve is null, with an error at its path; the rest stands.
    expect(errors).toEqual([
      expect.objectContaining({
        path: ["occurrence", "volunteers", "edges", 0, "node"],
        extensions: expect.objectContaining({
          code: "NOT_FOUND",
          entity: "Volunteer",
          serviceName: "people",
        }),
      }),
    ]);
    expect(data?.occurrence).toMatchObject({ id: occurrenceId, places: { volunteersConfirmed: 1 } });
    expect(data?.occurrence.volunteers.edges).toEqual([{ node: null }]);
  });
});

describe("a subgraph started on an empty database", () => {
  let late: StartedSubgraph | undefined;
  afterAll(() => late?.close());

  it("rebuilds its replicas from the start of the stream before it reports ready", async () => {
    const homes = [
      await createHome("白鹤村留守学生之家", SANTAI),
      await createHome("龙溪村留守学生之家", YANTING),
    ];
    const sitesUrl = new URL("/", graph.subgraphs.sites!.url).toString();
    late = await startSubgraph(peopleService, {
      events: { feedUrls: (producer) => (producer === "sites" ? sitesUrl : undefined), natsUrl: undefined },
    });
    const readyz = new URL("/readyz", late.url);
    let ready: Response | undefined;
    for (let tries = 0; tries < 200; tries += 1) {
      ready = await fetch(readyz);
      if (ready.ok) break;
      expect(await ready.json()).toMatchObject({ status: "unavailable" });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(ready?.status).toBe(200);
    const details = (await ready!.json()) as {
      events: { consumers: Array<{ producer: string; lag: number }> };
    };
    expect(details.events.consumers).toEqual([
      expect.objectContaining({ producer: "sites", lag: 0, caughtUp: true }),
    ]);
    // Ready means current: every home sites has announced is known.
    const client = late.database.client as unknown as {
      siteReplica: { findMany(args: object): Promise<Array<{ id: string; countyCode: string }>> };
    };
    const known = await client.siteReplica.findMany({
      where: { id: { in: homes } },
      orderBy: { countyCode: "asc" },
    });
    expect(known.map((site) => site.countyCode)).toEqual([SANTAI, YANTING]);
  });
});
