import {
  announceUnannounced,
  appendStateEvents,
  PROJECT_EVENT_VERSION,
  ProjectEventType,
  type SqlClient,
  type StateEventSource,
  type TransactionalSqlClient,
} from "@lamplight/events";

/** A project's facts as every project event carries them (ProjectFacts, docs/EVENTS.md). */
const PROJECT_FACTS: StateEventSource = {
  entity: "Project",
  version: PROJECT_EVENT_VERSION,
  from: `"Project" p`,
  key: `p."id"::text`,
  payload: `jsonb_build_object('id', p."id", 'code', p."code", 'name', p."name", 'status', p."status",
    'regionCodes', to_jsonb(p."regionCodes"))`,
  order: `p."createdAt", p."id"`,
};

/** Appends one `type` event for a project, with its facts as the transaction now sees them. */
export function appendProjectEvent(
  tx: SqlClient,
  type: ProjectEventType,
  projectId: string,
): Promise<number> {
  return appendStateEvents(tx, PROJECT_FACTS, type, `p."id" = $2::uuid`, projectId);
}

/** Announces every project never announced (the demo projects the seed loads); run at start. */
export function announceUnannouncedProjects(client: TransactionalSqlClient): Promise<number> {
  return announceUnannounced(client, PROJECT_FACTS, ProjectEventType.REGISTERED);
}
