import {
  type ConnectionResult,
  isUuid,
  type PageRequest,
  pagesByParent,
  type SqlOrderKey,
} from "@lamplight/subgraph-kit";
import { Prisma, type PrismaClient } from "../../generated/prisma/client.js";
import type { DocumentInput, ReviewApplicationInput, SubmitApplicationInput } from "./application.inputs.js";
import type { ApplicationDocument, ApplicationReview, SiteApplication } from "./application.type.js";

/** The unique indexes that allow one application per site and one review per level. */
export const ONE_APPLICATION_PER_SITE = "SiteApplication_siteId_key";
export const ONE_REVIEW_PER_LEVEL = "ApplicationReview_applicationId_level_key";

const DOCUMENT_ORDER: readonly SqlOrderKey[] = [
  { field: "addedAt", direction: "asc", type: "timestamptz" },
  { field: "id", direction: "asc", type: "uuid" },
];

const documentData = (document: DocumentInput) => ({
  title: document.title.trim(),
  kind: document.kind,
  url: document.url,
  mediaType: document.mediaType,
  sizeBytes: document.sizeBytes ?? null,
});

/** Applications, their documents and reviews: the only code that touches those tables. */
export class ApplicationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findByIds(ids: readonly string[]): Promise<SiteApplication[]> {
    const valid = ids.filter(isUuid);
    return valid.length
      ? this.prisma.siteApplication.findMany({ where: { id: { in: valid } } })
      : Promise.resolve([]);
  }

  findBySiteIds(siteIds: readonly string[]): Promise<SiteApplication[]> {
    const valid = siteIds.filter(isUuid);
    return valid.length
      ? this.prisma.siteApplication.findMany({ where: { siteId: { in: valid } } })
      : Promise.resolve([]);
  }

  reviewsOf(applicationIds: readonly string[]): Promise<ApplicationReview[]> {
    const valid = applicationIds.filter(isUuid);
    return valid.length
      ? this.prisma.applicationReview.findMany({ where: { applicationId: { in: valid } } })
      : Promise.resolve([]);
  }

  documentPages(
    applicationIds: readonly string[],
    page: PageRequest,
    countTotal: (id: string) => Promise<number>,
  ): Promise<Map<string, ConnectionResult<ApplicationDocument>>> {
    return pagesByParent<ApplicationDocument>(this.prisma, {
      from: Prisma.sql`SELECT "id", "applicationId", "title", "kind", "url", "mediaType", "sizeBytes", "addedAt" FROM "ApplicationDocument"`,
      parent: "applicationId",
      order: DOCUMENT_ORDER,
      parentIds: applicationIds,
      page,
      countTotal,
    });
  }

  async documentCounts(applicationIds: readonly string[]): Promise<Map<string, number>> {
    const valid = applicationIds.filter(isUuid);
    const groups = valid.length
      ? await this.prisma.applicationDocument.groupBy({
          by: ["applicationId"],
          where: { applicationId: { in: valid } },
          _count: { _all: true },
        })
      : [];
    return new Map(groups.map((group) => [group.applicationId, group._count._all]));
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /** Writes a site's application with its documents, inside the caller's transaction. */
  create(
    tx: Prisma.TransactionClient,
    siteId: string,
    input: SubmitApplicationInput,
    submittedBy: string | null,
  ): Promise<SiteApplication> {
    return tx.siteApplication.create({
      data: {
        siteId,
        applicantOrganisationId: input.applicantOrganisationId,
        hostModel: input.hostModel,
        proposedAddress: input.proposedAddress.trim(),
        latitude: input.proposedLocation?.latitude ?? null,
        longitude: input.proposedLocation?.longitude ?? null,
        proposedCapacity: input.proposedCapacity,
        submittedBy,
        documents: { create: input.documents.map(documentData) },
      },
    });
  }

  /** The site takes the application's host model, address, location and capacity. */
  async applyToSite(
    tx: Prisma.TransactionClient,
    siteId: string,
    input: SubmitApplicationInput,
  ): Promise<void> {
    await tx.site.update({
      where: { id: siteId },
      data: {
        hostModel: input.hostModel,
        address: input.proposedAddress.trim(),
        capacity: input.proposedCapacity,
        ...(input.proposedLocation
          ? { latitude: input.proposedLocation.latitude, longitude: input.proposedLocation.longitude }
          : {}),
      },
    });
  }

  addDocument(applicationId: string, input: DocumentInput): Promise<ApplicationDocument> {
    return this.prisma.applicationDocument.create({ data: { applicationId, ...documentData(input) } });
  }

  /** The status of the site an application is for, and the reviews it has had. */
  async reviewState(
    application: SiteApplication,
  ): Promise<{ siteStatus: string; reviews: ApplicationReview[] }> {
    const [site, reviews] = await Promise.all([
      this.prisma.site.findUniqueOrThrow({ where: { id: application.siteId }, select: { status: true } }),
      this.prisma.applicationReview.findMany({ where: { applicationId: application.id } }),
    ]);
    return { siteStatus: site.status, reviews };
  }

  createReview(
    application: SiteApplication,
    input: ReviewApplicationInput,
    reviewerId: string | null,
  ): Promise<ApplicationReview> {
    return this.prisma.applicationReview.create({
      data: {
        applicationId: application.id,
        level: input.level,
        decision: input.decision,
        comments: input.comments.trim(),
        reviewerId,
      },
    });
  }
}
