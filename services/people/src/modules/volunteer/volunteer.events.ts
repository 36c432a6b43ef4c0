import {
  announceUnannounced,
  appendStateEvents,
  type SqlClient,
  type StateEventSource,
  type TransactionalSqlClient,
  VOLUNTEER_EVENT_VERSION,
  VolunteerEventType,
} from "@lamplight/events";

/** A volunteer's facts as every volunteer event carries them (VolunteerFacts, docs/EVENTS.md). */
const VOLUNTEER_FACTS: StateEventSource = {
  entity: "Volunteer",
  version: VOLUNTEER_EVENT_VERSION,
  from: `"Volunteer" v`,
  key: `v."id"::text`,
  payload: `jsonb_build_object('id', v."id", 'status', v."status", 'countyCode', v."regionCode",
    'cityCode', v."cityCode")`,
  order: `v."createdAt", v."id"`,
};

/** Appends one `type` event for a volunteer, with their facts as the transaction now sees them. */
export function appendVolunteerEvent(
  tx: SqlClient,
  type: VolunteerEventType,
  volunteerId: string,
): Promise<number> {
  return appendStateEvents(tx, VOLUNTEER_FACTS, type, `v."id" = $2::uuid`, volunteerId);
}

/** Announces every volunteer never announced (the bulk seed, older data); run at start. */
export function announceUnannouncedVolunteers(client: TransactionalSqlClient): Promise<number> {
  return announceUnannounced(client, VOLUNTEER_FACTS, VolunteerEventType.REGISTERED);
}
