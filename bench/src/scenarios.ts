import { ANONYMOUS, type Principal } from "@lamplight/platform";
import { DEMO_PARTNER_ORGANISATION } from "@lamplight/seed-kit";

/**
 * Who sends a scenario's requests. Staff are many users of one role (`users` distinct subjects,
 * each with a token of their own, taken in turn), as a dashboard is used in production: no
 * gateway may answer one user's request with another's. Far more users than connections, so
 * that one user is rarely waiting on the same request twice at once (a gateway may share those).
 */
export type Caller =
  | { kind: "public" }
  | { kind: "staff"; subject: string; users: number; roles: Principal["roles"]; region?: string }
  | { kind: "partner" };

export interface Scenario {
  name: string;
  description: string;
  caller: Caller;
  query: string;
  variables?: Record<string, unknown>;
  /** Mutations: every `__UNIQUE__` in the variables becomes a fresh UUID per request. */
  mutation?: boolean;
  /**
   * The part of the work one subgraph does, asked of it directly: the floor the gateway's
   * overhead is measured against. Equal to the gateway query when only one subgraph is involved.
   */
  direct?: { subgraph: string; query: string };
  /** Computes variables that depend on the data (a cursor deep in a connection). */
  prepare?: (execute: Execute) => Promise<Record<string, unknown>>;
}

export type Execute = <Data>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ data?: Data; errors?: unknown[] }>;

const PROVINCE_ADMIN: Caller = {
  kind: "staff",
  subject: "bench-province-admin",
  users: 1_000,
  roles: ["PROVINCE_ADMIN"],
};
const MIANYANG_ADMIN: Caller = {
  kind: "staff",
  subject: "bench-city-admin",
  users: 1_000,
  roles: ["CITY_ADMIN"],
  region: "510700",
};

const CITY_HOMES = `query CityHomes($region: ID!) {
  sites(first: 50, filter: { region: $region }) {
    totalCount
    edges { node { id name capacity status hostModel } }
  }
}`;

const CHILDREN_PAGE = `query ChildrenPage($after: String) {
  students(first: 20, after: $after) {
    edges { node { id name grade } }
    pageInfo { hasNextPage endCursor }
  }
}`;

interface ChildrenWalk {
  students: { pageInfo: { endCursor: string | null } };
}

/** "This month" of the dashboards: the month of the seeds' calendar the benchmark reads. */
const THIS_MONTH = { monthStart: "2026-11-01", monthEnd: "2026-11-30" };

/** How deep the paginated scenario reads: page 500 at 20 children a page. */
export const DEEP_PAGE = 500;

