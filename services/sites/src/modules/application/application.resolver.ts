import { NotFoundError } from "@lamplight/platform";
import {
  Allow,
  Connection,
  type ConnectionResult,
  ListBound,
  PageArgs,
  PUBLIC,
  pageRequest,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { SitesContext } from "../../context.js";
import { Organisation } from "../organisation/organisation.type.js";
import { siteLoader } from "../site/site.loader.js";
import { GeoPoint, Site } from "../site/site.type.js";
import {
  actorLevel,
  assertActsOn,
  HISTORY_READERS,
  SITE_OFFICIALS,
} from "../transition/transition.policy.js";
import { DocumentInput, ReviewApplicationInput, SubmitApplicationInput } from "./application.inputs.js";
import {
  applicationBySiteLoader,
  applicationLoader,
  documentPageLoader,
  reviewsLoader,
} from "./application.loader.js";
import { assertMayReviewAt, REVIEW_ORDER } from "./application.policy.js";
import { ApplicationDocument, ApplicationReview, SiteApplication } from "./application.type.js";

export const ApplicationDocumentConnection = Connection(ApplicationDocument);

async function siteOf(context: SitesContext, siteId: string): Promise<Site> {
  const site = await siteLoader(context).load(siteId);
  if (!site) throw new NotFoundError("Site", siteId);
  return site;
}

@Resolver(() => SiteApplication)
export class ApplicationResolver {
  @Query(() => SiteApplication, {
    nullable: true,
    description: "One application by id; officials and site managers.",
  })
  @Allow(...HISTORY_READERS)
  siteApplication(
    @Arg("id", () => ID) id: string,
    @Ctx() context: SitesContext,
  ): Promise<SiteApplication | null> {
    return applicationLoader(context).load(id);
  }

  @Mutation(() => SiteApplication, {
    description:
      "Submits the application for a PROPOSED site and moves it to APPLIED. The site takes the proposed host model, address, location and capacity. Officials of the site's county, city or the province.",
  })
  @Allow(...SITE_OFFICIALS)
  async submitApplication(
    @Arg("siteId", () => ID) siteId: string,
    @Arg("input", () => SubmitApplicationInput) input: SubmitApplicationInput,
    @Ctx() context: SitesContext,
  ): Promise<SiteApplication> {
    const site = await siteOf(context, siteId);
    const level = actorLevel(context.principal, site.regionCode);
    await context.knownOrganisations.require(input.applicantOrganisationId, "input.applicantOrganisationId");
    const application = await context.applicationService.submit(siteId, input, {
      id: context.principal.subject,
      roles: [...context.principal.roles],
      level,
    });
    // The site changed (status and proposed details): read it afresh if the answer asks for it.
    siteLoader(context).clear(siteId);
    return application;
  }

  @Mutation(() => ApplicationDocument, { description: "Adds a supporting document to an application." })
  @Allow(...SITE_OFFICIALS)
  async addApplicationDocument(
    @Arg("applicationId", () => ID) applicationId: string,
    @Arg("input", () => DocumentInput) input: DocumentInput,
    @Ctx() context: SitesContext,
  ): Promise<ApplicationDocument> {
    const application = await applicationLoader(context).load(applicationId);
    if (!application) throw new NotFoundError("SiteApplication", applicationId);
    const site = await siteOf(context, application.siteId);
    assertActsOn(context.principal, site.regionCode);
    return context.applicationService.addDocument(applicationId, input);
  }

  @Mutation(() => ApplicationReview, {
    description:
      "Records the review of an application at one level (county, then city, then province), with comments and a decision. The site must be UNDER_REVIEW.",
  })
  @Allow(...SITE_OFFICIALS)
  async reviewApplication(
    @Arg("applicationId", () => ID) applicationId: string,
    @Arg("input", () => ReviewApplicationInput) input: ReviewApplicationInput,
    @Ctx() context: SitesContext,
  ): Promise<ApplicationReview> {
    const application = await applicationLoader(context).load(applicationId);
    if (!application) throw new NotFoundError("SiteApplication", applicationId);
    const site = await siteOf(context, application.siteId);
    assertMayReviewAt(context.principal, input.level, site.regionCode);
    return context.applicationService.review(application, input, context.principal.subject);
  }

  @FieldResolver(() => Site)
  site(@Root() application: SiteApplication, @Ctx() context: SitesContext): Promise<Site> {
    return siteOf(context, application.siteId);
  }

  @FieldResolver(() => Organisation, {
    nullable: true,
    description: "The organisation that applied (people subgraph).",
  })
  applicant(@Root() application: SiteApplication): Organisation {
    return Organisation.of(application.applicantOrganisationId);
  }

  @FieldResolver(() => GeoPoint, { nullable: true })
  proposedLocation(@Root() application: SiteApplication): GeoPoint | null {
    if (application.latitude === null || application.longitude === null) return null;
    return {
      latitude: Number(application.latitude.toString()),
      longitude: Number(application.longitude.toString()),
    };
  }

  @ListBound(3)
  @FieldResolver(() => [ApplicationReview], {
    description: "The reviews made so far, county first; at most three, so not paged.",
  })
  async reviews(
    @Root() application: SiteApplication,
    @Ctx() context: SitesContext,
  ): Promise<ApplicationReview[]> {
    const reviews = await reviewsLoader(context).load(application.id);
    return [...reviews].sort((a, b) => REVIEW_ORDER.indexOf(a.level) - REVIEW_ORDER.indexOf(b.level));
  }

  @FieldResolver(() => ApplicationDocumentConnection, { description: "Supporting documents, oldest first." })
  async documents(
    @Root() application: SiteApplication,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: SitesContext,
  ): Promise<ConnectionResult<ApplicationDocument>> {
    return documentPageLoader(context, pageRequest(args)).load(application.id);
  }
}

@Resolver(() => Site)
export class SiteApplicationResolver {
  @FieldResolver(() => SiteApplication, {
    nullable: true,
    description: "The application to build this home, once submitted. Officials and site managers.",
  })
  @Allow(...HISTORY_READERS)
  application(@Root() site: Site, @Ctx() context: SitesContext): Promise<SiteApplication | null> {
    return applicationBySiteLoader(context).load(site.id);
  }

  // Public marker, so that a site's ability to take an application is visible without a token.
  @FieldResolver(() => Boolean, { description: "Whether an application has been submitted for this home." })
  @Allow(PUBLIC)
  async hasApplication(@Root() site: Site, @Ctx() context: SitesContext): Promise<boolean> {
    return (await applicationBySiteLoader(context).load(site.id)) !== null;
  }
}
