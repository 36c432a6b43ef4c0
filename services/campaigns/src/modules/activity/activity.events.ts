import {
  ACTIVITY_EVENT_VERSION,
  ActivityEventType,
  type ActivityFacts,
  appendEvents,
} from "@lamplight/events";
import type { Prisma } from "../../generated/prisma/client.js";

type Activity = Prisma.ActivityGetPayload<object>;

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Appends `activity.published` for an activity just created, in the creating transaction: its public
 * facts, none of its registrations. Only the command announces: the activities the seed loads are
 * history, and are never announced.
 */
export async function appendActivityPublished(
  tx: Prisma.TransactionClient,
  activity: Activity,
  homeIds: readonly string[],
): Promise<void> {
  const facts: ActivityFacts = {
    id: activity.id,
    title: activity.title,
    kind: activity.kind,
    projectId: activity.projectId,
    homeIds: [...homeIds],
    regionCode: activity.regionCode,
    cityCode: activity.cityCode,
    startsOn: day(activity.startsOn),
    endsOn: day(activity.endsOn),
  };
  await appendEvents(tx, [
    {
      type: ActivityEventType.PUBLISHED,
      version: ACTIVITY_EVENT_VERSION,
      entity: "Activity",
      key: activity.id,
      payload: { ...facts },
    },
  ]);
}
