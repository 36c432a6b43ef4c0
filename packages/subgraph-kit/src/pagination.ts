import { BadUserInputError } from "@lamplight/platform";
import { ArgsType, type ClassType, Directive, Field, Int, ObjectType } from "type-graphql";

/** No connection returns more than this many nodes in one page. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

// Every subgraph defines the same pagination types; @shareable lets the composed graph hold them once.
@Directive("@shareable")
@ObjectType({ description: "Where a page sits in its connection (Relay cursor connections)." })
export class PageInfo {
  @Field(() => Boolean)
  hasNextPage!: boolean;

  @Field(() => Boolean)
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<Node> {
  cursor: string;
  node: Node;
}

/** What a connection resolver returns; the total is counted only when a client asks for it. */
export interface ConnectionResult<Node> {
  edges: Edge<Node>[];
  pageInfo: PageInfo;
  countTotal: () => Promise<number>;
}

const connectionClasses = new Map<ClassType, ClassType>();

/**
 * The connection type for a node type: `<Node>Connection { edges { cursor node } pageInfo totalCount }`.
 * One class per node type, created once.
 */
export function Connection<Node extends object>(
  nodeType: ClassType<Node>,
  name = nodeType.name,
  options: { ofAnotherSubgraph?: boolean } = {},
): ClassType<ConnectionResult<Node>> {
  const existing = connectionClasses.get(nodeType);
  if (existing) return existing as ClassType<ConnectionResult<Node>>;

  @Directive("@shareable")
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => String, { description: "An opaque cursor: pass it as `after` to read on from this edge." })
    cursor!: string;

    // A node another subgraph owns may not resolve (gone, or hidden from this caller): nullable,
    // so that it alone is null and the rest of the page stands (docs/ARCHITECTURE.md).
    @Field(() => nodeType, { nullable: options.ofAnotherSubgraph ?? false })
    node!: Node;
  }

  @Directive("@shareable")
  @ObjectType(`${name}Connection`, { description: `A page of ${name} (cursor pagination).` })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges!: EdgeType[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    // A method field: type-graphql calls the result's own totalCount(), so the count query runs
    // only when a client selects the field.
    @Field(() => Int, { description: "How many nodes the whole connection holds, across all pages." })
    totalCount(this: ConnectionResult<Node>): Promise<number> {
      return this.countTotal();
    }
  }

  connectionClasses.set(nodeType, ConnectionType);
  return ConnectionType as unknown as ClassType<ConnectionResult<Node>>;
}

/** `first` / `after` arguments, shared by every connection field. */
@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many nodes to return: ${DEFAULT_PAGE_SIZE} by default, at most ${MAX_PAGE_SIZE}.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: "Return the nodes after this cursor." })
  after?: string | null;
}

/** `first` and `after` after validation. */
export interface PageRequest {
  first: number;
  after: string | null;
}

/** Checks `first` against the maximum page size; a page larger than MAX_PAGE_SIZE is refused, not silently cut. */
export function pageRequest({ first, after }: PageArgs): PageRequest {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadUserInputError(`first must be between 0 and ${MAX_PAGE_SIZE}; got ${first}`, {
      field: "first",
    });
  }
  return { first: size, after: after ?? null };
}

/** One key of a stable order. The last key must be unique (the id), so the order is total. */
export interface OrderKey {
  field: string;
  direction: "asc" | "desc";
}

type CursorValue = string | number | boolean | null;

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString("base64url");
}

/** The error for an `after` that no page of this connection made. */
export function notACursor(): BadUserInputError {
  return new BadUserInputError("after is not a cursor from this connection", { field: "after" });
}

export function decodeCursor(cursor: string, length: number): CursorValue[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(values) && values.length === length) return values as CursorValue[];
  } catch {
    // fall through to the error below
  }
  throw notACursor();
}

function cursorValue(value: unknown): CursorValue {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "bigint") return value.toString();
  if (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  ) {
    return value;
  }
  // Decimal and other objects keep their exact string form.
  return String(value);
}

/**
 * The Prisma `where` for "strictly after this cursor" in a keyset order:
 * (a > va) OR (a = va AND b > vb) OR … — no OFFSET, so a deep page costs as much as the first.
 */
function afterCursor(order: readonly OrderKey[], values: CursorValue[]): Record<string, unknown> {
  const branches = order.map((key, index) => {
    const branch: Record<string, unknown> = {};
    for (let i = 0; i < index; i++) branch[order[i]!.field] = values[i];
    branch[key.field] = { [key.direction === "asc" ? "gt" : "lt"]: values[index] };
    return branch;
  });
  return { OR: branches };
}

