import { DEFAULT_SUPPRESSION_THRESHOLD } from "@lamplight/subgraph-kit";
import { entities, identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { peopleService } from "../../testing.js";

const THRESHOLD = DEFAULT_SUPPRESSION_THRESHOLD;
const PROVINCE = "510000";
const MIANYANG = "510700";
const FUCHENG = "510703";
const YANTING = "510723";
const CHENGDU = "510100";
const JINJIANG = "510104";
const YANTING_SMALL_HOME = "a1000000-0000-4000-8000-000000000001";
const YANTING_BIG_HOME = "a1000000-0000-4000-8000-000000000002";
const JINJIANG_HOME = "a1000000-0000-4000-8000-000000000003";

// Who lives where: [county, home, children who consented to statistics, children who did not].
// Every consenting child of Fucheng and of Yanting's big home has a psychological need.
const CHILDREN: [string, string | null, number, number][] = [
  [YANTING, YANTING_SMALL_HOME, 3, 1],
  [YANTING, YANTING_BIG_HOME, 12, 0],
  [FUCHENG, null, 3, 0],
  [JINJIANG, JINJIANG_HOME, 7, 0],
  [JINJIANG, null, 2, 0],
];
const consenting = (where: (county: string, home: string | null) => boolean) =>
  CHILDREN.filter(([county, home]) => where(county, home)).reduce((sum, [, , yes]) => sum + yes, 0);

/** The true consenting count of each figure, and the relations someone could subtract along. */
const TRUE: Record<string, number> = {
  [PROVINCE]: consenting(() => true),
  [MIANYANG]: consenting((county) => county.startsWith("5107")),
  [CHENGDU]: consenting((county) => county.startsWith("5101")),
  [FUCHENG]: consenting((county) => county === FUCHENG),
  [YANTING]: consenting((county) => county === YANTING),
  [JINJIANG]: consenting((county) => county === JINJIANG),
  [YANTING_SMALL_HOME]: 3,
  [YANTING_BIG_HOME]: 12,
  [JINJIANG_HOME]: 7,
};
const GROUPS = [
  { total: PROVINCE, parts: [MIANYANG, CHENGDU], exhaustive: true },
  { total: MIANYANG, parts: [FUCHENG, YANTING], exhaustive: true },
  { total: CHENGDU, parts: [JINJIANG], exhaustive: true },
  // A county is at least its homes: the rest attend none.
  { total: YANTING, parts: [YANTING_SMALL_HOME, YANTING_BIG_HOME], exhaustive: false },
  { total: JINJIANG, parts: [JINJIANG_HOME], exhaustive: false },
];
const REGIONS = [PROVINCE, MIANYANG, CHENGDU, FUCHENG, YANTING, JINJIANG];
const HOMES = [YANTING_SMALL_HOME, YANTING_BIG_HOME, JINJIANG_HOME];

let people: StartedSubgraph<PrismaClient>;

beforeAll(async () => {
  people = await startSubgraph(peopleService);
  let index = 0;
  for (const [county, home, yes, no] of CHILDREN) {
    for (let child = 0; child < yes + no; child += 1) {
      index += 1;
      const id = `f1000000-0000-4000-8000-${String(index).padStart(12, "0")}`;
      const needy = child < yes && (county === FUCHENG || home === YANTING_BIG_HOME);
      await people.database.client.student.create({
        data: {
          id,
          name: `数童${index}`,
          gender: "FEMALE",
          birthDate: new Date("2016-01-01"),
          regionCode: county,
          cityCode: `${county.slice(0, 4)}00`,
          siteId: home,
          grade: 3,
          guardianName: "监护人",
          guardianRelationship: "GRANDPARENT",
          consentStatistics: child < yes,
          ...(needy
            ? {
                needs: {
                  create: [{ category: "PSYCHOLOGICAL", level: "LOW", assessedOn: new Date("2026-05-01") }],
                },
              }
            : {}),
        },
      });
    }
  }
});
afterAll(() => people?.close());

/** Every figure of the table as `who` sees it: regions and homes in one request. */
async function figures(who: Record<string, unknown> | null) {
  const headers = who ? await identityHeaders(who) : {};
  const regions = await entities<{
    childrenCount: number | null;
    childrenByNeed: { category: string; count: number | null }[];
  }>(
    people.url,
    REGIONS.map((code) => ({ __typename: "Region", code })),
    "... on Region { childrenCount childrenByNeed { category count } }",
    headers,
  );
  const homes = await entities<{ childrenCount: number | null }>(
    people.url,
    HOMES.map((id) => ({ __typename: "Site", id })),
    "... on Site { childrenCount }",
    headers,
  );
  expect(regions.errors).toBeUndefined();
  expect(homes.errors).toBeUndefined();
  const shown: Record<string, number | null> = {};
  const needs: Record<string, number | null> = {};
  REGIONS.forEach((code, at) => {
    shown[code] = regions.data!._entities[at]!.childrenCount;
    needs[code] = regions.data!._entities[at]!.childrenByNeed.find(
      (n) => n.category === "PSYCHOLOGICAL",
    )!.count;
  });
  HOMES.forEach((id, at) => {
    shown[id] = homes.data!._entities[at]!.childrenCount;
  });
  return { shown, needs };
}

/**
 * What repeated subtraction gives away: for every relation whose total is known, the total minus
 * its known parts is what the withheld parts (and, for a county, the children attending no home)
 * add up to. A figure that this pins to one value becomes known and is used in turn. Returns every
 * small figure so worked out, and every remainder that is a small count.
 */
function derivable(shown: Record<string, number | null>, groups: typeof GROUPS): string[] {
  const known = { ...shown };
  const found = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const group of groups) {
      const withheld = group.parts.filter((part) => known[part] === null);
      const total = known[group.total];
      if (total === null || total === undefined) {
        if (group.exhaustive && withheld.length === 0) {
          known[group.total] = group.parts.reduce((sum, part) => sum + known[part]!, 0);
          changed = true;
        }
        continue;
      }
      const rest = group.parts.reduce((sum, part) => sum - (known[part] ?? 0), total);
      if (rest > 0 && rest < THRESHOLD) found.add(`${group.total} minus its known parts leaves ${rest}`);
      // Each withheld figure is at least 1; the children of a county attending no home at least 0.
      if (withheld.length === 1 && group.exhaustive) {
        known[withheld[0]!] = rest;
        changed = true;
      }
      if (withheld.length > 1 && rest === withheld.length && group.exhaustive) {
        for (const part of withheld) known[part] = 1;
        changed = true;
      }
    }
  }
  for (const [key, value] of Object.entries(known)) {
    if (shown[key] === null && value !== null && value! > 0 && value! < THRESHOLD)
      found.add(`${key} = ${value}`);
  }
  return [...found];
}