export const SCENARIOS: readonly Scenario[] = [
  {
    name: "single-subgraph",
    description: "A city's homes, one subgraph only: the gateway's own overhead",
    caller: { kind: "public" },
    query: CITY_HOMES,
    variables: { region: "510700" },
    direct: { subgraph: "sites", query: CITY_HOMES },
  },
  {
    name: "dashboard",
    description:
      "A city admin's dashboard, all four subgraphs: the city's children and volunteers, its homes with children, money and this month's activities, the month's calendar, the year's gifts",
    caller: MIANYANG_ADMIN,
    query: `query CityDashboard($city: ID!, $monthStart: Date!, $monthEnd: Date!) {
  region(code: $city) {
    code name childrenCount childrenByNeed { category count }
    volunteerCount volunteersByKind { kind count }
    fundsRaised { amount }
  }
  sites(first: 20, filter: { region: $city }) {
    totalCount
    edges {
      node {
        id name capacity childrenCount fundsReceived { amount }
        activities(from: $monthStart, to: $monthEnd, first: 3) { totalCount edges { node { id title kind } } }
      }
    }
  }
  calendar(first: 10, filter: { region: $city, from: $monthStart, to: $monthEnd }) {
    totalCount
    edges { node { id date activity { title } } }
  }
  fundingTotals(groupBy: MONTH, from: "2026-01-01") { key amount { amount } donations }
}`,
    variables: { city: "510700", ...THIS_MONTH },
    direct: {
      subgraph: "sites",
      query: `query CityDashboard($city: ID!) {
  region(code: $city) { code name }
  sites(first: 20, filter: { region: $city }) { totalCount edges { node { id name capacity } } }
}`,
    },
  },
  {
    name: "deep-page",
    description: `Page ${DEEP_PAGE} of the province's children (20 a page, names: audited reads)`,
    caller: PROVINCE_ADMIN,
    query: CHILDREN_PAGE,
    direct: { subgraph: "people", query: CHILDREN_PAGE },
    async prepare(execute) {
      // Walk to the cursor before page 500 a hundred at a time; a cursor is opaque to clients.
      let after: string | null = null;
      const walk = `query($after: String) { students(first: 100, after: $after) { pageInfo { endCursor } } }`;
      for (let read = 0; read < (DEEP_PAGE - 1) * 20; read += 100) {
        const response: { data?: ChildrenWalk; errors?: unknown[] } = await execute<ChildrenWalk>(walk, {
          after,
        });
        if (!response.data)
          throw new Error(`cannot page through the children: ${JSON.stringify(response.errors)}`);
        after = response.data.students.pageInfo.endCursor;
      }
      return { after };
    },
  },
  {
    name: "entity-heavy",
    description:
      "100 homes, each with its children count, money received and this month's activities (entities from three subgraphs)",
    caller: PROVINCE_ADMIN,
    query: `query HundredHomes($monthStart: Date!, $monthEnd: Date!) {
  sites(first: 100) {
    edges {
      node {
        id name childrenCount fundsReceived { amount }
        activities(from: $monthStart, to: $monthEnd, first: 3) { totalCount edges { node { id title } } }
      }
    }
  }
}`,
    variables: THIS_MONTH,
    direct: {
      subgraph: "sites",
      query: `query HundredHomes { sites(first: 100) { edges { node { id name } } } }`,
    },
  },
  {
    name: "partner",
    description: "The demo partner's trusted operation, with its API key",
    caller: { kind: "partner" },
    query: `query PartnerCityHomes($region: ID!, $after: String) {
  sites(first: 50, after: $after, filter: { region: $region }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name hostModel capacity childrenCount } }
  }
}`,
    variables: { region: "510700" },
  },
  {
    name: "mutations",
    description: "Recording donations (each its own idempotency key) under concurrent load",
    caller: PROVINCE_ADMIN,
    mutation: true,
    query: `mutation Donate($input: RecordDonationInput!) { recordDonation(input: $input) { id receiptNumber } }`,
    variables: {
      input: {
        idempotencyKey: "bench-__UNIQUE__",
        donorName: "压力测试",
        amount: { fen: 10_000 },
        receivedOn: "2026-11-29",
        channel: "ONLINE",
        fundCode: "LOVE_FUND",
        designation: { purpose: "GENERAL" },
      },
    },
    direct: {
      subgraph: "funding",
      query: `mutation Donate($input: RecordDonationInput!) { recordDonation(input: $input) { id receiptNumber } }`,
    },
  },
];

/** The principal a caller's `user`-th user stands for, as our gateway would forward it. */
export function principalOf(caller: Caller, user: number): Principal {
  const base: Principal = { ...ANONYMOUS, roles: [], siteIds: [], scopes: [] };
  if (caller.kind === "public") return base;
  if (caller.kind === "partner") {
    return {
      ...base,
      kind: "partner",
      subject: "bench-partner",
      roles: ["PARTNER"],
      organisationId: DEMO_PARTNER_ORGANISATION.id,
      scopes: ["read:funding", "read:people", "read:sites"],
    };
  }
  return {
    ...base,
    kind: "user",
    // Our gateway's users: one subject each, as their tokens say (see run.ts).
    subject: `${caller.subject}-${user}`,
    roles: caller.roles,
    regionScope: caller.region ?? null,
  };
}
