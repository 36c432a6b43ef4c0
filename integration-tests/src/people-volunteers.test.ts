import { readFileSync } from "node:fs";
import { composeServices } from "@apollo/composition";
import { campaignsService } from "@lamplight/campaigns/testing";
import { type StartedGraph, startGraph } from "@lamplight/graph-harness";
import { peopleService } from "@lamplight/people/testing";
import { sitesService } from "@lamplight/sites/testing";
import { discoverSubgraphs, findWorkspaceRoot } from "@lamplight/supergraph";
import { bearerHeaders } from "@lamplight/testing";
import { parse } from "graphql";
import { afterAll, beforeAll, expect, it } from "vitest";

// The Volunteer contract between people and campaigns: people owns the volunteer and adds
// serviceMinutes, which @requires the activityMinutes campaigns computes from attendance.
const VOLUNTEER = "e0000000-0000-4000-8000-0000000000f1";
let graph: StartedGraph;

beforeAll(async () => {
  const services = discoverSubgraphs(findWorkspaceRoot())
    .filter((subgraph) => ["sites", "people", "campaigns"].includes(subgraph.name))
    .map((subgraph) => ({
      name: subgraph.name,
      url: subgraph.url,
      typeDefs: parse(readFileSync(subgraph.schemaPath, "utf8")),
    }));
  const composed = composeServices(services);
  expect(composed.errors).toBeUndefined();
  graph = await startGraph([sitesService, peopleService, campaignsService], {
    gateway: { supergraphSdl: composed.supergraphSdl! },
  });
  const people = graph.subgraphs.people!.database.client as any;
  await people.volunteer.create({
    data: {
      id: VOLUNTEER,
      name: "何晓梅",
      kind: "TEACHER",
      status: "ACTIVE",
      regionCode: "510723",
      cityCode: "510700",
      serviceLogs: {
        create: [
          { servedOn: new Date("2026-11-01"), minutes: 75 },
          { servedOn: new Date("2026-11-08"), minutes: 45 },
        ],
      },
    },
  });
});
afterAll(() => graph?.close());

it("adds the campaigns subgraph's activity minutes to the volunteer's own logged service", async () => {
  const { data, errors } = await graph.execute(
    `query($id: ID!) { volunteer(id: $id) { name loggedMinutes activityMinutes serviceMinutes } }`,
    { id: VOLUNTEER },
    await bearerHeaders({ subject: "volunteer", roles: ["VOLUNTEER"], volunteer: VOLUNTEER }),
  );
  expect(errors).toBeUndefined();
  expect(data?.volunteer).toEqual({
    name: "何晓梅",
    loggedMinutes: 120,
    activityMinutes: 0,
    serviceMinutes: 120,
  });
});
