import { demoHomes, type Scale, scaleOf } from "@lamplight/seed-kit";
import type { Prisma, PrismaClient } from "../generated/prisma/client.js";
import { announceUnannouncedSites } from "../modules/site/site.events.js";
import { bulkInsert, type TableLoad, TableLoader } from "./bulk-insert.js";
import { applicationRows } from "./demo-applications.js";
import { assessmentStream, DEMO_ASSESSMENT_YEAR, PROVINCE_ASSESSMENT_YEARS } from "./demo-assessments.js";
import { inventoryRows } from "./demo-equipment.js";
import { demoFacilities } from "./demo-facilities.js";
import { historyRows } from "./demo-history.js";
import { tenderRows } from "./demo-tenders.js";

export type { TableLoad };

/**
 * Loads a province at the given scale (the demo province unless told otherwise): its homes
 * (`demoHomes(scale.seed, scale.homes)`, shared with every other subgraph's seed) and their
 * histories, the other facilities, the homes' equipment and the assessments (the demo's for 2025,
 * the province's for 2021 to 2025) with each year's excellent homes, the applications of the homes
 * that have applied (demo-applications.ts) and the construction tenders and contracts of those
 * tendering or building (demo-tenders.ts). Rows are
 * generated and inserted batch by batch, in multi-row statements. Idempotent: rows keep their
 * seeded ids (or keys), and existing ones are skipped. The equipment standard and the assessment
 * criteria come with the migrations. `onTable` hears of each table once it is loaded.
 */
