import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { ProjectEventType } from "@lamplight/events";
import { ConflictError } from "@lamplight/platform";
import { appendProjectEvent } from "./project.events.js";
import { type NewProject, ONE_PROJECT_PER_CODE, type ProjectRepository } from "./project.repository.js";
import type { Project, ProjectStatus } from "./project.type.js";

/** Offering projects and moving them through their statuses, each change announced. */
export class ProjectService {
  constructor(private readonly projects: ProjectRepository) {}

  /** Writes a project and announces it, in one transaction; a code is used once (CONFLICT). */
  async create(project: NewProject): Promise<Project> {
    try {
      return await this.projects.transaction(async (tx) => {
        const created = await this.projects.create(tx, project);
        await appendProjectEvent(tx, ProjectEventType.REGISTERED, created.id);
        return created;
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_PROJECT_PER_CODE)) {
        throw new ConflictError(`A project with code ${project.code} exists`, { code: project.code });
      }
      throw error;
    }
  }

  setStatus(id: string, status: ProjectStatus): Promise<Project> {
    return this.projects.transaction(async (tx) => {
      const project = await this.projects.setStatus(tx, id, status);
      await appendProjectEvent(tx, ProjectEventType.STATUS_CHANGED, id);
      return project;
    });
  }
}
