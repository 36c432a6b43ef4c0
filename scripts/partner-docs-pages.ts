import { type CatalogueField, partnerScopeCatalogue } from "@lamplight/platform";

// The partner documentation (docs/partners/) is written from the supergraph: a page per scope
// listing what a key with it may select, as the schema's @partnerScope declarations say. The
// prose around the lists is here; `pnpm docs:partners` writes the pages and the integration test
// partner-docs.test.ts fails when the committed ones are stale.

/** Where the pages live, from the repository root. */
export const PARTNER_DOCS_DIRECTORY = "docs/partners";

interface ScopeGuide {
  /** What the area is, for the index and the page's opening line. */
  summary: string;
  /** An operation a key with the scope may register and run. */
  example: { document: string; variables: Record<string, unknown> };
}

/** The partner scopes (api-key.inputs.ts PARTNER_SCOPES) and what their pages say around the lists. */
export const SCOPE_GUIDES: Record<string, ScopeGuide> = {
  "read:sites": {
    summary: "the homes and other facilities of the programme, and the regions of the province",
    example: {
      document: `query PartnerCityHomes($region: ID!, $after: String) {
  sites(first: 50, after: $after, filter: { region: $region }) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name hostModel capacity status } }
  }
}`,
      variables: { region: "510700" },
    },
  },
  "read:people": {
    summary:
      "the published figures about children and volunteers, per home and per region: de-identified counts, withheld when small",
    example: {
      document: `query PartnerRegionFigures($code: ID!) {
  region(code: $code) {
    name
    childrenCount
    volunteerCount
    childrenByNeed { category count }
  }
}`,
      variables: { code: "510700" },
    },
  },
  "read:funding": {
    summary:
      "the funds, the donations (a key lists its own organisation's gifts), the funding totals and what homes, regions and projects received",
    example: {
      document: `query PartnerFundingByCity {
  fundingTotals(groupBy: CITY) { key label amount { amount } donations }
}`,
      variables: {},
    },
  },
  "read:campaigns": {
    summary: "the public-welfare projects, their activities and dates, and the activities held at homes",
    example: {
      document: `query PartnerProjects($after: String) {
  projects(first: 20, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id name status } }
  }
}`,
      variables: {},
    },
  },
};

const pageName = (scope: string) => `${scope.replace(":", "-")}.md`;

/** A description on one line, safe in a table cell. */
const oneLine = (description: string) => description.replace(/\s+/g, " ").replace(/\|/g, "\\|").trim();

function fieldTable(fields: CatalogueField[]): string[] {
  return [
    "| field | description |",
    "| --- | --- |",
    ...fields.map((field) => `| \`${field.signature}\` | ${oneLine(field.description)} |`),
  ];
}

/** Fields grouped by their type, in the catalogue's order. */
function byType(fields: CatalogueField[]): CatalogueField[][] {
  const groups = new Map<string, CatalogueField[]>();
  for (const field of fields) groups.set(field.type, [...(groups.get(field.type) ?? []), field]);
  return [...groups.values()];
}

function scopePage(scope: string, catalogue: ReturnType<typeof partnerScopeCatalogue>): string {
  const guide = SCOPE_GUIDES[scope];
  if (!guide)
    throw new Error(`${scope} is declared in the schema but has no guide in scripts/partner-docs-pages.ts`);
  const mine = catalogue.fields.filter((field) => field.scope === scope);
  const elsewhere = byType(mine.filter((field) => field.typeScope !== scope));
  const whole = byType(catalogue.fields.filter((field) => field.typeScope === scope));
  const needed = catalogue.required(guide.example.document).map((s) => `\`${s.scope}\``);
  const lines = [
    `# \`${scope}\``,
    "",
    "<!-- Written by `pnpm docs:partners` from supergraph.graphql; edit scripts/partner-docs-pages.ts instead. -->",
    "",
    `A key with \`${scope}\` may select ${guide.summary}: the fields below. An operation selecting`,
    `any of them with a key without \`${scope}\` is refused before it runs (\`FORBIDDEN\`, see`,
    "[the index](README.md#scopes)).",
    "",
    "## Example",
    "",
    `Needs ${needed.join(" and ")}.`,
    "",
    "```graphql",
    guide.example.document,
    "```",
    "",
    `Variables: \`${JSON.stringify(guide.example.variables)}\``,
    "",
    "## Fields on other types",
    "",
    "Where to start (fields of `Query`) and the fields this area adds to other areas' types.",
  ];
  for (const fields of elsewhere) lines.push("", `### ${fields[0]!.type}`, "", ...fieldTable(fields));
  if (whole.length) {
    lines.push(
      "",
      "## Types",
      "",
      `Every field of these types needs \`${scope}\`, except those listed as needing another scope.`,
    );
  }
  for (const fields of whole) {
    const own = fields.filter((field) => field.scope === scope);
    const others = fields
      .filter((field) => field.scope !== scope)
      .map((field) => `\`${field.name}\` (\`${field.scope}\`)`);
    lines.push("", `### ${fields[0]!.type}`, "", oneLine(fields[0]!.typeDescription), "", ...fieldTable(own));
    if (others.length) lines.push("", `Needing another scope: ${others.join(", ")}.`);
  }
  return `${lines.join("\n")}\n`;
}

