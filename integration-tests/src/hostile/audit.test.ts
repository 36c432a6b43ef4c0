import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { bearerHeaders, execute, identityHeaders } from "@lamplight/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Refused changes leave an entry naming the record they were aimed at, whatever the argument
// holding its id is called and however the mutation was refused.

const VOLUNTEER = "e2000000-0000-4000-8000-000000000001";

let graph: StartedGraph;
let home: string;
let child: string;
let caller = 0;

const admin = () => bearerHeaders({ subject: "audit-province", roles: ["PROVINCE_ADMIN"] });

/** A Chengdu city admin of their own: their subject finds exactly their entries. */
async function chengduAdmin() {
  caller += 1;
  const subject = `audit-chengdu-${caller}`;
  return { subject, headers: await bearerHeaders({ subject, roles: ["CITY_ADMIN"], region: "510100" }) };
}

/** The entries a subgraph's log holds for one actor, as a province admin lists them. */
async function entriesOf(log: "peopleAuditLog" | "sitesAuditLog", actorId: string) {
  const { data, errors } = await graph.execute(
    `query($filter: AuditFilter) { ${log}(filter: $filter, first: 20) { edges { node { operation entity entityId outcome fields } } } }`,
    { filter: { actorId } },
    await admin(),
  );
  expect(errors).toBeUndefined();
  const edges = (data?.[log]?.edges ?? []) as { node: Record<string, unknown> }[];
  return edges.map((edge) => edge.node);
}

beforeAll(async () => {
  graph = await startGraph([sitesService, peopleService]);
  const headers = await admin();
  const site = await graph.execute(
    `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`,
    {
      input: {
        name: "涪城区审计之家",
        regionCode: "510703",
        address: "四川省",
        hostModel: "SCHOOL",
        capacity: 40,
        status: "OPEN",
      },
    },
    headers,
  );
  expect(site.errors).toBeUndefined();
  home = site.data?.createSite.id;
  // People hears of the home from sites before a child is registered there.
  await graph.settled();
  const created = await graph.execute(
    `mutation($input: CreateStudentInput!) { createStudent(input: $input) { id } }`,
    {
      input: {
        name: "李小雨",
        gender: "FEMALE",
        birthDate: "2016-05-04",
        regionCode: "510703",
        siteId: home,
        grade: 4,
        guardianName: "李奶奶",
        guardianRelationship: "GRANDPARENT",
      },
    },
    headers,
  );
  expect(created.errors).toBeUndefined();
  child = created.data?.createStudent.id;
});
afterAll(() => graph?.close());

describe("a refused mutation's audit entry", () => {
  it.each([
    [
      "updateConsent(studentId)",
      `mutation($id: ID!) { updateConsent(studentId: $id, input: { sharePartners: true, photos: true, statistics: false }) { id } }`,
    ],
    [
      "addGuardian(studentId)",
      `mutation($id: ID!) { addGuardian(studentId: $id, input: { name: "李爷爷", relationship: GRANDPARENT }) { id } }`,
    ],
    [
      "recordCare(input.studentId)",
      `mutation($id: ID!) { recordCare(input: { studentId: $id, kind: VISIT, happenedOn: "2026-10-01", notes: "家访" }) { id } }`,
    ],
  ])("names the child for %s", async (_mutation, document) => {
    const { subject, headers } = await chengduAdmin();
    const { errors } = await graph.execute(document, { id: child }, headers);
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await entriesOf("peopleAuditLog", subject)).toEqual([
      expect.objectContaining({ entity: "Student", entityId: child, outcome: "FAILED" }),
    ]);
  });

  it("names every record an input names: the child and the volunteer of a pairing", async () => {
    const { subject, headers } = await chengduAdmin();
    const { errors } = await graph.execute(
      `mutation($input: PairVolunteerInput!) { pairVolunteer(input: $input) { id } }`,
      { input: { volunteerId: VOLUNTEER, studentId: child, reason: "需要陪伴" } },
      headers,
    );
    expect(errors?.[0]?.extensions?.code).toBeDefined();
    const entries = await entriesOf("peopleAuditLog", subject);
    expect(entries).toHaveLength(2);
    expect(entries).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ operation: "pairVolunteer", entity: "Student", entityId: child }),
        expect.objectContaining({ operation: "pairVolunteer", entity: "Volunteer", entityId: VOLUNTEER }),
      ]),
    );
  });

  it("names a home refused at sites by its id", async () => {
    const { subject, headers } = await chengduAdmin();
    const { errors } = await graph.execute(
      `mutation($id: ID!) { updateSite(id: $id, input: { capacity: 50 }) { id } }`,
      { id: home },
      headers,
    );
    expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await entriesOf("sitesAuditLog", subject)).toEqual([
      expect.objectContaining({ operation: "updateSite", entity: "Site", entityId: home, outcome: "FAILED" }),
    ]);
  });
});

describe("a mutation refused at argument validation", () => {
  it("is audited, naming its target, when class-validator refuses its input (BAD_USER_INPUT)", async () => {
    const subject = "audit-mianyang-clerk";
    const headers = await bearerHeaders({ subject, roles: ["CITY_ADMIN"], region: "510700" });
    const { errors } = await graph.execute(
      `mutation($id: ID!) { addGuardian(studentId: $id, input: { name: "", relationship: GRANDPARENT }) { id } }`,
      { id: child },
      headers,
    );
    expect(errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(await entriesOf("peopleAuditLog", subject)).toEqual([
      expect.objectContaining({
        operation: "addGuardian",
        entity: "Student",
        entityId: child,
        outcome: "FAILED",
        fields: ["livesWithChild", "name", "relationship"],
      }),
    ]);
  });

  it("is audited when the subgraph refuses the document itself, arguments that do not even coerce", async () => {
    // Sent to the subgraph directly, as anyone holding a signed identity could: the gateway would
    // refuse this document before any subgraph saw it.
    const subject = "audit-direct-caller";
    const headers = await identityHeaders({ subject, roles: ["CITY_ADMIN"], regionScope: "510100" });
    const { errors } = await execute(
      graph.subgraphs.people!.url,
      `mutation($id: ID!) { updateConsent(studentId: $id, input: { sharePartners: "yes", photos: true, statistics: true }) { id } }`,
      { id: child },
      headers,
    );
    expect(errors?.length).toBeGreaterThan(0);
    expect(await entriesOf("peopleAuditLog", subject)).toEqual([
      expect.objectContaining({
        operation: "updateConsent",
        entity: "Student",
        entityId: child,
        outcome: "FAILED",
      }),
    ]);
  });
});
