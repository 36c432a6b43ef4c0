import {
  announceSites,
  entities,
  identityHeaders,
  type StartedSubgraph,
  startSubgraph,
} from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { campaignsService } from "../../testing.js";
import { createActivity, FIXTURE_HOMES, HOME_A, HOME_B, YANTING } from "../activity/activity.fixtures.js";

const CREATE = /* GraphQL */ `
  mutation($input: CreateAwardSelectionInput!) { createAwardSelection(input: $input) { id status } }
`;
const NOMINATE = /* GraphQL */ `
  mutation($input: NominateInput!) { nominate(input: $input) { id nomineeKind } }
`;
const SCORE = /* GraphQL */ `
  mutation($input: ScoreNominationInput!) { scoreNomination(input: $input) { id score reviewer } }
`;

const HOME_D = "a0000000-0000-4000-8000-000000000004";
const PARTNER_ORG = "0a000000-0000-4000-8000-000000000001";

let campaigns: StartedSubgraph<PrismaClient>;
let admin: Record<string, string>;

beforeAll(async () => {
  campaigns = await startSubgraph(campaignsService);
  await announceSites(campaigns, [...FIXTURE_HOMES, { id: HOME_D, countyCode: YANTING }]);
  admin = await identityHeaders({ subject: "admin", roles: ["PROVINCE_ADMIN"] });
  // The homes become known to this subgraph (in Yanting) through their activities.
  await createActivity(campaigns, { homeIds: [HOME_A, HOME_B, HOME_D] });
});
afterAll(() => campaigns?.close());