function indexPage(scopes: string[]): string {
  const rows = scopes.map(
    (scope) => `| [\`${scope}\`](${pageName(scope)}) | ${SCOPE_GUIDES[scope]?.summary ?? ""} |`,
  );
  return `# Lamplight for partners

<!-- Written by \`pnpm docs:partners\` from supergraph.graphql; edit scripts/partner-docs-pages.ts instead. -->

Partner organisations (companies, NGOs, media, government departments) read the Lamplight graph
with an API key, running the operations registered for their organisation. This guide and its
pages per scope are written from the schema itself, so the fields they list are the fields a key
may select.

## Getting a key

1. Your organisation is registered in the programme (the people subgraph's organisations).
2. A province admin issues a key for it, with the scopes it needs (\`createApiKey\`). The secret
   (\`lk_…\`) is shown once, in that answer: keep it like a password. A key may have an expiry
   date; a revoked or expired key stops working within 30 seconds.
3. A province admin registers each operation your systems will run (\`registerTrustedOperation\`),
   or your organisation's partner admin proposes it and a province admin approves it. An
   operation is registered only if your organisation's keys have every scope its fields need;
   otherwise the registration is refused with \`FORBIDDEN\`, naming the scope and the field.

Send the key as the \`x-api-key\` header to the gateway's \`/graphql\`, with the registered
document (or only its hash, \`extensions.persistedQuery.sha256Hash\`; a hash that names no
operation of your organisation is \`PERSISTED_QUERY_NOT_FOUND\`):

\`\`\`sh
curl -s https://<gateway>/graphql -H 'content-type: application/json' \\
  -H 'x-api-key: lk_…' \\
  -d '{"query":"query PartnerFundingByCity { fundingTotals(groupBy: CITY) { key label amount { amount } donations } }"}'
\`\`\`

An operation is known by its meaning, not its layout: the registered document reformatted or
commented runs; one asking for anything else does not.

## Scopes

| scope | what a key with it may select |
| --- | --- |
${rows.join("\n")}

Each page lists the fields that need its scope. A field needs its own scope where it declares
one, else its type's; a field of neither (a connection's \`totalCount\`, \`pageInfo\`) needs none.
The gateway checks every field an operation selects, fragments included, before it runs: one
field whose scope the key lacks refuses the whole operation with \`FORBIDDEN\` (HTTP 403), its
extensions naming the \`scope\` and the \`field\`:

\`\`\`json
{ "errors": [{ "message": "Site.childrenCount needs the scope read:people, which the API key lacks",
  "extensions": { "code": "FORBIDDEN", "scope": "read:people", "field": "Site.childrenCount" } }] }
\`\`\`

A scope opens fields; it does not widen what the data shows. Children appear only as published,
de-identified counts (withheld when small), and \`donations\` lists your own organisation's gifts.

## Errors

| code | HTTP | meaning |
| --- | --- | --- |
| \`UNAUTHENTICATED\` | 401 | the key is unknown, revoked or expired, or a bearer token came with it |
| \`PERSISTED_OPERATION_REQUIRED\` | 403 | the document is not registered for your organisation |
| \`FORBIDDEN\` | 403 | the key lacks a scope a selected field needs (\`extensions.scope\`, \`extensions.field\`) |
| \`RATE_LIMITED\` | 429 | too many requests in the current window; wait \`Retry-After\` seconds |

## Rate limits

Every counted answer carries the rate-limit header fields (draft-ietf-httpapi-ratelimit-headers):
\`RateLimit-Policy: "partner";q=600;w=60\` is the quota (\`q\` requests per window of \`w\` seconds)
and \`RateLimit: "partner";r=598;t=42\` what remains (\`r\`) and the seconds until the window ends
(\`t\`). A refused request is \`RATE_LIMITED\` with HTTP 429 and \`Retry-After\` (seconds). Pace
requests by \`r\` and \`t\` rather than retrying on 429.

## Webhooks

Lamplight can POST events to your system as they happen, instead of your polling for them. Your
organisation's partner admin (or a province admin) subscribes an https URL to event types:

\`\`\`graphql
mutation { createWebhookSubscription(input: {
  url: "https://partner.example/lamplight/events", eventTypes: ["site.statusChanged"] }) {
  secret subscription { id status } } }
\`\`\`

The answer's \`secret\` (\`whsec_…\`) signs every delivery to that URL: it is shown only once, so
store it now. \`rotateWebhookSecret(id, overlapHours)\` gives a new one; for \`overlapHours\` (0
to 720) each delivery carries a signature by the old secret too, so your receiver can switch to
the new one at any time within it. \`pauseWebhookSubscription\`, \`resumeWebhookSubscription\` and \`deleteWebhookSubscription\` do as
they say, and \`webhookSubscriptions\` lists your organisation's subscriptions.

| event type | scope a key of yours needs | sent when |
| --- | --- | --- |
| \`site.registered\` | \`read:sites\` | a home or facility is registered |
| \`site.changed\` | \`read:sites\` | its name changes |
| \`site.moved\` | \`read:sites\` | it moves to another county |
| \`site.statusChanged\` | \`read:sites\` | its status changes: \`OPEN\` when a home opens, \`CLOSED\` when it closes |
| \`project.registered\` | \`read:campaigns\` | a project is created |
| \`project.statusChanged\` | \`read:campaigns\` | its status changes |
| \`activity.published\` | \`read:campaigns\` | an activity is put on the programme |
| \`grant.approved\` | \`read:funding\` | a finance officer approves a grant: its money is set aside |
| \`donation.received\` | \`read:funding\` | a gift your organisation made is recorded and receipted (only your own gifts) |
| \`trustedOperation.approved\` | none | a province admin approves an operation your organisation proposed |
| \`trustedOperation.rejected\` | none | a province admin rejects one, with a reason |

A subscription to a type your organisation's working keys lack the scope for is refused with
\`BAD_USER_INPUT\`; once no working key has it any more, those events are no longer sent. Each
delivery is a JSON body with the event's \`id\`, \`type\`, \`occurredAt\` and \`data\`: a site's
\`id\`, \`name\`, \`kind\`, \`countyCode\`, \`cityCode\` and \`status\`; a project's \`id\`, \`code\`,
\`name\` and \`status\`; an activity's \`id\`, \`title\`, \`kind\`, \`projectId\`, \`homeIds\`,
\`regionCode\`, \`cityCode\`, \`startsOn\` and \`endsOn\`; a grant's \`id\`, \`reference\`, \`amount\` (a decimal string) and
\`currency\`, \`fundCode\`, \`recipientKind\`, \`siteId\`, \`projectId\`, \`regionCode\` and
\`approvedAt\`; a gift's \`id\`, \`fundCode\`, \`amount\`, \`currency\`, \`receiptNumber\`,
\`receivedAt\` and \`donorOrganisationId\` (yours); an operation's \`id\`, \`name\`, \`sha256\`,
\`status\` and \`rejectionReason\`. No event names a person. Only what happens after you subscribe
is sent: activities, gifts and grants recorded before are not announced.

\`\`\`json
{ "id": "0b6c…", "type": "site.statusChanged", "occurredAt": "2026-12-03T04:12:09.412Z",
  "data": { "id": "5f1e…", "name": "…", "kind": "HOME", "countyCode": "510104", "cityCode": "510100", "status": "CLOSED" } }
\`\`\`

### Verifying a delivery

Deliveries follow [Standard Webhooks](https://www.standardwebhooks.com/): the headers
\`webhook-id\` (the delivery's id, the same on every retry: use it to ignore a repeat),
\`webhook-timestamp\` (Unix seconds) and \`webhook-signature\` (\`v1,\` and the base64 of the
HMAC-SHA256 of \`<webhook-id>.<webhook-timestamp>.<body>\`, keyed with the secret's bytes). Check
it on the raw body, before parsing it, and refuse a timestamp more than five minutes off:

\`\`\`js
import { createHmac, timingSafeEqual } from "node:crypto";

function verified(secret, headers, rawBody) {
  const id = headers["webhook-id"];
  const timestamp = headers["webhook-timestamp"];
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > 300) return false;
  const key = Buffer.from(secret.slice("whsec_".length), "base64");
  const expected = createHmac("sha256", key).update(\`\${id}.\${timestamp}.\${rawBody}\`).digest();
  return headers["webhook-signature"].split(" ").some((entry) => {
    const [version, signature] = entry.split(",");
    const given = Buffer.from(signature ?? "", "base64");
    return version === "v1" && given.length === expected.length && timingSafeEqual(given, expected);
  });
}
\`\`\`

The Standard Webhooks libraries (for most languages) do the same.

### Retries and pausing

Answer with a 2xx within 10 seconds, and do slow work after answering. Any other answer, no
answer or a refused connection is tried again, each time about twice as long after the last
(30 seconds, a minute, two, … at most an hour apart, a little at random), for a day. After a day
of failures the delivery is given up and the subscription paused: its \`status\` is \`PAUSED\`, with
\`pausedAt\` and a \`pausedReason\` that says so. Nothing is sent while it is paused, and the events
of the pause are not sent later; \`resumeWebhookSubscription\` sends what was waiting and what comes
next. \`webhookDeliveries(subscriptionId)\` is the delivery log (attempts, the last status code,
error and duration, the next attempt; \`attemptLog\` on a delivery lists every attempt), and
\`replayWebhookDelivery(id)\` sends one again, with the same \`webhook-id\`.
`;
}

/** The pages of docs/partners/, by file name, from the supergraph's SDL. */
export function partnerDocPages(supergraphSdl: string): Map<string, string> {
  const catalogue = partnerScopeCatalogue(supergraphSdl);
  const pages = new Map([["README.md", indexPage(catalogue.scopes)]]);
  for (const scope of catalogue.scopes) pages.set(pageName(scope), scopePage(scope, catalogue));
  return pages;
}
