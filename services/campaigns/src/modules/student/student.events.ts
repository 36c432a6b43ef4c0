import { type EventHandler, STUDENT_EVENT_VERSION, StudentEventType, studentFacts } from "@lamplight/events";

/** Keeps a child's home, county and consent as people says them. */
const keepStudent: EventHandler = async (tx, event) => {
  const student = studentFacts(event.payload);
  await tx.$executeRawUnsafe(
    `INSERT INTO "StudentReplica" ("id", "siteId", "countyCode", "cityCode", "consentStatistics", "updatedAt")
     VALUES ($1::uuid, $2::uuid, $3, $4, $5, now())
     ON CONFLICT ("id") DO UPDATE SET "siteId" = EXCLUDED."siteId", "countyCode" = EXCLUDED."countyCode",
       "cityCode" = EXCLUDED."cityCode", "consentStatistics" = EXCLUDED."consentStatistics", "updatedAt" = now()`,
    student.id,
    student.siteId,
    student.countyCode,
    student.cityCode,
    student.consentStatistics,
  );
};

/** What campaigns does with people's student events. */
export const studentEventHandlers: Record<string, Record<number, EventHandler>> = Object.fromEntries(
  Object.values(StudentEventType).map((type) => [type, { [STUDENT_EVENT_VERSION]: keepStudent }]),
);
