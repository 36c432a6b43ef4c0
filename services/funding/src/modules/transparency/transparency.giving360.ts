import { getRegion, isoDay } from "@lamplight/regions";
import { formatFen } from "@lamplight/subgraph-kit";

/**
 * The grants export in the 360Giving Data Standard (https://standard.threesixtygiving.org/): a JSON
 * package `{ "grants": [...] }` and the flat CSV with the standard's column titles. Every grant has
 * the standard's required fields: Identifier, Title, Description, Currency, Amount Awarded, Award
 * Date, Recipient Org (Identifier, Name) and Funding Org (Identifier, Name); plus Last Modified,
 * Beneficiary Location and, as the disbursement extension does, the amount paid so far. Grants go to
 * homes, projects and cities, never to a person, so no grant names an individual, and no donor is
 * named anywhere. Organisations without a registered identifier get the standard's own
 * `360G-<publisher>-` prefix.
 */
export const PUBLISHER_PREFIX = "360G-lamplight";

/** An approved grant as the export needs it. */
export interface PublishedGrant {
  id: string;
  reference: string;
  title: string;
  description: string;
  currency: string;
  amountFen: bigint;
  disbursedFen: bigint;
  awardDate: Date | null;
  decidedAt: Date | null;
  recipientKind: "SITE" | "PROJECT" | "CITY";
  siteId: string | null;
  projectId: string | null;
  regionCode: string;
  purpose: string;
  fundCode: string;
  fundName: string;
}

const day = (date: Date | null) => (date ? isoDay(date) : "");
/** Whole yuan and fen as a JSON number: exact for any amount below 90 trillion yuan. */
const yuan = (fen: bigint) => Number(formatFen(fen));

function recipient(grant: PublishedGrant): { id: string; name: string } {
  const region = getRegion(grant.regionCode)?.name ?? grant.regionCode;
  switch (grant.recipientKind) {
    case "SITE":
      return {
        id: `${PUBLISHER_PREFIX}-site-${grant.siteId}`,
        name: `${region}留守学生之家 ${grant.siteId}`,
      };
    case "PROJECT":
      return { id: `${PUBLISHER_PREFIX}-project-${grant.projectId}`, name: `公益项目 ${grant.projectId}` };
    default:
      return {
        id: `${PUBLISHER_PREFIX}-city-${grant.regionCode}`,
        name: `${region}关爱留守学生工作领导小组`,
      };
  }
}

/** One grant in the standard's JSON shape. */
export function giving360Grant(grant: PublishedGrant) {
  const region = getRegion(grant.regionCode);
  return {
    id: `${PUBLISHER_PREFIX}-${grant.reference}`,
    title: grant.title,
    description: grant.description,
    currency: grant.currency,
    amountAwarded: yuan(grant.amountFen),
    amountDisbursed: yuan(grant.disbursedFen),
    awardDate: day(grant.awardDate),
    dateModified: grant.decidedAt?.toISOString() ?? "",
    recipientOrganization: [recipient(grant)],
    fundingOrganization: [{ id: `${PUBLISHER_PREFIX}-fund-${grant.fundCode}`, name: grant.fundName }],
    beneficiaryLocation: [
      {
        name: region?.name ?? grant.regionCode,
        geoCode: grant.regionCode,
        geoCodeType: "CN-ADMIN-DIVISION",
      },
    ],
    grantProgramme: [{ code: grant.purpose, title: grant.purpose }],
  };
}

/** The JSON package. */
export function giving360Json(grants: readonly PublishedGrant[]): string {
  return JSON.stringify({ grants: grants.map(giving360Grant) }, null, 2);
}

/** The standard's column titles, in order. */
export const GIVING360_COLUMNS = [
  "Identifier",
  "Title",
  "Description",
  "Currency",
  "Amount Awarded",
  "Amount Disbursed",
  "Award Date",
  "Last Modified",
  "Recipient Org:Identifier",
  "Recipient Org:Name",
  "Funding Org:Identifier",
  "Funding Org:Name",
  "Beneficiary Location:Name",
  "Beneficiary Location:Geographic Code",
  "Beneficiary Location:Geographic Code Type",
  "Grant Programme:Code",
  "Grant Programme:Title",
] as const;

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function field(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The flat CSV, one grant a row, CRLF line ends as RFC 4180 asks. */
export function giving360Csv(grants: readonly PublishedGrant[]): string {
  const rows = grants.map((grant) => {
    const json = giving360Grant(grant);
    return [
      json.id,
      json.title,
      json.description,
      json.currency,
      formatFen(grant.amountFen),
      formatFen(grant.disbursedFen),
      json.awardDate,
      json.dateModified,
      json.recipientOrganization[0]!.id,
      json.recipientOrganization[0]!.name,
      json.fundingOrganization[0]!.id,
      json.fundingOrganization[0]!.name,
      json.beneficiaryLocation[0]!.name,
      json.beneficiaryLocation[0]!.geoCode,
      json.beneficiaryLocation[0]!.geoCodeType,
      json.grantProgramme[0]!.code,
      json.grantProgramme[0]!.title,
    ]
      .map(field)
      .join(",");
  });
  return `${[GIVING360_COLUMNS.join(","), ...rows].join("\r\n")}\r\n`;
}
