import { defineConfig } from "@graphql-hive/gateway";

// Hive Gateway as the benchmark's reference: the same supergraph and subgraphs as Lamplight's
// gateway. It does not know Lamplight's tokens, so the benchmark sends it the signed identity
// header our gateway would have made, and Hive forwards it to every subgraph.
export const gatewayConfig = defineConfig({
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const identity = request.headers.get("x-lamplight-identity");
      return identity ? { "x-lamplight-identity": identity } : {};
    },
  },
  logging: "warn",
});
