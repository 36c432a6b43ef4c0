import { sitesService } from "@lamplight/sites/testing";
import { identityHeaders, type StartedSubgraph, startSubgraph } from "@lamplight/testing";
import { afterEach, describe, expect, it } from "vitest";

const onPostgres = process.env.DATABASE_URL?.startsWith("postgres") ?? false;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const CREATE_SITE = `mutation($input: CreateSiteInput!) { createSite(input: $input) { id } }`;
const siteInput = (name: string) => ({
  name,
  regionCode: "510722",
  address: "四川省绵阳市三台县",
  hostModel: "FAMILY",
  capacity: 12,
});
const cityAdmin = () => identityHeaders({ subject: "li-wei", roles: ["CITY_ADMIN"], regionScope: "510700" });

let subgraph: StartedSubgraph<Awaited<ReturnType<typeof sitesService.open>>["client"]> | undefined;
afterEach(async () => {
  await subgraph?.close();
  subgraph = undefined;
});

/** Holds the database's connection for `ms`, as one slow request would. */
function holdTheConnection(ms: number): Promise<unknown> {
  const { client } = subgraph!.database;
  return client.$transaction(async (tx) => {
    await tx.$queryRawUnsafe("SELECT 1");
    await sleep(ms);
  });
}

describe.skipIf(onPostgres)("one slow request on the embedded database", () => {
  it("answers others SERVICE_BUSY within the queue's wait instead of hanging", async () => {
    subgraph = await startSubgraph(sitesService, { databaseLimits: { queueMax: 8, queueWaitMs: 300 } });
    const holding = holdTheConnection(2_500);
    await sleep(50);
    const started = Date.now();
    const { status, errors } = await subgraph.execute(`{ sites(first: 3) { edges { node { id } } } }`);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(status).toBe(200);
    expect(errors?.[0]).toMatchObject({
      message: "The service is busy; try again shortly",
      extensions: { code: "SERVICE_BUSY" },
    });
    expect(JSON.stringify(errors)).not.toMatch(/prisma|stack|invocation/i);
    await holding;
    // Once the slow request is done, the subgraph answers again.
    const after = await subgraph.execute(`{ sites(first: 3) { edges { node { id } } } }`);
    expect(after.errors).toBeUndefined();
  });

  it("never runs the statements of a request whose caller gave up while it waited", async () => {
    subgraph = await startSubgraph(sitesService, { databaseLimits: { queueWaitMs: 10_000 } });
    const headers = await cityAdmin();
    const holding = holdTheConnection(1_500);
    await sleep(50);
    const gaveUp = fetch(subgraph.url, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query: CREATE_SITE, variables: { input: siteInput("无人等待之家") } }),
      signal: AbortSignal.timeout(300),
    }).catch((error: Error) => error.name);
    expect(await gaveUp).toBe("TimeoutError");
    await holding;
    // A request that was still waited for goes through; the abandoned one was never written.
    const kept = await subgraph.execute(CREATE_SITE, { input: siteInput("有人等待之家") }, headers);
    expect(kept.errors).toBeUndefined();
    await sleep(200);
    const names = (await subgraph.database.client.site.findMany({ select: { name: true } })).map(
      (s) => s.name,
    );
    expect(names).toContain("有人等待之家");
    expect(names).not.toContain("无人等待之家");
  });
});

describe.runIf(onPostgres)("a statement that runs past PostgreSQL's statement timeout", () => {
  it("is cancelled by the server and answered TIMEOUT, with nothing written", async () => {
    subgraph = await startSubgraph(sitesService, { databaseLimits: { statementTimeoutMs: 400 } });
    const headers = await cityAdmin();
    const created = await subgraph.execute<{ createSite: { id: string } }>(
      CREATE_SITE,
      { input: siteInput("锁住之家") },
      headers,
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createSite.id;
    const { client } = subgraph.database;
    // Another request holds the home's row; the update waits on its lock past the timeout.
    const holding = client.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT id FROM "Site" WHERE id = $1 FOR UPDATE`, id);
      await sleep(2_000);
    });
    await sleep(100);
    const started = Date.now();
    const { errors } = await subgraph.execute(
      `mutation($id: ID!, $input: UpdateSiteInput!) { updateSite(id: $id, input: $input) { name } }`,
      { id, input: { name: "改了名的之家" } },
      headers,
    );
    expect(Date.now() - started).toBeLessThan(1_800);
    expect(errors?.[0]?.extensions?.code).toBe("TIMEOUT");
    await holding;
    const site = await client.site.findUnique({ where: { id }, select: { name: true } });
    expect(site?.name).toBe("锁住之家");
  });
});