export async function seedSites(
  prisma: PrismaClient,
  scale: Scale = scaleOf("demo"),
  onTable: (load: TableLoad) => void = () => {},
): Promise<Record<string, number>> {
  const { seed } = scale;
  const homes = demoHomes(seed, scale.homes);
  const facilities = demoFacilities(homes, seed);
  const loads: TableLoad[] = [];
  const loaded = (load: TableLoad) => {
    loads.push(load);
    onTable(load);
  };
  const now = { updatedAt: "now()" };

  const sites = new TableLoader<Prisma.SiteCreateManyInput>(
    "sites",
    bulkInsert(
      prisma,
      "Site",
      [
        ["id", "uuid"],
        ["name", "text"],
        ["regionCode", "text"],
        ["cityCode", "text"],
        ["address", "text"],
        ["latitude", "numeric"],
        ["longitude", "numeric"],
        ["hostModel", '"HostModel"'],
        ["kind", '"SiteKind"'],
        ["demonstration", "boolean"],
        ["capacity", "int"],
        ["status", '"SiteStatus"'],
        ["openedOn", "date"],
      ],
      now,
    ),
  );
  loaded(
    await sites.addAll(
      concat<Prisma.SiteCreateManyInput>(
        homes.map((home) => ({ ...home, kind: "HOME" as const })),
        facilities.sites.map((site) => ({ demonstration: false, ...site })),
      ),
    ),
  );

  const transitions = new TableLoader<Prisma.SiteTransitionCreateManyInput>(
    "transitions",
    bulkInsert(prisma, "SiteTransition", [
      ["id", "uuid"],
      ["siteId", "uuid"],
      ["fromStatus", '"SiteStatus"'],
      ["toStatus", '"SiteStatus"'],
      ["actorId", "text"],
      ["actorRoles", "text[]"],
      ["reason", "text"],
      ["at", "timestamptz"],
    ]),
  );
  loaded(await transitions.addAll(concat(historyRows(homes, seed), facilities.history)));

  const stops = new TableLoader<Prisma.RouteStopCreateManyInput>(
    "routeStops",
    bulkInsert(prisma, "RouteStop", [
      ["librarySiteId", "uuid"],
      ["position", "int"],
      ["homeSiteId", "uuid"],
    ]),
  );
  loaded(await stops.addAll(facilities.stops));

  const inventory = new TableLoader<Prisma.InventoryItemCreateManyInput>(
    "inventoryItems",
    bulkInsert(
      prisma,
      "InventoryItem",
      [
        ["siteId", "uuid"],
        ["itemCode", "text"],
        ["count", "int"],
      ],
      now,
    ),
    { size: 5000 },
  );
  loaded(await inventory.addAll(inventoryRows(homes, seed)));

  // An assessment's scores follow it into the database, batch after batch. The province holds
  // five years of assessments, the demo its last year's.
  const years = scale.name === "province" ? PROVINCE_ASSESSMENT_YEARS : [DEMO_ASSESSMENT_YEAR];
  const stream = assessmentStream(homes, seed, years);
  const assessments = new TableLoader<Prisma.AssessmentCreateManyInput>(
    "assessments",
    bulkInsert(prisma, "Assessment", [
      ["id", "uuid"],
      ["siteId", "uuid"],
      ["cityCode", "text"],
      ["year", "int"],
      ["level", '"ReviewLevel"'],
      ["total", "int"],
      ["comments", "text"],
      ["assessorId", "text"],
      ["createdAt", "timestamptz"],
    ]),
  );
  const scores = new TableLoader<Prisma.AssessmentScoreCreateManyInput>(
    "assessmentScores",
    bulkInsert(prisma, "AssessmentScore", [
      ["assessmentId", "uuid"],
      ["criterionCode", "text"],
      ["score", "int"],
    ]),
    { size: 5000, after: assessments },
  );
  for (const item of stream.assessments) {
    await assessments.add(item.assessment);
    for (const score of item.scores) await scores.add(score);
  }
  await assessments.drain();
  await scores.drain();
  loaded(assessments.load);
  loaded(scores.load);

  const excellent = new TableLoader<Prisma.ExcellentHomeCreateManyInput>(
    "excellentHomes",
    bulkInsert(prisma, "ExcellentHome", [
      ["year", "int"],
      ["siteId", "uuid"],
      ["citation", "text"],
      ["selectedBy", "text"],
      ["selectedAt", "timestamptz"],
    ]),
  );
  loaded(await excellent.addAll(stream.excellent()));

  // The homes' applications and construction tenders: each home's rows follow one another into the
  // database, the rows that point at others waiting until those are in.
  const applications = new TableLoader<Prisma.SiteApplicationCreateManyInput>(
    "applications",
    bulkInsert(prisma, "SiteApplication", [
      ["id", "uuid"],
      ["siteId", "uuid"],
      ["applicantOrganisationId", "uuid"],
      ["hostModel", '"HostModel"'],
      ["proposedAddress", "text"],
      ["latitude", "numeric"],
      ["longitude", "numeric"],
      ["proposedCapacity", "int"],
      ["submittedBy", "text"],
      ["submittedAt", "timestamptz"],
    ]),
  );
  const documents = new TableLoader<Prisma.ApplicationDocumentCreateManyInput>(
    "applicationDocuments",
    bulkInsert(prisma, "ApplicationDocument", [
      ["id", "uuid"],
      ["applicationId", "uuid"],
      ["title", "text"],
      ["kind", "text"],
      ["url", "text"],
      ["mediaType", "text"],
      ["sizeBytes", "int"],
      ["addedAt", "timestamptz"],
    ]),
    { after: applications },
  );
  const reviews = new TableLoader<Prisma.ApplicationReviewCreateManyInput>(
    "applicationReviews",
    bulkInsert(prisma, "ApplicationReview", [
      ["id", "uuid"],
      ["applicationId", "uuid"],
      ["level", '"ReviewLevel"'],
      ["decision", '"ReviewDecision"'],
      ["comments", "text"],
      ["reviewerId", "text"],
      ["reviewedAt", "timestamptz"],
    ]),
    { after: applications },
  );
  for (const item of applicationRows(homes, seed)) {
    await applications.add(item.application);
    for (const document of item.documents) await documents.add(document);
    for (const review of item.reviews) await reviews.add(review);
  }
  for (const table of [applications, documents, reviews]) loaded(await table.drain());

  const tenders = new TableLoader<Prisma.TenderCreateManyInput>(
    "tenders",
    bulkInsert(prisma, "Tender", [
      ["id", "uuid"],
      ["title", "text"],
      ["purpose", '"TenderPurpose"'],
      ["regionCode", "text"],
      ["deadline", "timestamptz"],
      ["createdBy", "text"],
      ["createdAt", "timestamptz"],
    ]),
  );
  const lots = new TableLoader<Prisma.TenderLotCreateManyInput>(
    "tenderLots",
    bulkInsert(prisma, "TenderLot", [
      ["id", "uuid"],
      ["tenderId", "uuid"],
      ["number", "int"],
      ["title", "text"],
      ["siteId", "uuid"],
    ]),
    { after: tenders },
  );
  const criteria = new TableLoader<Prisma.TenderCriterionCreateManyInput>(
    "tenderCriteria",
    bulkInsert(prisma, "TenderCriterion", [
      ["id", "uuid"],
      ["tenderId", "uuid"],
      ["position", "int"],
      ["name", "text"],
      ["kind", '"CriterionKind"'],
      ["weight", "int"],
    ]),
    { after: tenders },
  );
  const evaluators = new TableLoader<Prisma.TenderEvaluatorCreateManyInput>(
    "tenderEvaluators",
    bulkInsert(prisma, "TenderEvaluator", [
      ["tenderId", "uuid"],
      ["evaluatorId", "text"],
      ["organisationId", "uuid"],
    ]),
    { after: tenders },
  );
  const bids = new TableLoader<Prisma.BidCreateManyInput>(
    "bids",
    bulkInsert(prisma, "Bid", [
      ["id", "uuid"],
      ["lotId", "uuid"],
      ["vendorOrganisationId", "uuid"],
      ["amountFen", "bigint"],
      ["currency", "text"],
      ["submittedBy", "text"],
      ["submittedAt", "timestamptz"],
    ]),
    { after: lots },
  );
  const bidScores = new TableLoader<Prisma.BidScoreCreateManyInput>(
    "bidScores",
    bulkInsert(prisma, "BidScore", [
      ["bidId", "uuid"],
      ["criterionId", "uuid"],
      ["evaluatorId", "text"],
      ["score", "int"],
      ["scoredAt", "timestamptz"],
    ]),
    { size: 5000, after: bids },
  );
  const contracts = new TableLoader<Prisma.ContractCreateManyInput>(
    "contracts",
    bulkInsert(prisma, "Contract", [
      ["id", "uuid"],
      ["lotId", "uuid"],
      ["bidId", "uuid"],
      ["vendorOrganisationId", "uuid"],
      ["amountFen", "bigint"],
      ["currency", "text"],
      ["awardedBy", "text"],
      ["awardedAt", "timestamptz"],
    ]),
    { after: bids },
  );
  for (const item of tenderRows(homes, seed)) {
    await tenders.add(item.tender);
    await lots.add(item.lot);
    for (const criterion of item.criteria) await criteria.add(criterion);
    for (const evaluator of item.evaluators) await evaluators.add(evaluator);
    for (const bid of item.bids) await bids.add(bid);
    for (const score of item.scores) await bidScores.add(score);
    if (item.contract) await contracts.add(item.contract);
  }
  for (const table of [tenders, lots, criteria, evaluators, bids, bidScores, contracts]) {
    loaded(await table.drain());
  }
  // What was loaded in bulk is announced, so that the subgraphs that name sites know them.
  await announceUnannouncedSites(prisma);
  return Object.fromEntries(loads.map((load) => [load.table, load.rows]));
}

function* concat<Row>(...sources: Iterable<Row>[]): Generator<Row> {
  for (const source of sources) yield* source;
}
