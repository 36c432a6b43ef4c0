import { createLogger } from "@lamplight/platform";
import { Field, ID, ObjectType, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { buildFederatedSchema } from "./federation.js";
import { createSubgraphServer } from "./subgraph-server.js";

@ObjectType("Beacon")
class Beacon {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => Beacon)
class BeaconResolver {
  @Query(() => Beacon, { nullable: true })
  beacon(): Beacon | null {
    return null;
  }
}

describe("a subgraph server's background tasks", () => {
  it("start once it listens and stop, awaited, before the database closes", async () => {
    const steps: string[] = [];
    const server = createSubgraphServer({
      name: "beacons",
      schema: await buildFederatedSchema({ resolvers: [BeaconResolver] }),
      logger: createLogger("beacons", "silent"),
      context: (base) => base,
      identityKey: new Uint8Array(32),
      database: {
        ping: async () => {},
        close: async () => {
          steps.push("database closed");
        },
        statements: { total: 0 },
      },
      background: [
        {
          start: () => steps.push("started"),
          stop: async () => {
            await new Promise((resolve) => setTimeout(resolve, 20));
            steps.push("stopped");
          },
        },
      ],
    });
    expect(steps).toEqual([]);
    const running = await server.listen(0, "127.0.0.1");
    expect(steps).toEqual(["started"]);
    await running.close();
    expect(steps).toEqual(["started", "stopped", "database closed"]);
  });
});
