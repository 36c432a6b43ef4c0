import { BadUserInputError, Role } from "@lamplight/platform";
import {
  Args,
  ArgsType,
  type ClassType,
  Ctx,
  Directive,
  Field,
  ID,
  Int,
  ObjectType,
  Query,
  Resolver,
} from "type-graphql";
import { type AccessContext, Allow } from "./access/authorize.js";
import { isUuid } from "./ids.js";
import { ListBound } from "./list-bounds.js";

/**
 * A subgraph's listing of the records of other domains it names: per entity, every distinct id its
 * tables name, a page at a time, with each id as a reference the owner resolves through the
 * gateway. A reference the owner does not know comes back null with NOT_FOUND at its path: walking
 * every listing proves that no reference dangles (`pnpm seed:check`, docs/ARCHITECTURE.md).
 */

/** Ids per page when `first` is not given, and the most a page may ask for. */
export const REFERENCES_PAGE_SIZE = 500;

/** A column of this subgraph's database that names another subgraph's entity by its uuid id. */
export interface ReferencingColumn {
  table: string;
  column: string;
}

/** One entity of another subgraph that this one names, and where it names it. */
export interface ReferencedEntity {
  /** The listing's field for it, plural: `students`. */
  field: string;
  /** This subgraph's federation stub of the entity (`@key(fields: "id")`), e.g. campaigns' `Student`. */
  type: ClassType<{ id: string }>;
  /** Every uuid column that names it; each should lead an index, so that a page reads only its rows. */
  columns: readonly ReferencingColumn[];
}

export interface ReferencesListingOptions<Context extends AccessContext> {
  /** The subgraph's name: the query is `<subgraph>References`. */
  subgraph: string;
  entities: readonly ReferencedEntity[];
  /** The request's reader of this subgraph's database. */
  readerOf: (context: Context) => ReferencedIdsReader;
}

/** What the reader needs of a database client (a Prisma client). */
export interface RawSqlClient {
  $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * The SQL of one page of the distinct ids a set of columns names, after `after` (exclusive), in id
 * order. Each column gives at most `limit` distinct ids of its own, read in order from the index
 * that leads with it (`DISTINCT … ORDER BY … LIMIT`, no sort of the table), and the union keeps the
 * first `limit` of those: the `limit` smallest ids overall are among them, whatever the duplicates.
 */
export function referencedIdsSql(
  columns: readonly ReferencingColumn[],
  limit: number,
  after: boolean,
): string {
  if (columns.length === 0) throw new Error("A referenced entity is named by at least one column");
  if (!Number.isInteger(limit) || limit < 1) throw new Error(`A page holds at least one id; got ${limit}`);
  const branches = columns.map(({ table, column }) => {
    if (!IDENTIFIER.test(table) || !IDENTIFIER.test(column)) {
      throw new Error(`Not a table and column name: ${table}.${column}`);
    }
    const condition = after ? `"${column}" > $1::uuid` : `"${column}" IS NOT NULL`;
    return `(SELECT DISTINCT "${column}" AS id FROM "${table}" WHERE ${condition} ORDER BY 1 LIMIT ${limit})`;
  });
  return `SELECT id::text AS id FROM (${branches.join(" UNION ")}) AS named ORDER BY named.id LIMIT ${limit}`;
}

/** Reads pages of referenced ids from a subgraph's own database (the listing's repository). */
export class ReferencedIdsReader {
  constructor(private readonly client: RawSqlClient) {}

  async page(columns: readonly ReferencingColumn[], first: number, after: string | null): Promise<string[]> {
    const sql = referencedIdsSql(columns, first, after !== null);
    const rows = await this.client.$queryRawUnsafe<Array<{ id: string }>>(
      sql,
      ...(after === null ? [] : [after]),
    );
    return rows.map((row) => row.id);
  }
}

@ArgsType()
export class ReferencePageArgs {
  @Field(() => Int, {
    defaultValue: REFERENCES_PAGE_SIZE,
    description: `How many ids to return: ${REFERENCES_PAGE_SIZE} by default, at most ${REFERENCES_PAGE_SIZE}.`,
  })
  first!: number;

