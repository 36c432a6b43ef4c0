import type { GraphQLFormattedError } from "graphql";

export interface GraphQLResponse<Data = Record<string, unknown>> {
  status: number;
  data?: Data | null;
  errors?: GraphQLFormattedError[];
}

/** Sends one GraphQL operation over HTTP, as a client would. */
export async function execute<Data = Record<string, any>>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const response = await fetch(url, {
    method: "POST",
    // As the GraphQL over HTTP specification asks of clients: the status then tells a refused
    // document (400) from an answer (200).
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json;q=0.9",
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, "status">;
  return { status: response.status, ...body };
}

/** Resolves entities through the subgraph's `_entities` field, as the gateway does. */
export function entities<Data = Record<string, any>>(
  url: string,
  representations: Record<string, unknown>[],
  selection: string,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<{ _entities: (Data | null)[] }>> {
  return execute(
    url,
    `query Entities($representations: [_Any!]!) { _entities(representations: $representations) { ${selection} } }`,
    { representations },
    headers,
  );
}

/**
 * Asserts that the only errors of an `_entities` answer are NOT_FOUND for the representations at
 * `indexes` (keys the subgraph has no entity for), and that each of those entities is null.
 */
export function expectNotFoundAt(
  response: Pick<GraphQLResponse<{ _entities: unknown[] }>, "errors"> & {
    data?: { _entities: unknown[] } | null;
  },
  indexes: readonly number[],
): void {
  const found = (response.errors ?? []).map((error) => ({
    path: error.path,
    code: error.extensions?.code,
  }));
  const expected = indexes.map((index) => ({ path: ["_entities", index], code: "NOT_FOUND" }));
  if (JSON.stringify(found) !== JSON.stringify(expected)) {
    throw new Error(
      `expected NOT_FOUND at ${JSON.stringify(indexes)}, got ${JSON.stringify(response.errors)}`,
    );
  }
  for (const index of indexes) {
    if (response.data && response.data._entities[index] !== null)
      throw new Error(`_entities[${index}] is not null`);
  }
}
