import {
  announceUnannounced,
  appendStateEvents,
  type SqlClient,
  STUDENT_EVENT_VERSION,
  type StateEventSource,
  StudentEventType,
  type TransactionalSqlClient,
} from "@lamplight/events";

/**
 * A child's facts as every student event carries them (StudentFacts in the events catalogue,
 * docs/EVENTS.md): where they live and which home they attend, and whether they may be counted.
 * Never a name, a birth date or anything of their family.
 */
const STUDENT_FACTS: StateEventSource = {
  entity: "Student",
  version: STUDENT_EVENT_VERSION,
  from: `"Student" s`,
  key: `s."id"::text`,
  payload: `jsonb_build_object('id', s."id", 'siteId', s."siteId", 'countyCode', s."regionCode",
    'cityCode', s."cityCode", 'consentStatistics', s."consentStatistics")`,
  order: `s."createdAt", s."id"`,
};

/** Appends one `type` event per child, with their facts as the transaction now sees them. */
export function appendStudentEvents(
  tx: SqlClient,
  type: StudentEventType,
  studentIds: readonly string[],
): Promise<number> {
  return appendStateEvents(tx, STUDENT_FACTS, type, `s."id" = ANY($2::uuid[])`, studentIds);
}

/** Appends one `type` event for every child attending a home. */
export function appendStudentEventsAtSite(
  tx: SqlClient,
  type: StudentEventType,
  siteId: string,
): Promise<number> {
  return appendStateEvents(tx, STUDENT_FACTS, type, `s."siteId" = $2::uuid`, siteId);
}

/** Announces every child never announced (the bulk seed, older data); run at start. */
export function announceUnannouncedStudents(client: TransactionalSqlClient): Promise<number> {
  return announceUnannounced(client, STUDENT_FACTS, StudentEventType.REGISTERED);
}
