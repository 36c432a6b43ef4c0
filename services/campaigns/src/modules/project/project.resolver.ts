import { BadUserInputError, NotFoundError } from "@lamplight/platform";
import { isRegionCode } from "@lamplight/regions";
import {
  Allow,
  Connection,
  type ConnectionResult,
  DateScalar,
  ListBound,
  Money,
  money,
  PageArgs,
  PartnerScope,
  PUBLIC,
  pageOfList,
  pageRequest,
  seesEveryoneCounted,
  suppressSmall,
} from "@lamplight/subgraph-kit";
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CampaignsContext } from "../../context.js";
import { projectActivityPageLoader } from "../activity/activity.loader.js";
import { ActivityConnection } from "../activity/activity.resolver.js";
import type { Activity } from "../activity/activity.type.js";
import { Organisation } from "../organisation/organisation.type.js";
import { Region } from "../region/region.type.js";
import { AddMilestoneInput, CreateProjectInput, ProjectFilter } from "./project.inputs.js";
import {
  milestonesLoader,
  projectByCodeLoader,
  projectLoader,
  projectTotalsLoader,
} from "./project.loader.js";
import { PROJECT_MANAGERS } from "./project.policy.js";
import { Project, ProjectMilestone, ProjectResults, ProjectStatus } from "./project.type.js";

export const ProjectConnection = Connection(Project);
export const ProjectMilestoneConnection = Connection(ProjectMilestone);

/** Projects are public: the programme offers them to society. */
@Resolver(() => Project)
export class ProjectResolver {
  @PartnerScope("read:campaigns")
  @Query(() => Project, {
    nullable: true,
    description: "One project by id or by code; null when there is none.",
  })
  @Allow(PUBLIC)
  project(
    @Arg("id", () => ID, { nullable: true }) id: string | null,
    @Arg("code", () => String, { nullable: true }) code: string | null,
    @Ctx() context: CampaignsContext,
  ): Promise<Project | null> {
    // An argument left out arrives as undefined.
    if ((id == null) === (code == null)) {
      throw new BadUserInputError("Give either id or code", { field: "id" });
    }
    return id != null ? projectLoader(context).load(id) : projectByCodeLoader(context).load(code!);
  }

  @PartnerScope("read:campaigns")
  @Query(() => ProjectConnection, { description: "The programme's projects, by name, a page at a time." })
  @Allow(PUBLIC)
  projects(
    @Arg("filter", () => ProjectFilter, { nullable: true }) filter: ProjectFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Project>> {
    if (filter?.region && !isRegionCode(filter.region)) {
      throw new BadUserInputError(`filter.region "${filter.region}" is not a region of the province`, {
        field: "filter.region",
      });
    }
    return context.projects.list(
      { status: filter?.status ?? null, region: filter?.region ?? null },
      pageRequest(page),
    );
  }

  @Mutation(() => Project, { description: "Offers a new public-welfare project. Province admins." })
  @Allow(...PROJECT_MANAGERS)
  async createProject(
    @Arg("input", () => CreateProjectInput) input: CreateProjectInput,
    @Ctx() context: CampaignsContext,
  ): Promise<Project> {
    if (input.fundraisingTarget.fen < 0) {
      throw new BadUserInputError("input.fundraisingTarget.fen must not be negative", {
        field: "input.fundraisingTarget.fen",
      });
    }
    const unknown = input.regionCodes.find((code) => !isRegionCode(code));
    if (unknown) {
      throw new BadUserInputError(`input.regionCodes: "${unknown}" is not a region of the province`, {
        field: "input.regionCodes",
      });
    }
    return context.projectService.create({
      code: input.code,
      name: input.name.trim(),
      description: input.description.trim(),
      targetFen: BigInt(input.fundraisingTarget.fen),
      ownerOrganisationId: input.ownerOrganisationId ?? null,
      regionCodes: [...new Set(input.regionCodes)],
      status: input.status,
    });
  }

  @Mutation(() => Project, { description: "Moves a project to another status. Province admins." })
  @Allow(...PROJECT_MANAGERS)
  async setProjectStatus(
    @Arg("id", () => ID) id: string,
    @Arg("status", () => ProjectStatus) status: ProjectStatus,
    @Ctx() context: CampaignsContext,
  ): Promise<Project> {
    if (!(await projectLoader(context).load(id))) throw new NotFoundError("Project", id);
    return context.projectService.setStatus(id, status);
  }

  @Mutation(() => ProjectMilestone, { description: "Adds a planned step to a project. Province admins." })
  @Allow(...PROJECT_MANAGERS)
  async addProjectMilestone(
    @Arg("input", () => AddMilestoneInput) input: AddMilestoneInput,
    @Ctx() context: CampaignsContext,
  ): Promise<ProjectMilestone> {
    if (!(await projectLoader(context).load(input.projectId)))
      throw new NotFoundError("Project", input.projectId);
    return context.projects.addMilestone({
      projectId: input.projectId,
      title: input.title.trim(),
      dueOn: input.dueOn,
    });
  }

  @Mutation(() => ProjectMilestone, {
    description: "Records the day a milestone was reached. Province admins.",
  })
  @Allow(...PROJECT_MANAGERS)
  async reachProjectMilestone(
    @Arg("id", () => ID) id: string,
    @Arg("reachedOn", () => DateScalar) reachedOn: Date,
    @Ctx() context: CampaignsContext,
  ): Promise<ProjectMilestone> {
    if (!(await context.projects.findMilestone(id))) throw new NotFoundError("ProjectMilestone", id);
    return context.projects.reachMilestone(id, reachedOn);
  }

  @FieldResolver(() => Money, { description: "What the project aims to raise, in integer fen." })
  fundraisingTarget(@Root() project: Project): Money {
    return money(project.targetFen);
  }

  @FieldResolver(() => Organisation, { nullable: true, description: "The organisation running the project." })
  ownerOrganisation(@Root() project: Project): Organisation | null {
    return project.ownerOrganisationId ? Organisation.of(project.ownerOrganisationId) : null;
  }

  @ListBound(200)
  @FieldResolver(() => [Region], { description: "The regions the project serves (the province for all)." })
  regions(@Root() project: Project): Region[] {
    return project.regionCodes.map((code) => Region.of(code));
  }

  @FieldResolver(() => ProjectMilestoneConnection, { description: "The project's steps, by due day." })
  async milestones(
    @Root() project: Project,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<ProjectMilestone>> {
    const request = pageRequest(page);
    const rows = await milestonesLoader(context).load(project.id);
    return pageOfList(rows, request, [
      { field: "dueOn", direction: "asc" },
      { field: "id", direction: "asc" },
    ]);
  }

  @FieldResolver(() => ActivityConnection, {
    description: "The activities the project pays for, by first day.",
  })
  async activities(
    @Root() project: Project,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() context: CampaignsContext,
  ): Promise<ConnectionResult<Activity>> {
    const request = pageRequest(page);
    return projectActivityPageLoader(context, request).load(project.id);
  }

  @FieldResolver(() => ProjectResults, { description: "What the project's activities achieved so far." })
  async results(@Root() project: Project, @Ctx() context: CampaignsContext): Promise<ProjectResults> {
    const totals = await projectTotalsLoader(context).load(project.id);
    return {
      ...totals,
      // Exact only for whoever may see every child of every region the project serves.
      childrenReached: seesEveryoneCounted(context.principal, { regionCodes: project.regionCodes })
        ? totals.childrenReached
        : suppressSmall(totals.childrenReached, context.suppressBelow),
    };
  }
}
