export {
  GATEWAY_PORT,
  type GeneratedSubgraph,
  type GenerateOptions,
  GeneratorInputError,
  generateSubgraph,
  planSubgraph,
  SUBGRAPH_TABLES_LINK,
  type SubgraphOptions,
  type SubgraphPlan,
} from "./subgraph.js";
