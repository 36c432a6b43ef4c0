import { identityHeaders, type StartedSubgraph } from "@lamplight/testing";
import { expect } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";

/** Test callers: officials of Fucheng District (510703), Mianyang (510700) and the province. */
export async function officials() {
  return {
    province: await identityHeaders({ subject: "province-admin", roles: ["PROVINCE_ADMIN"] }),
    city: await identityHeaders({ subject: "mianyang-admin", roles: ["CITY_ADMIN"], regionScope: "510700" }),
    county: await identityHeaders({
      subject: "fucheng-officer",
      roles: ["COUNTY_OFFICER"],
      regionScope: "510703",
    }),
    otherCity: await identityHeaders({
      subject: "chengdu-admin",
      roles: ["CITY_ADMIN"],
      regionScope: "510100",
    }),
  };
}
export type Officials = Awaited<ReturnType<typeof officials>>;

export const APPLICANT = "5b0c2f8e-3f7a-4d42-9a4b-0d3c5e1f2a10";

/** Proposes a home in Fucheng District and returns its id. */
export async function proposeHome(
  sites: StartedSubgraph<PrismaClient>,
  who: Officials,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = who.county,
): Promise<string> {
  const { data, errors } = await sites.execute(
    `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
    {
      input: {
        name: "松林村留守学生之家",
        regionCode: "510703",
        address: "四川省绵阳市涪城区松林镇松林村",
        hostModel: "VILLAGE_COMMITTEE",
        capacity: 40,
        ...overrides,
      },
    },
    headers,
  );
  expect(errors).toBeUndefined();
  return data?.createSite.id as string;
}

export const TRANSITION = /* GraphQL */ `
  mutation Move($id: ID!, $to: SiteStatus!, $reason: String!) {
    transitionSite(id: $id, input: { to: $to, reason: $reason }) { id status openedOn }
  }
`;

/** Submits the application of a proposed home, and returns the application's id. */
export async function apply(
  sites: StartedSubgraph<PrismaClient>,
  who: Officials,
  siteId: string,
): Promise<string> {
  const { data, errors } = await sites.execute(
    `mutation($siteId: ID!, $input: SubmitApplicationInput!) { submitApplication(siteId: $siteId, input: $input) { id } }`,
    {
      siteId,
      input: {
        applicantOrganisationId: APPLICANT,
        hostModel: "SCHOOL",
        proposedAddress: "四川省绵阳市涪城区松林镇中心小学",
        proposedLocation: { latitude: 31.47, longitude: 104.68 },
        proposedCapacity: 60,
        documents: [
          {
            title: "场地平面图",
            kind: "SITE_PLAN",
            url: "https://docs.example.org/songlin/plan.pdf",
            mediaType: "application/pdf",
            sizeBytes: 482133,
          },
        ],
      },
    },
    who.county,
  );
  expect(errors).toBeUndefined();
  return data?.submitApplication.id as string;
}

/** Records a review at a level. */
export async function review(
  sites: StartedSubgraph<PrismaClient>,
  headers: Record<string, string>,
  applicationId: string,
  level: string,
  decision = "APPROVE",
) {
  return sites.execute(
    `mutation($id: ID!, $input: ReviewApplicationInput!) { reviewApplication(applicationId: $id, input: $input) { level decision } }`,
    { id: applicationId, input: { level, decision, comments: `${level} review: site and host checked` } },
    headers,
  );
}

/** Walks a proposed home through application and the three reviews to UNDER_REVIEW with all approvals. */
export async function approvedByAllLevels(
  sites: StartedSubgraph<PrismaClient>,
  who: Officials,
): Promise<string> {
  const siteId = await proposeHome(sites, who);
  const applicationId = await apply(sites, who, siteId);
  expect(
    (await sites.execute(TRANSITION, { id: siteId, to: "UNDER_REVIEW", reason: "Complete" }, who.county))
      .errors,
  ).toBeUndefined();
  for (const [level, headers] of [
    ["COUNTY", who.county],
    ["CITY", who.city],
    ["PROVINCE", who.province],
  ] as const) {
    expect((await review(sites, headers, applicationId, level)).errors).toBeUndefined();
  }
  return siteId;
}

/** Puts a home straight into a status, with a location, for tests of what happens there. */
export async function homeIn(
  sites: StartedSubgraph<PrismaClient>,
  who: Officials,
  status: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  return proposeHome(
    sites,
    who,
    { status, location: { latitude: 31.46, longitude: 104.7 }, ...overrides },
    who.province,
  );
}