  @Field(() => ID, { nullable: true, description: "Return the ids after this one (a page's endCursor)." })
  after?: string | null;
}

/** One page of the ids a subgraph names of one entity, with the entities themselves. */
export interface ReferencedPage<Entity> {
  ids: string[];
  nodes: Entity[];
  endCursor: string | null;
  hasNextPage: boolean;
}

const pageClasses = new Map<ClassType, ClassType>();

function capitalised(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** `Referenced<Plural> { ids nodes endCursor hasNextPage }`, once per stub class. */
function ReferencedPageType(entity: ReferencedEntity): ClassType {
  const existing = pageClasses.get(entity.type);
  if (existing) return existing;

  // Several subgraphs name organisations or homes: the same type in each, held once when composed.
  @Directive("@shareable")
  @ObjectType(`Referenced${capitalised(entity.field)}`, {
    description: "A page of the distinct ids a subgraph names of one entity, with the entities.",
  })
  class ReferencedPageType {
    @Field(() => [ID], { description: "The ids, in order." })
    @ListBound(REFERENCES_PAGE_SIZE)
    ids!: string[];

    // Nullable items: an id the owner does not know is null with NOT_FOUND at its path.
    @Field(() => [entity.type], {
      nullable: "items",
      description:
        "The entity of each id, index for index: null (NOT_FOUND) for one its owner does not know.",
    })
    @ListBound(REFERENCES_PAGE_SIZE)
    nodes!: Array<{ id: string }>;

    @Field(() => ID, { nullable: true, description: "The last id of the page: pass it as `after`." })
    endCursor!: string | null;

    @Field(() => Boolean)
    hasNextPage!: boolean;
  }
  pageClasses.set(entity.type, ReferencedPageType);
  return ReferencedPageType;
}

function checkedPage({ first, after }: ReferencePageArgs): { first: number; after: string | null } {
  if (!Number.isInteger(first) || first < 1 || first > REFERENCES_PAGE_SIZE) {
    throw new BadUserInputError(`first must be a whole number from 1 to ${REFERENCES_PAGE_SIZE}`, {
      field: "first",
    });
  }
  if (after !== null && after !== undefined && !isUuid(after)) {
    throw new BadUserInputError("after must be an id a page returned", { field: "after" });
  }
  return { first, after: after ?? null };
}

/**
 * The query `<subgraph>References: <Subgraph>References!`, with one field per entity named, e.g.
 * `students(first: Int = 500, after: ID): ReferencedStudents!`. Province admins only.
 */
export function createReferencesListingResolver<Context extends AccessContext>(
  options: ReferencesListingOptions<Context>,
): ClassType {
  const typeName = `${capitalised(options.subgraph)}References`;
  const fieldName = `${options.subgraph}References`;

  class ReferencesType {}
  for (const entity of options.entities) {
    const pageType = ReferencedPageType(entity);
    const columns = entity.columns;
    // Built here once, so that a wrong declaration fails when the schema is built, not at a request.
    referencedIdsSql(columns, 1, true);
    async function listPage(
      this: ReferencesType,
      page: ReferencePageArgs,
      context: Context,
    ): Promise<ReferencedPage<{ id: string }>> {
      const { first, after } = checkedPage(page);
      const ids = await options.readerOf(context).page(columns, first + 1, after);
      const hasNextPage = ids.length > first;
      const served = ids.slice(0, first);
      return {
        ids: served,
        nodes: served.map((id) => Object.assign(new entity.type(), { id })),
        endCursor: served.at(-1) ?? null,
        hasNextPage,
      };
    }
    Object.defineProperty(ReferencesType.prototype, entity.field, {
      value: listPage,
      writable: true,
      configurable: true,
    });
    const descriptor = Object.getOwnPropertyDescriptor(ReferencesType.prototype, entity.field)!;
    const prototype = ReferencesType.prototype as object;
    Args(() => ReferencePageArgs)(prototype, entity.field, 0);
    Ctx()(prototype, entity.field, 1);
    // A page's ids and nodes are as many as `first`: the gateway's cost estimate reads this.
    Directive(
      `@listSize(assumedSize: ${REFERENCES_PAGE_SIZE}, slicingArguments: ["first"], sizedFields: ["ids", "nodes"], requireOneSlicingArgument: false)`,
    )(prototype, entity.field, descriptor);
    Field(() => pageType, {
      description: `The distinct ids of ${entity.field} this subgraph names (${columns
        .map(({ table, column }) => `${table}.${column}`)
        .join(", ")}), in id order.`,
    })(prototype, entity.field, descriptor);
  }
  ObjectType(typeName, {
    description: `The records of other subgraphs that ${options.subgraph} names, entity by entity.`,
  })(ReferencesType);

  @Resolver()
  class ReferencesListingResolver {
    @Query(() => ReferencesType, {
      name: fieldName,
      description: `Every record of another subgraph that ${options.subgraph} names, a page at a time, each resolved by its owner: a reference that dangles is null with NOT_FOUND. Province admins only.`,
    })
    @Allow(Role.PROVINCE_ADMIN)
    references(): ReferencesType {
      return new ReferencesType();
    }
  }
  return ReferencesListingResolver;
}
