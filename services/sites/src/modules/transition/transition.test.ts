import { announceOrganisations, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { sitesService } from "../../testing.js";
import {
  APPLICANT,
  apply,
  approvedByAllLevels,
  type Officials,
  officials,
  proposeHome,
  review,
  TRANSITION,
} from "../site/site.fixtures.js";

let sites: StartedSubgraph<PrismaClient>;
let who: Officials;

beforeAll(async () => {
  sites = await startSubgraph(sitesService);
  who = await officials();
  // The applicant, as people announces the organisations it registers.
  await announceOrganisations(sites, [{ id: APPLICANT, name: "绵阳市社会工作者协会", regionCode: "510700" }]);
});
afterAll(() => sites?.close());

const move = (id: string, to: string, headers: Record<string, string>, reason = "Next step") =>
  sites.execute(TRANSITION, { id, to, reason }, headers);

describe("applying for a home", () => {
  it("records the application, moves the site to APPLIED and gives it the proposed details", async () => {
    const siteId = await proposeHome(sites, who);
    const applicationId = await apply(sites, who, siteId);
    const { data, errors } = await sites.execute(
      `query($id: ID!) { site(id: $id) { status hostModel capacity address location { latitude } nextStatuses hasApplication
          application { id applicant { id } proposedCapacity proposedLocation { latitude longitude }
            documents { totalCount edges { node { title kind url mediaType sizeBytes } } } reviews { level } } } }`,
      { id: siteId },
      who.county,
    );
    expect(errors).toBeUndefined();
    expect(data?.site).toMatchObject({
      status: "APPLIED",
      hostModel: "SCHOOL",
      capacity: 60,
      address: "四川省绵阳市涪城区松林镇中心小学",
      location: { latitude: 31.47 },
      nextStatuses: ["UNDER_REVIEW"],
      hasApplication: true,
      application: {
        id: applicationId,
        applicant: { id: APPLICANT },
        proposedCapacity: 60,
        proposedLocation: { latitude: 31.47, longitude: 104.68 },
        documents: {
          totalCount: 1,
          edges: [{ node: { title: "场地平面图", kind: "SITE_PLAN", sizeBytes: 482133 } }],
        },
        reviews: [],
      },
    });
  });

  it("takes an application only from an organisation people has registered", async () => {
    const siteId = await proposeHome(sites, who);
    const applicant = "3c9e7a52-6d1b-4f08-8e2a-5b4c7d9f1a63";
    const SUBMIT = `mutation($siteId: ID!, $applicant: ID!) { submitApplication(siteId: $siteId, input: { applicantOrganisationId: $applicant, hostModel: SCHOOL, proposedAddress: "四川省绵阳市涪城区吴家镇中心小学", proposedCapacity: 45 }) { id applicant { id } site { status } } }`;
    const unknown = await sites.execute(SUBMIT, { siteId, applicant }, who.county);
    expect(unknown.data).toBeNull();
    expect(unknown.errors?.[0]?.extensions).toMatchObject({
      code: "NOT_FOUND",
      entity: "Organisation",
      id: applicant,
      field: "input.applicantOrganisationId",
    });
    // Nothing was written: the home is still proposed and has no application.
    expect(await sites.database.client.siteApplication.count({ where: { siteId } })).toBe(0);
    expect((await sites.database.client.site.findUniqueOrThrow({ where: { id: siteId } })).status).toBe(
      "PROPOSED",
    );

    await announceOrganisations(sites, [{ id: applicant, name: "绵阳市助学促进会", regionCode: "510700" }]);
    const known = await sites.execute(SUBMIT, { siteId, applicant }, who.county);
    expect(known.errors).toBeUndefined();
    expect(known.data?.submitApplication).toMatchObject({
      applicant: { id: applicant },
      site: { status: "APPLIED" },
    });
  });

  it("refuses a second application for the same home with CONFLICT", async () => {
    const siteId = await proposeHome(sites, who);
    await apply(sites, who, siteId);
    const { errors } = await sites.execute(
      `mutation($siteId: ID!) { submitApplication(siteId: $siteId, input: { applicantOrganisationId: "${APPLICANT}", hostModel: SCHOOL, proposedAddress: "x", proposedCapacity: 10 }) { id } }`,
      { siteId },
      who.county,
    );
    expect(errors?.[0]?.extensions?.code).toBe("CONFLICT");
  });

  it("adds documents and reviews county, then city, then province", async () => {
    const siteId = await proposeHome(sites, who);
    const applicationId = await apply(sites, who, siteId);
    const early = await review(sites, who.county, applicationId, "COUNTY");
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", currentStatus: "APPLIED" });
    expect((await move(siteId, "UNDER_REVIEW", who.county)).errors).toBeUndefined();

    const cityFirst = await review(sites, who.city, applicationId, "CITY");
    expect(cityFirst.errors?.[0]?.message).toBe(
      "The county level must approve before the city level reviews",
    );
    const wrongLevel = await review(sites, who.county, applicationId, "CITY");
    expect(wrongLevel.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const outside = await review(sites, who.otherCity, applicationId, "CITY");
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", regionCode: "510703" });

    expect((await review(sites, who.county, applicationId, "COUNTY")).errors).toBeUndefined();
    expect((await review(sites, who.county, applicationId, "COUNTY")).errors?.[0]?.extensions?.code).toBe(
      "CONFLICT",
    );
    const document = await sites.execute(
      `mutation($id: ID!) { addApplicationDocument(applicationId: $id, input: { title: "承办协议", kind: "HOST_AGREEMENT", url: "https://docs.example.org/a.pdf", mediaType: "application/pdf" }) { title } }`,
      { id: applicationId },
      who.city,
    );
    expect(document.errors).toBeUndefined();
    const badDocument = await sites.execute(
      `mutation($id: ID!) { addApplicationDocument(applicationId: $id, input: { title: "x", kind: "plan", url: "ftp://x", mediaType: "pdf" }) { title } }`,
      { id: applicationId },
      who.city,
    );
    const fields = ((badDocument.errors?.[0]?.extensions?.fields ?? []) as { field: string }[]).map(
      (entry) => entry.field,
    );
    expect(new Set(fields)).toEqual(new Set(["kind", "url", "mediaType"]));

    const rejected = await review(sites, who.city, applicationId, "CITY", "REJECT");
    expect(rejected.errors).toBeUndefined();
    const approve = await move(siteId, "APPROVED", who.province);
    expect(approve.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      currentStatus: "UNDER_REVIEW",
      requestedStatus: "APPROVED",
      unmet: "the county, the city and the province have approved the application",
    });
    const reject = await move(siteId, "REJECTED", who.city, "The host cannot guarantee the rooms");
    expect(reject.data?.transitionSite.status).toBe("REJECTED");
  });
});

describe("transitionSite", () => {
  it("refuses an illegal step with BAD_USER_INPUT naming the current and the requested status", async () => {
    const siteId = await proposeHome(sites, who);
    const { data, errors } = await move(siteId, "OPEN", who.province);
    expect(data).toBeNull();
    expect(errors?.[0]?.message).toBe("A site that is PROPOSED cannot become OPEN; it can become APPLIED");
    expect(errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      currentStatus: "PROPOSED",
      requestedStatus: "OPEN",
    });
    const direct = await move(siteId, "APPLIED", who.county);
    expect(direct.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      unmet: "an application has been submitted",
    });
  });

  it("keeps approval for the province and the site's region for its officials", async () => {
    const siteId = await approvedByAllLevels(sites, who);
    const byCity = await move(siteId, "APPROVED", who.city);
    expect(byCity.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", minLevel: "PROVINCE" });
    const outside = await move(siteId, "REJECTED", who.otherCity);
    expect(outside.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", regionCode: "510703" });
    const anonymous = await sites.execute(TRANSITION, { id: siteId, to: "APPROVED", reason: "x" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const blank = await move(siteId, "APPROVED", who.province, "  ");
    expect(blank.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const missing = await move("00000000-0000-4000-8000-000000000000", "APPROVED", who.province);
    expect(missing.errors?.[0]?.extensions?.code).toBe("NOT_FOUND");
  });

  it("lets two reviewers approving at once leave exactly one history entry", async () => {
    const siteId = await approvedByAllLevels(sites, who);
    const other = { ...who.province };
    const results = await Promise.all([
      move(siteId, "APPROVED", who.province, "Approved at the provincial meeting"),
      move(siteId, "APPROVED", other, "Approved at the provincial meeting"),
      move(siteId, "APPROVED", who.province, "Approved at the provincial meeting"),
    ]);
    const succeeded = results.filter((result) => !result.errors);
    expect(succeeded).toHaveLength(1);
    for (const failed of results.filter((result) => result.errors)) {
      expect(failed.errors?.[0]?.extensions).toMatchObject({
        code: "BAD_USER_INPUT",
        currentStatus: "APPROVED",
        requestedStatus: "APPROVED",
      });
    }
    const approvals = await sites.database.client.siteTransition.count({
      where: { siteId, toStatus: "APPROVED" },
    });
    expect(approvals).toBe(1);
  });

  it("keeps every move as history: who, when, why, a page at a time", async () => {
    const siteId = await approvedByAllLevels(sites, who);
    expect((await move(siteId, "APPROVED", who.province, "Approved")).errors).toBeUndefined();
    const QUERY = `query($id: ID!, $after: String) { site(id: $id) { history(first: 3, after: $after) { totalCount
      edges { node { fromStatus toStatus actorId actorRoles reason at } } pageInfo { hasNextPage endCursor } } } }`;
    const first = await sites.execute(QUERY, { id: siteId }, who.city);
    expect(first.errors).toBeUndefined();
    const history = first.data?.site.history;
    expect(history.totalCount).toBe(4);
    expect(history.edges.map((edge: { node: { toStatus: string } }) => edge.node.toStatus)).toEqual([
      "PROPOSED",
      "APPLIED",
      "UNDER_REVIEW",
    ]);
    expect(history.edges[0].node).toMatchObject({
      fromStatus: null,
      actorId: "fucheng-officer",
      reason: "Registered",
    });
    expect(history.edges[1].node).toMatchObject({
      fromStatus: "PROPOSED",
      reason: "Application submitted",
      actorRoles: ["COUNTY_OFFICER"],
    });
    const second = await sites.execute(QUERY, { id: siteId, after: history.pageInfo.endCursor }, who.city);
    expect(second.data?.site.history.edges).toEqual([
      {
        node: expect.objectContaining({
          fromStatus: "UNDER_REVIEW",
          toStatus: "APPROVED",
          actorId: "province-admin",
          reason: "Approved",
        }),
      },
    ]);
    expect(second.data?.site.history.pageInfo.hasNextPage).toBe(false);

    const publicView = await sites.execute(
      `query($id: ID!) { site(id: $id) { status history { totalCount } } }`,
      { id: siteId },
    );
    expect(publicView.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("reads the histories of many sites in one query", async () => {
    await proposeHome(sites, who);
    const before = sites.statements();
    const { data, errors } = await sites.execute(
      `{ sites(first: 50) { edges { node { history(first: 2) { edges { node { toStatus } } } } } } }`,
      {},
      who.province,
    );
    expect(errors).toBeUndefined();
    expect(data?.sites.edges.length).toBeGreaterThan(3);
    expect(sites.statements() - before).toBe(2);
  });

  it("reads a page of homes with their life, equipment and assessments in a fixed number of queries", async () => {
    for (let i = 0; i < 3; i++) await proposeHome(sites, who);
    const QUERY = `{ sites(first: 50) { edges { node { nextStatuses hasApplication application { reviews { level } documents { totalCount } }
      history(first: 2) { totalCount } inventory { count } equipmentCompliance { rate missing { item { code } } }
      assessments { totalCount } excellentYears route { totalCount } } } } }`;
    const before = sites.statements();
    const { data, errors } = await sites.execute(QUERY, {}, who.province);
    expect(errors).toBeUndefined();
    const homes = data?.sites.edges.length as number;
    expect(homes).toBeGreaterThan(6);
    // sites; application; history page and count; standard; inventory; assessments page and
    // count; excellent years; reviews; document page and count: the same however many homes.
    expect(sites.statements() - before).toBeLessThanOrEqual(12);
  });
});
