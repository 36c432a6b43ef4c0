import { accessService } from "@lamplight/access/testing";
import { campaignsService, seedProjects } from "@lamplight/campaigns/testing";
import { fundingService, seedFunds } from "@lamplight/funding/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { isoDay, provinceInstant, todayInProvince } from "@lamplight/regions";
import { sitesService } from "@lamplight/sites/testing";
import {
  bearerHeaders,
  identityHeaders,
  type StartedSubgraph,
  type TestableService,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

type ClientOf<Service> = Service extends TestableService<infer Client> ? Client : never;
type CampaignsClient = ClientOf<typeof campaignsService>;

// Three homes in Yanting County (Mianyang) and one in Chengdu. This month, the first holds a reading
// afternoon served by two volunteers (one came), the second a film showing; the third nothing.
const HOMES = [
  ["柏梓村留守学生之家", "510723"],
  ["玉龙村留守学生之家", "510723"],
  ["金孔村留守学生之家", "510723"],
  ["石羊村留守学生之家", "510121"],
] as const;

/** This month in the province (UTC+8): its first and last day, as YYYY-MM-DD. */
function thisMonth(): { from: string; to: string } {
  const today = todayInProvince();
  const first = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const last = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 0));
  return { from: isoDay(first), to: isoDay(last) };
}

const CITY_THIS_MONTH = /* GraphQL */ `
  query City($from: Date!, $to: Date!) {
    sites(first: 10, filter: { region: "510700" }) {
      edges { node {
        name
        fundsReceived { amount }
        occurrences(from: $from, to: $to, first: 10) {
          totalCount
          edges { node {
            date
            activity { title kind }
            volunteers(attended: true, first: 10) {
              totalCount
              edges { node { name activityMinutes serviceMinutes } }
            }
          } }
        }
      } }
    }
  }
`;

