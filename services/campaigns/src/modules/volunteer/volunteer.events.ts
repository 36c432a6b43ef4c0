import {
  type EventHandler,
  VOLUNTEER_EVENT_VERSION,
  VolunteerEventType,
  volunteerFacts,
} from "@lamplight/events";

/** Keeps a volunteer's status and county as people says them. */
const keepVolunteer: EventHandler = async (tx, event) => {
  const volunteer = volunteerFacts(event.payload);
  await tx.$executeRawUnsafe(
    `INSERT INTO "VolunteerReplica" ("id", "status", "countyCode", "cityCode", "updatedAt")
     VALUES ($1::uuid, $2, $3, $4, now())
     ON CONFLICT ("id") DO UPDATE SET "status" = EXCLUDED."status", "countyCode" = EXCLUDED."countyCode",
       "cityCode" = EXCLUDED."cityCode", "updatedAt" = now()`,
    volunteer.id,
    volunteer.status,
    volunteer.countyCode,
    volunteer.cityCode,
  );
};

/** What campaigns does with people's volunteer events. */
export const volunteerEventHandlers: Record<string, Record<number, EventHandler>> = Object.fromEntries(
  Object.values(VolunteerEventType).map((type) => [type, { [VOLUNTEER_EVENT_VERSION]: keepVolunteer }]),
);