/** The parts of a Prisma model delegate that pagination needs. */
export interface PageableDelegate<Row> {
  findMany(args: { where: object; orderBy: object[]; take: number }): Promise<Row[]>;
  count(args: { where: object }): Promise<number>;
}

/**
 * Pages a Prisma query by keyset: stable opaque cursors (the order keys' values), at most
 * MAX_PAGE_SIZE rows, one `findMany` per page and one `count` only when totalCount is selected.
 */
export async function paginate<Row extends object, Node = Row>(
  delegate: PageableDelegate<Row>,
  options: {
    where: object;
    order: readonly OrderKey[];
    page: PageRequest;
    toNode?: (row: Row) => Node;
  },
): Promise<ConnectionResult<Node>> {
  const { where, order, page } = options;
  const conditions: object[] = [where];
  if (page.after) conditions.push(afterCursor(order, decodeCursor(page.after, order.length)));
  const rows = await delegate.findMany({
    where: conditions.length === 1 ? where : { AND: conditions },
    orderBy: order.map((key) => ({ [key.field]: key.direction })),
    take: page.first + 1,
  });
  let total: Promise<number> | undefined;
  return connectionFromRows(rows, {
    order,
    page,
    ...(options.toNode ? { toNode: options.toNode } : {}),
    countTotal: () => {
      total ??= delegate.count({ where });
      return total;
    },
  });
}

/**
 * A page from rows already read (up to first + 1 of them, in `order`), with the same cursors as
 * `paginate`: for connections filled by a batched query, whose cursors must page on normally.
 */
export function connectionFromRows<Row extends object, Node = Row>(
  rows: readonly Row[],
  options: {
    order: readonly OrderKey[];
    page: PageRequest;
    countTotal: () => Promise<number>;
    toNode?: (row: Row) => Node;
  },
): ConnectionResult<Node> {
  const { order, page } = options;
  const hasNextPage = rows.length > page.first;
  const toNode = options.toNode ?? ((row: Row) => row as unknown as Node);
  const edges = rows.slice(0, page.first).map((row) => ({
    cursor: encodeCursor(order.map((key) => cursorValue((row as Record<string, unknown>)[key.field]))),
    node: toNode(row),
  }));
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: page.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    countTotal: options.countTotal,
  };
}

/** A connection with no nodes: for a parent whose list the caller may not see, or that cannot exist. */
export function emptyConnection<Node>(page: PageRequest): ConnectionResult<Node> {
  return connectionFromRows<Node & object, Node>([], { order: [], page, countTotal: async () => 0 });
}

function compareCursorValues(a: CursorValue, b: CursorValue): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/**
 * A page of a list already in memory (reference data, a computed ranking, a short list read whole
 * in one batched query), with the cursors `paginate` makes. With an `order` (the list is already
 * in it) the cursor holds its keys; without one the list's own order is the order and the cursor
 * holds each item's 1-based position and id.
 */
export function pageOfList<Row extends { id: string }>(
  rows: readonly Row[],
  page: PageRequest,
  order?: readonly OrderKey[],
): ConnectionResult<Row> {
  const countTotal = async () => rows.length;
  if (!order) {
    let start = 0;
    if (page.after) {
      const [position] = decodeCursor(page.after, 2);
      if (typeof position !== "number" || !Number.isInteger(position) || position < 0) throw notACursor();
      start = position;
    }
    const positioned = rows
      .slice(start, start + page.first + 1)
      .map((node, index) => ({ position: start + index + 1, id: node.id, node }));
    return connectionFromRows(positioned, {
      order: [
        { field: "position", direction: "asc" },
        { field: "id", direction: "asc" },
      ],
      page,
      countTotal,
      toNode: (row) => row.node,
    });
  }
  let rest = rows;
  if (page.after) {
    const after = decodeCursor(page.after, order.length);
    const sample = rows[0] as Record<string, unknown> | undefined;
    const mistyped = (key: OrderKey, index: number) => {
      const value = sample ? cursorValue(sample[key.field]) : null;
      return value !== null && after[index] !== null && typeof value !== typeof after[index];
    };
    if (order.some(mistyped)) throw notACursor();
    rest = rows.filter((row) => {
      for (const [index, key] of order.entries()) {
        const value = cursorValue((row as Record<string, unknown>)[key.field]);
        const comparison = compareCursorValues(value, after[index]!);
        if (comparison !== 0) return key.direction === "asc" ? comparison > 0 : comparison < 0;
      }
      return false;
    });
  }
  return connectionFromRows(rest.slice(0, page.first + 1), { order, page, countTotal });
}
