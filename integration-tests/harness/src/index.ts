export { type StartedGraph, startGraph } from "./graph.js";