let graph: StartedGraph;
let campaigns: StartedSubgraph<CampaignsClient>;
let admin: Record<string, string>;
const homeIds: string[] = [];
const volunteerIds: string[] = [];
let libraryId: string;

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService, fundingService, campaignsService, accessService]);
  campaigns = graph.subgraphs.campaigns as StartedSubgraph<CampaignsClient>;
  await seedFunds(
    (graph.subgraphs.funding as StartedSubgraph<ClientOf<typeof fundingService>>).database.client,
  );
  await seedProjects(campaigns.database.client);
  libraryId = (
    await campaigns.database.client.project.findUniqueOrThrow({ where: { code: "MOBILE_LIBRARY" } })
  ).id;
  const subgraphAdmin = await identityHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
  admin = await bearerHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
  for (const [name, regionCode] of HOMES) {
    const { data, errors } = await graph.subgraphs.sites!.execute(
      `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
      { input: { name, regionCode, address: "四川省", hostModel: "SCHOOL", capacity: 40 } },
      subgraphAdmin,
    );
    expect(errors).toBeUndefined();
    homeIds.push(data?.createSite.id);
  }
  for (const name of ["王晓燕", "李建国"]) {
    const { data, errors } = await graph.execute(
      `mutation($input: RegisterVolunteerInput!) { registerVolunteer(input: $input) { id } }`,
      { input: { name, kind: "TEACHER", regionCode: "510723" } },
      admin,
    );
    expect(errors).toBeUndefined();
    const id = data?.registerVolunteer.id;
    // Vetted (a background check for working with minors) and active: only then do they serve.
    const today = new Date();
    const day = (offset: number) =>
      new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const vetted = await graph.execute(
      `mutation($id: ID!, $check: BackgroundCheckInput!) { vetVolunteer(id: $id, backgroundCheck: $check) { id } }`,
      { id, check: { checkedOn: day(-10), expiresOn: day(355), reference: "绵公(2026)第118号" } },
      admin,
    );
    expect(vetted.errors).toBeUndefined();
    const active = await graph.execute(
      `mutation($id: ID!) { activateVolunteer(id: $id) { id } }`,
      { id },
      admin,
    );
    expect(active.errors).toBeUndefined();
    volunteerIds.push(id);
  }
  // Campaigns hears of the homes and volunteers before anything is planned there.
  await graph.settled();
});
afterAll(() => graph?.close());

/** Plans a one-off activity at a home through the gateway and returns its one occurrence's id. */
async function activityAt(
  homeId: string,
  title: string,
  kind: string,
): Promise<{ activityId: string; occurrenceId: string }> {
  const { data, errors } = await graph.execute(
    `mutation($input: CreateActivityInput!) { createActivity(input: $input) { id occurrences { edges { node { id } } } } }`,
    {
      input: {
        title,
        kind,
        regionCode: "510723",
        homeIds: [homeId],
        organiserName: "盐亭县团委",
        capacity: 30,
        volunteerCapacity: 3,
        projectId: libraryId,
        // Planned ahead, so that places can be taken; moved to this month below.
        startsOn: "2099-06-06",
        startMinute: 14 * 60,
        durationMinutes: 90,
      },
    },
    admin,
  );
  expect(errors).toBeUndefined();
  return {
    activityId: data?.createActivity.id,
    occurrenceId: data?.createActivity.occurrences.edges[0].node.id,
  };
}

/** Moves an occurrence to the start of this month, as if it had been held then. */
async function heldOnTheFirst(activityId: string, occurrenceId: string): Promise<void> {
  const first = new Date(`${thisMonth().from}T00:00:00.000Z`);
  await campaigns.database.client.activity.update({
    where: { id: activityId },
    data: { startsOn: first, endsOn: first },
  });
  await campaigns.database.client.occurrence.update({
    where: { id: occurrenceId },
    data: {
      date: first,
      // Midnight in Beijing on the first, for the activity's 90 minutes.
      startsAt: provinceInstant(first),
      endsAt: provinceInstant(first, 90),
    },
  });
}

describe("a city's homes with their activities this month, the volunteers who served and the money received", () => {
  it("joins sites, campaigns, people and funding in one query", async () => {
    const reading = await activityAt(homeIds[0]!, "周六阅读下午", "READING");
    const film = await activityAt(homeIds[1]!, "周末电影放映", "FILM_SHOWING");
    const registrations: string[] = [];
    for (const volunteerId of volunteerIds) {
      const { data, errors } = await graph.execute(
        `mutation($input: RegisterVolunteerForActivityInput!) { registerVolunteerForActivity(input: $input) { id status } }`,
        { input: { occurrenceId: reading.occurrenceId, volunteerId } },
        admin,
      );
      expect(errors).toBeUndefined();
      expect(data?.registerVolunteerForActivity.status).toBe("CONFIRMED");
      registrations.push(data?.registerVolunteerForActivity.id);
    }
    await heldOnTheFirst(reading.activityId, reading.occurrenceId);
    await heldOnTheFirst(film.activityId, film.occurrenceId);
    const ATTEND = `mutation($input: RecordActivityAttendanceInput!) { recordActivityAttendance(input: $input) { minutes } }`;
    const came = await graph.execute(
      ATTEND,
      { input: { registrationId: registrations[0], attended: true } },
      admin,
    );
    expect(came.data?.recordActivityAttendance.minutes).toBe(90);
    await graph.execute(ATTEND, { input: { registrationId: registrations[1], attended: false } }, admin);

    const finance = await bearerHeaders({ subject: "finance", roles: ["FINANCE_OFFICER"], region: "510000" });
    const gift = await graph.execute(
      `mutation($input: RecordDonationInput!) { recordDonation(input: $input) { id } }`,
      {
        input: {
          idempotencyKey: "campaigns-integration-1",
          donorName: "赵敏",
          amount: { fen: 250_000 },
          receivedOn: "2026-03-12",
          channel: "BANK_TRANSFER",
          fundCode: "LOVE_FUND",
          designation: { purpose: "ACTIVITIES", siteId: homeIds[0], projectId: libraryId },
        },
      },
      finance,
    );
    expect(gift.errors).toBeUndefined();

    const { data, errors } = await graph.execute(CITY_THIS_MONTH, thisMonth(), admin);
    expect(errors).toBeUndefined();
    const homes = Object.fromEntries(
      data?.sites.edges.map(({ node }: { node: { name: string } }) => [node.name, node]),
    );
    expect(Object.keys(homes).sort()).toEqual([HOMES[0][0], HOMES[1][0], HOMES[2][0]].sort());
    expect(homes[HOMES[0][0]]).toEqual({
      name: HOMES[0][0],
      fundsReceived: { amount: "2500.00" },
      occurrences: {
        totalCount: 1,
        edges: [
          {
            node: {
              date: thisMonth().from,
              activity: { title: "周六阅读下午", kind: "READING" },
              // Only the volunteer who came served; people adds the activity minutes to their service.
              volunteers: {
                totalCount: 1,
                edges: [{ node: { name: "王晓燕", activityMinutes: 90, serviceMinutes: 90 } }],
              },
            },
          },
        ],
      },
    });
    expect(homes[HOMES[1][0]].occurrences.edges[0].node.volunteers.totalCount).toBe(0);
    expect(homes[HOMES[2][0]]).toMatchObject({
      fundsReceived: { amount: "0.00" },
      occurrences: { totalCount: 0 },
    });
  });

  it("shows the project offered to donors with its target from campaigns and the money raised from funding", async () => {
    const { data, errors } = await graph.execute(
      `{ project(code: "MOBILE_LIBRARY") { name fundraisingTarget { amount } raised { amount } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data?.project).toEqual({
      name: "流动爱心图书馆",
      fundraisingTarget: { amount: "3000000.00" },
      raised: { amount: "2500.00" },
    });
  });

  it("counts the city's activities per kind and month, and hides who served from the public", async () => {
    const month = thisMonth().from.slice(0, 7);
    const year = Number(month.slice(0, 4));
    const { data, errors } = await graph.execute(
      `query($year: Int!) { region(code: "510700") { name activityCounts(year: $year) { kind month count } } }`,
      { year },
    );
    expect(errors).toBeUndefined();
    expect(data?.region.activityCounts).toEqual([
      { kind: "FILM_SHOWING", month, count: 1 },
      { kind: "READING", month, count: 1 },
    ]);
    const anonymous = await graph.execute(CITY_THIS_MONTH, thisMonth());
    expect(anonymous.errors?.some((error) => error.extensions?.code === "UNAUTHENTICATED")).toBe(true);
  });
});
