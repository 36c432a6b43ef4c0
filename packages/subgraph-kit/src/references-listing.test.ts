import { printSubgraphSchema } from "@apollo/subgraph";
import { ANONYMOUS, type Principal } from "@lamplight/platform";
import { graphql } from "graphql";
import { Directive, Field, ID, ObjectType } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { AuditTrail } from "./access/audit.js";
import { buildFederatedSchema } from "./federation.js";
import { maskSubgraphError } from "./masking.js";
import {
  createReferencesListingResolver,
  type RawSqlClient,
  ReferencedIdsReader,
  referencedIdsSql,
} from "./references-listing.js";

@Directive('@key(fields: "id", resolvable: false)')
@ObjectType("Student")
class StudentStub {
  @Field(() => ID)
  id!: string;
}

/** Answers each page from a sorted list of ids, as the SQL would, and keeps the statements sent. */
class SortedIds implements RawSqlClient {
  readonly sent: Array<{ sql: string; values: unknown[] }> = [];
  constructor(private readonly ids: string[]) {}

  async $queryRawUnsafe<T>(sql: string, ...values: unknown[]): Promise<T> {
    this.sent.push({ sql, values });
    const limit = Number(/LIMIT (\d+)$/.exec(sql)![1]);
    const after = values[0] as string | undefined;
    return this.ids
      .filter((id) => after === undefined || id > after)
      .slice(0, limit)
      .map((id) => ({ id })) as T;
  }
}

const ids = Array.from({ length: 5 }, (_, index) => `00000000-0000-4000-8000-00000000000${index + 1}`);
const client = new SortedIds(ids);
const reader = new ReferencedIdsReader(client);
let schema: Awaited<ReturnType<typeof buildFederatedSchema>>;

const as = (who: Partial<Principal>) => {
  const principal: Principal = { ...ANONYMOUS, kind: "user", subject: "someone", ...who };
  return { principal, audit: new AuditTrail(principal, "references-listing-test") };
};

async function run(query: string, who: Partial<Principal> = { roles: ["PROVINCE_ADMIN"] }) {
  const result = await graphql({ schema, source: query, contextValue: as(who) });
  return {
    data: result.data as Record<string, any> | null | undefined,
    errors: result.errors?.map(maskSubgraphError),
  };
}

beforeAll(async () => {
  schema = await buildFederatedSchema({
    resolvers: [
      createReferencesListingResolver({
        subgraph: "school",
        entities: [
          {
            field: "students",
            type: StudentStub,
            columns: [
              { table: "Enrolment", column: "studentId" },
              { table: "Prize", column: "winnerId" },
            ],
          },
        ],
        readerOf: () => reader,
      }),
    ],
    orphanedTypes: [StudentStub],
  });
});

describe("a subgraph's references listing", () => {
  it("is one query, its lists sized by `first` for the gateway's estimate, its page types shareable", () => {
    const sdl = printSubgraphSchema(schema);
    expect(sdl).toContain("schoolReferences: SchoolReferences!");
    expect(sdl).toMatch(
      /students\(\s*"""[^"]*"""\s*first: Int! = 500\s*"""[^"]*"""\s*after: ID\s*\): ReferencedStudents! @listSize\(assumedSize: 500, slicingArguments: \["first"\], sizedFields: \["ids", "nodes"\], requireOneSlicingArgument: false\)/,
    );
    expect(sdl).toMatch(/type ReferencedStudents\s+@shareable/);
    expect(sdl).toMatch(/ids: \[ID!\]! @listSize\(assumedSize: 500\)/);
    expect(sdl).toMatch(/nodes: \[Student\]! @listSize\(assumedSize: 500\)/);
  });

  it("pages through the ids in order, each as a reference to the entity", async () => {
    const query = (after: string | null) =>
      `{ schoolReferences { students(first: 2${after ? `, after: "${after}"` : ""}) { ids endCursor hasNextPage nodes { __typename id } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 10; page++) {
      const { data, errors } = await run(query(after));
      expect(errors).toBeUndefined();
      const students = data!.schoolReferences.students;
      expect(students.nodes).toEqual(students.ids.map((id: string) => ({ __typename: "Student", id })));
      seen.push(...students.ids);
      if (!students.hasNextPage) break;
      expect(students.endCursor).toBe(students.ids.at(-1));
      after = students.endCursor;
    }
    expect(seen).toEqual(ids);
    // Three pages of two, each asking for one more id than it serves to learn whether more follow.
    expect(client.sent.map(({ sql, values }) => [/LIMIT 3$/.test(sql), values])).toEqual([
      [true, []],
      [true, [ids[1]]],
      [true, [ids[3]]],
    ]);
  });

  it("is refused to everyone but province admins, before any SQL", async () => {
    const before = client.sent.length;
    const officer = await run(`{ schoolReferences { students { ids } } }`, {
      roles: ["COUNTY_OFFICER"],
      regionScope: "510723",
    });
    expect(officer.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const anonymous = await run(`{ schoolReferences { students { ids } } }`, {
      kind: "anonymous",
      roles: [],
    });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(client.sent.length).toBe(before);
  });

  it("refuses a page larger than 500 or a cursor that is no id", async () => {
    const large = await run(`{ schoolReferences { students(first: 501) { ids } } }`);
    expect(large.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "first" });
    const cursor = await run(`{ schoolReferences { students(after: "abc") { ids } } }`);
    expect(cursor.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "after" });
  });

  it("reads each column's first distinct ids from its index, then the first of their union", () => {
    expect(referencedIdsSql([{ table: "Enrolment", column: "studentId" }], 3, true)).toBe(
      `SELECT id::text AS id FROM ((SELECT DISTINCT "studentId" AS id FROM "Enrolment" WHERE "studentId" > $1::uuid ORDER BY 1 LIMIT 3)) AS named ORDER BY named.id LIMIT 3`,
    );
    expect(() => referencedIdsSql([{ table: 'Enrolment"; DROP', column: "studentId" }], 3, false)).toThrow(
      /Not a table and column name/,
    );
  });
});
