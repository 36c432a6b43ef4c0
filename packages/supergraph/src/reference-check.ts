/**
 * Walks every subgraph's references listing through the gateway (`<subgraph>References`, made by
 * subgraph-kit's createReferencesListingResolver) and reports, per subgraph and entity, how many
 * distinct records were named and which of them their owner does not know. It reads the composed
 * graph, as any client would: here, beside the composition it checks, for `pnpm seed:check` and
 * the composed-graph tests alike.
 */

/**
 * The field selected of every referenced entity so that the gateway asks its owner for it (a bare
 * `id` is answered from the reference itself): when the record was created says nothing about a
 * child or an adult, and people does not audit it (only personal fields are).
 */
export const OWNED_FIELD = "createdAt";

export interface ReferenceCheckOptions {
  /** The gateway's GraphQL endpoint. */
  url: string;
  /** A province admin's credentials, e.g. `{ authorization: "Bearer …" }`. */
  headers: Record<string, string>;
  /** Entities walked at the same time (each one's pages one after another); 2 by default. */
  concurrency?: number;
  /** Dangling ids kept per entity as examples; 5 by default. */
  examples?: number;
  /** Ids per page; the listing's default (500) when not given. */
  pageSize?: number;
  /** Only these subgraphs' listings; every one when not given. */
  subgraphs?: readonly string[];
}

export interface ReferenceCheckRow {
  subgraph: string;
  /** The listing's field: `students`. */
  entity: string;
  /** The entity's type: `Student`. */
  type: string;
  /** Distinct records named. */
  references: number;
  dangling: number;
  /** The first dangling ids, in id order. */
  examples: string[];
}

interface GraphQLError {
  message: string;
  path?: ReadonlyArray<string | number>;
  extensions?: Record<string, unknown>;
}

interface Listing {
  subgraph: string;
  queryField: string;
  entity: string;
  type: string;
}

