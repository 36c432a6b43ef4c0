import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { BadUserInputError, ConflictError, NotFoundError } from "@lamplight/platform";
import { isUuid } from "@lamplight/subgraph-kit";
import type { Actor, TransitionService } from "../transition/transition.service.js";
import type { DocumentInput, ReviewApplicationInput, SubmitApplicationInput } from "./application.inputs.js";
import { REVIEW_ORDER } from "./application.policy.js";
import {
  type ApplicationRepository,
  ONE_APPLICATION_PER_SITE,
  ONE_REVIEW_PER_LEVEL,
} from "./application.repository.js";
import type { ApplicationDocument, ApplicationReview, SiteApplication } from "./application.type.js";

/** A proposed site's application and its reviews, level by level. */
export class ApplicationService {
  constructor(
    private readonly applications: ApplicationRepository,
    private readonly transitions: TransitionService,
  ) {}

  /**
   * Records the application of a proposed site and moves the site to APPLIED, in one transaction:
   * the site takes the proposed host model, address, location and capacity. One application per
   * site (a unique index settles a race: CONFLICT).
   */
  async submit(siteId: string, input: SubmitApplicationInput, actor: Actor): Promise<SiteApplication> {
    if (!isUuid(siteId)) throw new NotFoundError("Site", siteId);
    try {
      return await this.applications.transaction(async (tx) => {
        const application = await this.applications.create(tx, siteId, input, actor.id);
        await this.transitions.moveWithin(tx, siteId, "APPLIED", actor, "Application submitted");
        await this.applications.applyToSite(tx, siteId, input);
        return application;
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_APPLICATION_PER_SITE)) {
        throw new ConflictError(`Site ${siteId} already has an application`, { siteId });
      }
      throw error;
    }
  }

  addDocument(applicationId: string, input: DocumentInput): Promise<ApplicationDocument> {
    return this.applications.addDocument(applicationId, input);
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
    const { siteStatus, reviews } = await this.applications.reviewState(application);
    if (siteStatus !== "UNDER_REVIEW") {
      throw new BadUserInputError(`A site that is ${siteStatus} is not under review`, {
        field: "applicationId",
        currentStatus: siteStatus,
      });
    }
    const below = REVIEW_ORDER[REVIEW_ORDER.indexOf(input.level) - 1];
    if (below && !reviews.some((review) => review.level === below && review.decision === "APPROVE")) {
      throw new BadUserInputError(
        `The ${below.toLowerCase()} level must approve before the ${input.level.toLowerCase()} level reviews`,
        { field: "input.level" },
      );
    }
    if (reviews.some((review) => review.decision === "REJECT")) {
      throw new BadUserInputError("The application has been rejected at another level", {
        field: "applicationId",
      });
    }
    try {
      return await this.applications.createReview(application, input, reviewerId);
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_REVIEW_PER_LEVEL)) {
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
