import { randomUUID } from "node:crypto";
import {
  ConsumerStore,
  type DomainEvent,
  ORGANISATION_EVENT_VERSION,
  OrganisationEventType,
  type OrganisationFacts,
  PROJECT_EVENT_VERSION,
  ProjectEventType,
  type ProjectFacts,
  SITE_EVENT_VERSION,
  SiteEventType,
  type SiteFacts,
  STUDENT_EVENT_VERSION,
  StudentEventType,
  type StudentFacts,
  VOLUNTEER_EVENT_VERSION,
  VolunteerEventType,
  type VolunteerFacts,
} from "@lamplight/events";
import { cityOf } from "@lamplight/regions";
import type { StartedSubgraph } from "./subgraph.js";

/** An event as its producer would write it; the delivery gives it an id and a time. */
export type ProducedEvent = Pick<DomainEvent, "producer" | "type" | "version" | "entity" | "key" | "payload">;

/**
 * Applies events to a subgraph through its own consumer (the handlers it runs in production), as
 * if their producer had published them: for tests of one subgraph alone. In a composed graph the
 * producers' real events reach it instead.
 */
export async function deliverEvents(
  subgraph: StartedSubgraph,
  events: readonly ProducedEvent[],
): Promise<void> {
  const store = new ConsumerStore(subgraph.database.client as never, subgraph.consumes);
  for (const event of events) {
    await store.apply({ ...event, id: randomUUID(), sequence: 0n, occurredAt: new Date() });
  }
}

/** A site's facts with those of an open home, for what a test does not say. */
export function siteFactsOf(site: Pick<SiteFacts, "id" | "countyCode"> & Partial<SiteFacts>): SiteFacts {
  return {
    name: "测试留守学生之家",
    kind: "HOME",
    status: "OPEN",
    cityCode: cityCodeOf(site.countyCode),
    ...site,
  };
}

/** Tells a subgraph of sites as the sites subgraph would (`site.registered` unless told). */
export function announceSites(
  subgraph: StartedSubgraph,
  sites: ReadonlyArray<Pick<SiteFacts, "id" | "countyCode"> & Partial<SiteFacts>>,
  type: SiteEventType = SiteEventType.REGISTERED,
): Promise<void> {
  return deliverEvents(
    subgraph,
    sites.map((site) => ({
      producer: "sites",
      type,
      version: SITE_EVENT_VERSION,
      entity: "Site",
      key: site.id,
      payload: siteFactsOf(site) as unknown as Record<string, unknown>,
    })),
  );
}

const cityCodeOf = (countyCode: string) => cityOf(countyCode)?.code ?? countyCode;

/** Tells a subgraph of children as people would (`student.registered` unless told). */
export function announceStudents(
  subgraph: StartedSubgraph,
  students: ReadonlyArray<Pick<StudentFacts, "id" | "countyCode"> & Partial<StudentFacts>>,
  type: StudentEventType = StudentEventType.REGISTERED,
): Promise<void> {
  return deliverEvents(
    subgraph,
    students.map((student) => ({
      producer: "people",
      type,
      version: STUDENT_EVENT_VERSION,
      entity: "Student",
      key: student.id,
      payload: {
        siteId: null,
        consentStatistics: true,
        cityCode: cityCodeOf(student.countyCode),
        ...student,
      } satisfies StudentFacts as unknown as Record<string, unknown>,
    })),
  );
}

/** Tells a subgraph of volunteers as people would (`volunteer.registered`, active, unless told). */
export function announceVolunteers(
  subgraph: StartedSubgraph,
  volunteers: ReadonlyArray<Pick<VolunteerFacts, "id" | "countyCode"> & Partial<VolunteerFacts>>,
  type: VolunteerEventType = VolunteerEventType.REGISTERED,
): Promise<void> {
  return deliverEvents(
    subgraph,
    volunteers.map((volunteer) => ({
      producer: "people",
      type,
      version: VOLUNTEER_EVENT_VERSION,
      entity: "Volunteer",
      key: volunteer.id,
      payload: {
        status: "ACTIVE",
        cityCode: cityCodeOf(volunteer.countyCode),
        ...volunteer,
      } satisfies VolunteerFacts as unknown as Record<string, unknown>,
    })),
  );
}

/** Tells a subgraph of organisations as people would (`organisation.registered`). */
export function announceOrganisations(
  subgraph: StartedSubgraph,
  organisations: ReadonlyArray<Pick<OrganisationFacts, "id"> & Partial<OrganisationFacts>>,
): Promise<void> {
  return deliverEvents(
    subgraph,
    organisations.map((organisation) => ({
      producer: "people",
      type: OrganisationEventType.REGISTERED,
      version: ORGANISATION_EVENT_VERSION,
      entity: "Organisation",
      key: organisation.id,
      payload: {
        name: "测试公益组织",
        kind: "NGO",
        regionCode: "510000",
        ...organisation,
      } satisfies OrganisationFacts as unknown as Record<string, unknown>,
    })),
  );
}

/** Tells a subgraph of projects as campaigns would (`project.registered`). */
export function announceProjects(
  subgraph: StartedSubgraph,
  projects: ReadonlyArray<Pick<ProjectFacts, "id"> & Partial<ProjectFacts>>,
): Promise<void> {
  return deliverEvents(
    subgraph,
    projects.map((project) => ({
      producer: "campaigns",
      type: ProjectEventType.REGISTERED,
      version: PROJECT_EVENT_VERSION,
      entity: "Project",
      key: project.id,
      payload: {
        code: `TEST_${project.id.slice(0, 8).toUpperCase()}`,
        name: "测试项目",
        status: "ACTIVE",
        regionCodes: ["510000"],
        ...project,
      } satisfies ProjectFacts as unknown as Record<string, unknown>,
    })),
  );
}
