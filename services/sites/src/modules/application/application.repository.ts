import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError, NotFoundError } from "@lamplight/platform";
import { isUuid, type PageRequest } from "@lamplight/subgraph-kit";
import type { PrismaClient } from "../../generated/prisma/client.js";
import { pagesByParent } from "../../paging.js";
import { type Actor, moveSite } from "../transition/transition.repository.js";
import type { DocumentInput, ReviewApplicationInput, SubmitApplicationInput } from "./application.inputs.js";
import { REVIEW_ORDER } from "./application.policy.js";
import type { ApplicationDocument, ApplicationReview, SiteApplication } from "./application.type.js";

export const DOCUMENT_ORDER = [
  { field: "addedAt", direction: "asc" },
  { field: "id", direction: "asc" },
] as const;

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
  ): Promise<Map<string, ApplicationDocument[]>> {
    return pagesByParent<ApplicationDocument & Record<string, unknown>>(
      this.prisma,
      {
        table: "ApplicationDocument",
        parentColumn: "applicationId",
        columns: `"id", "applicationId", "title", "kind", "url", "mediaType", "sizeBytes", "addedAt"`,
        orderColumn: "addedAt",
        orderKind: "timestamp",
      },
      applicationIds,
      page,
    );
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

  /**
   * Records the application of a proposed site and moves the site to APPLIED, in one transaction:
   * the site takes the proposed host model, address, location and capacity. One application per
   * site (a unique index settles a race: CONFLICT).
   */
  async submit(siteId: string, input: SubmitApplicationInput, actor: Actor): Promise<SiteApplication> {
    if (!isUuid(siteId)) throw new NotFoundError("Site", siteId);
    try {
      return await this.prisma.$transaction(async (tx) => {
        const application = await tx.siteApplication.create({
          data: {
            siteId,
            applicantOrganisationId: input.applicantOrganisationId,
            hostModel: input.hostModel,
            proposedAddress: input.proposedAddress.trim(),
            latitude: input.proposedLocation?.latitude ?? null,
            longitude: input.proposedLocation?.longitude ?? null,
            proposedCapacity: input.proposedCapacity,
            submittedBy: actor.id,
            documents: { create: input.documents.map(documentData) },
          },
        });
        await moveSite(tx, siteId, "APPLIED", actor, "Application submitted");
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
        return application;
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, "SiteApplication_siteId_key")) {
        throw new ConflictError(`Site ${siteId} already has an application`, { siteId });
      }
      throw error;
    }
  }

  addDocument(applicationId: string, input: DocumentInput): Promise<ApplicationDocument> {
    return this.prisma.applicationDocument.create({ data: { applicationId, ...documentData(input) } });
  }

  /**
   * Records the review of one level. The site must be under review; the level below must have
   * approved first; each level reviews once (a unique index settles a race: CONFLICT).
   */
  async review(
    application: SiteApplication,
    input: ReviewApplicationInput,
    reviewerId: string | null,
  ): Promise<ApplicationReview> {
    const [site, reviews] = await Promise.all([
      this.prisma.site.findUniqueOrThrow({ where: { id: application.siteId } }),
      this.prisma.applicationReview.findMany({ where: { applicationId: application.id } }),
    ]);
    if (site.status !== "UNDER_REVIEW") {
      throw new BadUserInputError(`A site that is ${site.status} is not under review`, {
        field: "applicationId",
        currentStatus: site.status,
      });
    }
    const below = REVIEW_ORDER[REVIEW_ORDER.indexOf(input.level) - 1];
    if (below && !reviews.some((review) => review.level === below && review.decision === "APPROVE")) {
      throw new BadUserInputError(
        `The ${below.toLowerCase()} level must approve before the ${input.level.toLowerCase()} level reviews`,
        {
          field: "input.level",
        },
      );
    }
    if (reviews.some((review) => review.decision === "REJECT")) {
      throw new BadUserInputError("The application has been rejected at another level", {
        field: "applicationId",
      });
    }
    try {
      return await this.prisma.applicationReview.create({
        data: {
          applicationId: application.id,
          level: input.level,
          decision: input.decision,
          comments: input.comments.trim(),
          reviewerId,
        },
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, "ApplicationReview_applicationId_level_key")) {
        throw new ConflictError(
          `The ${input.level.toLowerCase()} level has already reviewed this application`,
          {
            level: input.level,
          },
        );
      }
      throw error;
    }
  }
}