async function post<Data>(
  options: ReferenceCheckOptions,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<{ data?: Data | null; errors?: GraphQLError[] }> {
  const response = await fetch(options.url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/graphql-response+json, application/json;q=0.9",
      ...options.headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  let body: { data?: Data | null; errors?: GraphQLError[] };
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${options.url} answered ${response.status}: ${text.slice(0, 200)}`);
  }
  if (!response.ok && !body.data) {
    throw new Error(
      `${options.url} answered ${response.status}: ${(body.errors ?? []).map((error) => error.message).join("; ")}`,
    );
  }
  return body;
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

const TYPE_REF = "kind name ofType { kind name ofType { kind name ofType { kind name } } }";

function namedType(type: TypeRef): string {
  let current: TypeRef | null = type;
  while (current && !current.name) current = current.ofType;
  return current?.name ?? "";
}

/** Every `<subgraph>References` field of the graph and the entities each lists, from introspection. */
export async function discoverListings(options: ReferenceCheckOptions): Promise<Listing[]> {
  const { data, errors } = await post<{
    __schema: {
      queryType: { fields: Array<{ name: string; type: TypeRef }> };
      types: Array<{ name: string; fields: Array<{ name: string; type: TypeRef }> | null }>;
    };
  }>(
    options,
    `{ __schema { queryType { fields { name type { ${TYPE_REF} } } } types { name fields { name type { ${TYPE_REF} } } } } }`,
  );
  if (errors?.length || !data) {
    throw new Error(`introspection failed: ${(errors ?? []).map((error) => error.message).join("; ")}`);
  }
  const types = new Map(data.__schema.types.map((type) => [type.name, type.fields ?? []]));
  const listings: Listing[] = [];
  for (const field of data.__schema.queryType.fields) {
    const match = /^([a-z][A-Za-z0-9]*)References$/.exec(field.name);
    if (!match) continue;
    for (const entity of types.get(namedType(field.type)) ?? []) {
      const nodes = (types.get(namedType(entity.type)) ?? []).find((pageField) => pageField.name === "nodes");
      if (!nodes) continue;
      const type = namedType(nodes.type);
      if (!(types.get(type) ?? []).some((typeField) => typeField.name === OWNED_FIELD)) {
        throw new Error(`${type} has no ${OWNED_FIELD}: the check cannot ask its owner for it`);
      }
      listings.push({ subgraph: match[1]!, queryField: field.name, entity: entity.name, type });
    }
  }
  return listings;
}

interface Page {
  ids: string[];
  nodes: Array<Record<string, unknown> | null>;
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Reads one entity's listing page by page; a null node with NOT_FOUND at its path is a dangling id. */
async function checkListing(options: ReferenceCheckOptions, listing: Listing): Promise<ReferenceCheckRow> {
  const keep = options.examples ?? 5;
  const first = options.pageSize === undefined ? "" : `first: ${Math.trunc(options.pageSize)}, `;
  const query = `query ReferenceCheck($after: ID) { ${listing.queryField} { ${listing.entity}(${first}after: $after) { ids endCursor hasNextPage nodes { ${OWNED_FIELD} } } } }`;
  const row: ReferenceCheckRow = {
    subgraph: listing.subgraph,
    entity: listing.entity,
    type: listing.type,
    references: 0,
    dangling: 0,
    examples: [],
  };
  let after: string | null = null;
  for (;;) {
    const answer: { data?: Record<string, Record<string, Page>> | null; errors?: GraphQLError[] } =
      await post(options, query, { after });
    const { data, errors } = answer;
    const page: Page | undefined = data?.[listing.queryField]?.[listing.entity];
    const nodesPath = [listing.queryField, listing.entity, "nodes"];
    const notFound = new Set<number>();
    for (const error of errors ?? []) {
      const path = error.path ?? [];
      const index = path[nodesPath.length];
      const atNode =
        nodesPath.every((key, position) => path[position] === key) &&
        typeof index === "number" &&
        path.length === nodesPath.length + 1;
      if (atNode && error.extensions?.code === "NOT_FOUND") notFound.add(index);
      else
        throw new Error(
          `${listing.queryField}.${listing.entity}: ${error.message} (${String(error.extensions?.code)})`,
        );
    }
    if (!page) throw new Error(`${listing.queryField}.${listing.entity} answered no page`);
    page.nodes.forEach((node, index) => {
      if (node !== null) return;
      if (!notFound.has(index)) {
        throw new Error(
          `${listing.queryField}.${listing.entity}: ${page.ids[index]} is null without NOT_FOUND`,
        );
      }
      row.dangling += 1;
      if (row.examples.length < keep) row.examples.push(page.ids[index]!);
    });
    row.references += page.ids.length;
    if (!page.hasNextPage || !page.endCursor) return row;
    after = page.endCursor;
  }
}

/**
 * Checks every reference every subgraph names, through the gateway at `options.url`, a few
 * entities at a time. Rows in the order the graph lists them.
 */
export async function checkReferences(options: ReferenceCheckOptions): Promise<ReferenceCheckRow[]> {
  const listings = (await discoverListings(options)).filter(
    (listing) => !options.subgraphs || options.subgraphs.includes(listing.subgraph),
  );
  const rows: ReferenceCheckRow[] = new Array(listings.length);
  let next = 0;
  const worker = async () => {
    while (next < listings.length) {
      const index = next++;
      rows[index] = await checkListing(options, listings[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker));
  return rows;
}

/** The rows as a plain-text table, and the last line `dangling references: N`. */
export function formatReferenceCheck(rows: readonly ReferenceCheckRow[]): string {
  const header = ["subgraph", "entity", "references", "dangling", "examples"];
  const lines = rows.map((row) => [
    row.subgraph,
    `${row.entity} (${row.type})`,
    String(row.references),
    String(row.dangling),
    row.examples.join(", "),
  ]);
  const widths = header.map((title, column) =>
    Math.max(title.length, ...lines.map((line) => line[column]!.length)),
  );
  const render = (cells: string[]) =>
    cells
      .map((cell, column) =>
        column === 2 || column === 3 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!),
      )
      .join("  ")
      .trimEnd();
  const total = rows.reduce((sum, row) => sum + row.dangling, 0);
  return [render(header), ...lines.map(render), `dangling references: ${total}`].join("\n");
}