describe("published figures of children", () => {
  const publicRule = {
    "the anonymous public": null,
    "a partner": { kind: "partner" as const, roles: ["PARTNER"], scopes: ["read:people"] },
    "a province-wide finance officer": { roles: ["FINANCE_OFFICER"], regionScope: PROVINCE },
    "a volunteer": { roles: ["VOLUNTEER"], volunteerId: "e1000000-0000-4000-8000-000000000001" },
    "a site manager of another home": {
      roles: ["SITE_MANAGER"],
      siteIds: ["a1000000-0000-4000-8000-000000000009"],
    },
  };

  it.each(Object.entries(publicRule))("cannot be subtracted to a withheld one, for %s", async (_who, who) => {
    const { shown, needs } = await figures(who);
    const ownHomes = (who as { siteIds?: string[] } | null)?.siteIds ?? [];
    // What is shown is the true consenting count; small ones are withheld.
    for (const [key, value] of Object.entries(shown)) {
      if (value !== null && !ownHomes.includes(key)) expect(value, key).toBe(TRUE[key]);
      if (TRUE[key]! > 0 && TRUE[key]! < THRESHOLD && !ownHomes.includes(key)) expect(value, key).toBeNull();
    }
    expect(derivable(shown, GROUPS)).toEqual([]);
    expect(
      derivable(
        needs,
        GROUPS.filter((group) => REGIONS.includes(group.parts[0]!)),
      ),
    ).toEqual([]);
    // Without complements, Yanting's 15 would give Fucheng's 3 away (18 − 15), and the Jinjiang
    // home's 7 the two Jinjiang children who attend no home (9 − 7).
    expect(shown[PROVINCE]).toBe(27);
  });

  it("are the published ones for staff outside the children's region, whatever their role", async () => {
    const chengdu = await figures({ roles: ["CITY_ADMIN"], regionScope: CHENGDU });
    // The Yanting home's three (and the child without consent) are not a Chengdu admin's to see.
    expect(chengdu.shown[YANTING_SMALL_HOME]).toBeNull();
    expect(chengdu.shown[YANTING]).toBeNull();
    // ...while their own city is exact, the home and the children who attend none included.
    expect(chengdu.shown[JINJIANG_HOME]).toBe(7);
    expect(chengdu.shown[JINJIANG]).toBe(9);
    expect(chengdu.shown[CHENGDU]).toBe(9);
    // Knowing Chengdu's figures exactly opens nothing of Mianyang's.
    const outsideChengdu = GROUPS.filter((group) => ![CHENGDU, JINJIANG].includes(group.total));
    expect(derivable(chengdu.shown, outsideChengdu)).toEqual([]);
  });

  it("do not open a neighbour's withheld figure to staff who know their own exactly", async () => {
    // Fucheng's officer knows Fucheng's 3: Mianyang minus Fucheng must not give Yanting's homes away.
    const fucheng = await figures({ roles: ["COUNTY_OFFICER"], regionScope: FUCHENG });
    expect(fucheng.shown[FUCHENG]).toBe(3);
    expect(fucheng.shown[YANTING_SMALL_HOME]).toBeNull();
    expect(
      derivable(
        fucheng.shown,
        GROUPS.filter((group) => group.total !== FUCHENG),
      ),
    ).toEqual([]);
    // The Jinjiang home's manager knows its 7: Jinjiang minus 7 must not give the two who attend no home away.
    const manager = await figures({ roles: ["SITE_MANAGER"], siteIds: [JINJIANG_HOME] });
    expect(manager.shown[JINJIANG_HOME]).toBe(7);
    expect(derivable(manager.shown, GROUPS)).toEqual([]);
  });

  it("are exact, every child counted, for whoever may see every child counted", async () => {
    const mianyang = await figures({ roles: ["CITY_ADMIN"], regionScope: MIANYANG });
    expect(mianyang.shown).toMatchObject({
      [MIANYANG]: 19,
      [YANTING]: 16,
      [FUCHENG]: 3,
      [YANTING_SMALL_HOME]: 4,
      [YANTING_BIG_HOME]: 12,
      // Neither Chengdu's home nor the whole province is theirs: published.
      [JINJIANG_HOME]: null,
      [PROVINCE]: 27,
    });
    expect(mianyang.needs[YANTING]).toBe(12);

    const manager = await figures({ roles: ["SITE_MANAGER"], siteIds: [YANTING_SMALL_HOME] });
    expect(manager.shown[YANTING_SMALL_HOME]).toBe(4);
    expect(manager.shown[YANTING]).toBeNull();

    const admin = await figures({ roles: ["PROVINCE_ADMIN"] });
    expect(admin.shown).toMatchObject({ [PROVINCE]: 28, [YANTING_SMALL_HOME]: 4, [JINJIANG_HOME]: 7 });
  });
});