describe("an excellent-homes selection", () => {
  it("takes nominations with reasons, panel scores without conflicts of interest, and publishes the winners", async () => {
    const created = await campaigns.execute(
      CREATE,
      {
        input: {
          year: 2026,
          category: "EXCELLENT_HOME",
          title: "2026年度优秀留守学生之家",
          panel: ["expert-1", "expert-2", "manager-a", "yanting"],
          winnerCount: 2,
        },
      },
      admin,
    );
    expect(created.errors).toBeUndefined();
    const selectionId = created.data?.createAwardSelection.id;

    const yanting = await identityHeaders({
      subject: "yanting",
      roles: ["COUNTY_OFFICER"],
      regionScope: YANTING,
    });
    const managerA = await identityHeaders({
      subject: "manager-a",
      roles: ["SITE_MANAGER"],
      siteIds: [HOME_A],
    });
    const nominate = (siteId: string, headers: Record<string, string>) =>
      campaigns.execute(
        NOMINATE,
        { input: { selectionId, nomineeKind: "HOME", siteId, reason: "常年开展活动，孩子们每周都来读书。" } },
        headers,
      );
    const a = (await nominate(HOME_A, managerA)).data?.nominate.id;
    const b = (await nominate(HOME_B, yanting)).data?.nominate.id;
    const d = (await nominate(HOME_D, yanting)).data?.nominate.id;
    expect([a, b, d].every(Boolean)).toBe(true);
    // A site manager nominates only their own home; a home once; a student is no home.
    expect((await nominate(HOME_B, managerA)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await nominate(HOME_A, yanting)).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const wrongKind = await campaigns.execute(
      NOMINATE,
      {
        input: {
          selectionId,
          nomineeKind: "STUDENT",
          studentId: HOME_A,
          siteId: HOME_A,
          reason: "自强自立，成绩优秀。",
        },
      },
      yanting,
    );
    expect(wrongKind.errors?.[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "input.nomineeKind",
    });

    const score = (nominationId: string, value: number, headers: Record<string, string>) =>
      campaigns.execute(SCORE, { input: { nominationId, score: value } }, headers);
    const expert1 = await identityHeaders({ subject: "expert-1", roles: ["VOLUNTEER"] });
    const expert2 = await identityHeaders({
      subject: "expert-2",
      roles: ["VOLUNTEER"],
      organisationId: PARTNER_ORG,
    });
    // No scores before the review starts.
    expect((await score(a, 9, expert1)).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    const review = await campaigns.execute(
      `mutation($id: ID!) { startAwardReview(id: $id) { status } }`,
      { id: selectionId },
      admin,
    );
    expect(review.data?.startAwardReview.status).toBe("REVIEWING");

    expect((await score(a, 9, expert1)).errors).toBeUndefined();
    expect((await score(b, 7, expert1)).errors).toBeUndefined();
    expect((await score(d, 6, expert1)).errors).toBeUndefined();
    expect((await score(a, 8, expert2)).errors).toBeUndefined();
    expect((await score(d, 10, expert2)).errors).toBeUndefined();
    expect((await score(b, 6, managerA)).errors).toBeUndefined();
    // Conflicts of interest: one's own home, one's own nomination; and no second score.
    const ownHome = await score(a, 10, managerA);
    expect(ownHome.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      reason: "CONFLICT_OF_INTEREST",
    });
    const ownNomination = await score(b, 10, yanting);
    expect(ownNomination.errors?.[0]?.extensions).toMatchObject({
      code: "FORBIDDEN",
      reason: "CONFLICT_OF_INTEREST",
    });
    expect((await score(a, 1, expert1)).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    // Not on the panel.
    const outsider = await identityHeaders({
      subject: "someone",
      roles: ["CITY_ADMIN"],
      regionScope: "510700",
    });
    expect((await score(a, 10, outsider)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");

    // The public sees no nominations; the panel does, with their scores.
    const hidden = await campaigns.execute(
      `query($id: ID!) { awardSelection(id: $id) { nominations { totalCount } } }`,
      { id: selectionId },
    );
    expect(hidden.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    const seen = await campaigns.execute(
      `query($id: ID!) { awardSelection(id: $id) { nominations { edges { node { id reason scores { reviews average } } } } } }`,
      { id: selectionId },
      expert1,
    );
    expect(
      seen.data?.awardSelection.nominations.edges.map((e: { node: { scores: unknown } }) => e.node.scores),
    ).toEqual([
      { reviews: 2, average: 8.5 },
      { reviews: 2, average: 6.5 },
      { reviews: 2, average: 8 },
    ]);

    // Publishing twice at once publishes once.
    const PUBLISH = `mutation($id: ID!) { publishAwardSelection(id: $id) { status } }`;
    const published = await Promise.all(
      [1, 2].map(() => campaigns.execute(PUBLISH, { id: selectionId }, admin)),
    );
    expect(published.filter((result) => result.errors === undefined)).toHaveLength(1);
    const winners = await campaigns.execute(
      `query($id: ID!) { awardSelection(id: $id) { status winners { edges { node { rank site { id } } } } } }`,
      { id: selectionId },
    );
    expect(winners.data?.awardSelection.winners.edges.map((e: { node: unknown }) => e.node)).toEqual([
      { rank: 1, site: { id: HOME_A } },
      { rank: 2, site: { id: HOME_D } },
    ]);

    // A winning home shows its award to the funding subgraph (through the gateway), in one statement.
    const before = campaigns.statements();
    const { data, errors } = await entities(
      campaigns.url,
      [HOME_A, HOME_B, HOME_D].map((id) => ({ __typename: "Site", id })),
      "... on Site { awards { edges { node { year category rank } } } }",
    );
    expect(errors).toBeUndefined();
    expect(campaigns.statements() - before).toBe(1);
    expect(data?._entities.map((site) => site?.awards.edges.map((e: { node: unknown }) => e.node))).toEqual([
      [{ year: 2026, category: "EXCELLENT_HOME", rank: 1 }],
      [],
      [{ year: 2026, category: "EXCELLENT_HOME", rank: 2 }],
    ]);
  });

  it("lets only province admins (and city admins, for their city) run selections", async () => {
    const input = { year: 2027, category: "CARING_STAR", title: "关爱之星", panel: ["x"], winnerCount: 10 };
    const city = await identityHeaders({ roles: ["CITY_ADMIN"], regionScope: "510700" });
    expect((await campaigns.execute(CREATE, { input }, city)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect(
      (await campaigns.execute(CREATE, { input: { ...input, regionCode: "510700" } }, city)).errors,
    ).toBeUndefined();
    const officer = await identityHeaders({ roles: ["COUNTY_OFFICER"], regionScope: YANTING });
    expect((await campaigns.execute(CREATE, { input }, officer)).errors?.[0]?.extensions?.code).toBe(
      "FORBIDDEN",
    );
    expect((await campaigns.execute(CREATE, { input }, admin)).errors).toBeUndefined();
    expect((await campaigns.execute(CREATE, { input }, admin)).errors?.[0]?.extensions?.code).toBe(
      "CONFLICT",
    );
  });
});
