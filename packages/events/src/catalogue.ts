import { getRegion } from "@lamplight/regions";
import { UnprocessableEventError } from "./consumer.js";

/**
 * The events subgraphs exchange, named once for their producer and every consumer (docs/EVENTS.md
 * is the catalogue in prose). A payload's shape is checked where it is read, so a consumer never
 * applies what it does not understand.
 */

/** What sites publishes about a home or facility. Every event carries the site's facts after the write. */
export const SiteEventType = {
  /** A site was registered (or existed before events were published, and is announced). */
  REGISTERED: "site.registered",
  /** Its name changed. */
  CHANGED: "site.changed",
  /** It moved to another county (and so, perhaps, another city). */
  MOVED: "site.moved",
  /** Its lifecycle status changed (CLOSED: it closed). */
  STATUS_CHANGED: "site.statusChanged",
} as const;
export type SiteEventType = (typeof SiteEventType)[keyof typeof SiteEventType];

/**
 * Site statuses that take on nothing new (no new child, activity, grant or delivery): refused,
 * suspended, closed. Every consumer that checks a site asks `takesOnNew`.
 */
const SITE_STATUSES_CLOSED_TO_NEW = new Set(["REJECTED", "SUSPENDED", "CLOSED"]);

/** Whether a site in this status takes on new children, activities, grants or deliveries. */
export function takesOnNew(status: string): boolean {
  return !SITE_STATUSES_CLOSED_TO_NEW.has(status);
}

/** The version of every site event's payload. */
export const SITE_EVENT_VERSION = 1;

/** The payload of every site event, version 1. */
export interface SiteFacts {
  id: string;
  name: string;
  kind: "HOME" | "MOBILE_LIBRARY" | "ACTIVITY_CENTRE";
  /** The county-level region the site is in, and that county's city. */
  countyCode: string;
  cityCode: string;
  /** Its lifecycle status, e.g. OPEN or CLOSED. */
  status: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const REGION = /^\d{6}$/;

type Check = (value: unknown) => boolean;
const isId: Check = (value) => typeof value === "string" && UUID.test(value);
const isRegion: Check = (value) => typeof value === "string" && REGION.test(value);
const isText: Check = (value) => typeof value === "string";
const isFlag: Check = (value) => typeof value === "boolean";
const orNull =
  (check: Check): Check =>
  (value) =>
    value === null || check(value);
const oneOf =
  (...values: string[]): Check =>
  (value) =>
    values.includes(String(value));

/** A payload, checked field by field; UnprocessableEventError (a dead letter) naming the first bad one. */
function checked<T>(what: string, payload: unknown, fields: Record<keyof T & string, Check>): T {
  if (!payload || typeof payload !== "object") {
    throw new UnprocessableEventError(`${what} event payload is not an object`);
  }
  for (const [field, check] of Object.entries(fields) as Array<[string, Check]>) {
    if (!check((payload as Record<string, unknown>)[field])) {
      throw new UnprocessableEventError(`${what} event payload: ${field} is missing or not valid`);
    }
  }
  return payload as T;
}

const isCounty: Check = (value) => typeof value === "string" && getRegion(value)?.level === "COUNTY";

/** A site event's payload, checked: its county is a county of the province. */
export function siteFacts(payload: unknown): SiteFacts {
  return checked<SiteFacts>("site", payload, {
    id: isId,
    name: isText,
    kind: oneOf("HOME", "MOBILE_LIBRARY", "ACTIVITY_CENTRE"),
    countyCode: isCounty,
    cityCode: isRegion,
    status: isText,
  });
}

/** What people publishes about a child: no name, no family, only what other domains check against. */
export const StudentEventType = {
  /** A child was registered (or existed before events were published, and is announced). */
  REGISTERED: "student.registered",
  /** Their home moved county, and they with it. */
  MOVED: "student.moved",
  /** Their guardian's consent to statistics changed. */
  CONSENT_CHANGED: "student.consentChanged",
} as const;
export type StudentEventType = (typeof StudentEventType)[keyof typeof StudentEventType];

export const STUDENT_EVENT_VERSION = 1;

/** The payload of every student event, version 1. Nothing that identifies the child. */
export interface StudentFacts {
  id: string;
  /** The home they attend, if any. */
  siteId: string | null;
  /** The county they live in (their home's), and its city. */
  countyCode: string;
  cityCode: string;
  /** Whether their guardian consented to their being counted in published figures. */
  consentStatistics: boolean;
}

export function studentFacts(payload: unknown): StudentFacts {
  return checked<StudentFacts>("student", payload, {
    id: isId,
    siteId: orNull(isId),
    countyCode: isRegion,
    cityCode: isRegion,
    consentStatistics: isFlag,
  });
}

/** What people publishes about a volunteer. */
export const VolunteerEventType = {
  /** A volunteer applied (or existed before events were published, and is announced). */
  REGISTERED: "volunteer.registered",
  /** Their status changed: vetted, activated, deactivated. */
  STATUS_CHANGED: "volunteer.statusChanged",
} as const;
export type VolunteerEventType = (typeof VolunteerEventType)[keyof typeof VolunteerEventType];

export const VOLUNTEER_EVENT_VERSION = 1;

/** The payload of every volunteer event, version 1. */
export interface VolunteerFacts {
  id: string;
  /** APPLIED, VETTED, ACTIVE or INACTIVE. */
  status: string;
  /** The county they serve in, and its city. */
  countyCode: string;
  cityCode: string;
}

export function volunteerFacts(payload: unknown): VolunteerFacts {
  return checked<VolunteerFacts>("volunteer", payload, {
    id: isId,
    status: isText,
    countyCode: isRegion,
    cityCode: isRegion,
  });
}

/** What people publishes about a partner or donor organisation. */
export const OrganisationEventType = {
  /** An organisation was registered (or existed before events were published, and is announced). */
  REGISTERED: "organisation.registered",
} as const;
export type OrganisationEventType = (typeof OrganisationEventType)[keyof typeof OrganisationEventType];

export const ORGANISATION_EVENT_VERSION = 1;

/** The payload of every organisation event, version 1. */
export interface OrganisationFacts {
  id: string;
  name: string;
  kind: string;
  /** The region it works in, at any level (510000 for province-wide bodies). */
  regionCode: string;
}

export function organisationFacts(payload: unknown): OrganisationFacts {
  return checked<OrganisationFacts>("organisation", payload, {
    id: isId,
    name: isText,
    kind: isText,
    regionCode: isRegion,
  });
}

/** What campaigns publishes about a project. */
export const ProjectEventType = {
  /** A project was created (or existed before events were published, and is announced). */
  REGISTERED: "project.registered",
  /** Its status changed (ACTIVE, COMPLETED, …). */
  STATUS_CHANGED: "project.statusChanged",
} as const;
export type ProjectEventType = (typeof ProjectEventType)[keyof typeof ProjectEventType];

export const PROJECT_EVENT_VERSION = 1;

/** The payload of every project event, version 1. */
export interface ProjectFacts {
  id: string;
  /** The stable business key, e.g. MOBILE_LIBRARY. */
  code: string;
  name: string;
  status: string;
  /** The regions it serves (510000: the whole province). */
  regionCodes: string[];
}

const isRegionList: Check = (value) => Array.isArray(value) && value.every(isRegion);

export function projectFacts(payload: unknown): ProjectFacts {
  return checked<ProjectFacts>("project", payload, {
    id: isId,
    code: isText,
    name: isText,
    status: isText,
    regionCodes: isRegionList,
  });
}

/** What campaigns publishes about an activity: that it is on the programme, open to sign up for. */
export const ActivityEventType = {
  /** An activity was created, and is published on the programme from then on. */
  PUBLISHED: "activity.published",
} as const;
export type ActivityEventType = (typeof ActivityEventType)[keyof typeof ActivityEventType];

export const ACTIVITY_EVENT_VERSION = 1;

/** The payload of every activity event, version 1: public facts, no child, no volunteer. */
export interface ActivityFacts {
  id: string;
  title: string;
  /** e.g. MID_AUTUMN, SUMMER_CAMP. */
  kind: string;
  projectId: string | null;
  /** The homes it is held at (none for an off-site activity). */
  homeIds: string[];
  /** The county (or city) it is held in, and its city. */
  regionCode: string;
  cityCode: string;
  /** Its first and last day (YYYY-MM-DD). */
  startsOn: string;
  endsOn: string;
}

const isIdList: Check = (value) => Array.isArray(value) && value.every(isId);
const isDay: Check = (value) => typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value);

export function activityFacts(payload: unknown): ActivityFacts {
  return checked<ActivityFacts>("activity", payload, {
    id: isId,
    title: isText,
    kind: isText,
    projectId: orNull(isId),
    homeIds: isIdList,
    regionCode: isRegion,
    cityCode: isRegion,
    startsOn: isDay,
    endsOn: isDay,
  });
}

/** What access publishes about an operation a partner admin proposed, once a province admin decides. */
export const TrustedOperationEventType = {
  /** Approved: the organisation's keys may run it from now on. */
  APPROVED: "trustedOperation.approved",
  /** Rejected, with a reason. */
  REJECTED: "trustedOperation.rejected",
} as const;
export type TrustedOperationEventType =
  (typeof TrustedOperationEventType)[keyof typeof TrustedOperationEventType];

export const TRUSTED_OPERATION_EVENT_VERSION = 1;

/** The payload of every trusted-operation event, version 1: the decision, not the document. */
export interface TrustedOperationDecision {
  id: string;
  organisationId: string;
  name: string;
  /** The hash partners send it by. */
  sha256: string;
  status: "APPROVED" | "REJECTED";
  rejectionReason: string | null;
}

/** What funding publishes about a grant: only its award, the moment money is set aside for it. */
export const GrantEventType = {
  /** A finance officer approved it: the amount is taken from its designation. */
  APPROVED: "grant.approved",
} as const;
export type GrantEventType = (typeof GrantEventType)[keyof typeof GrantEventType];

export const GRANT_EVENT_VERSION = 1;

/** The payload of every grant event, version 1. Public: grants name no donor. */
export interface GrantFacts {
  id: string;
  /** The stable public reference, e.g. G-LOVE_FUND-2026-0007. */
  reference: string;
  /** The amount as a decimal string (yuan, two places), and its currency. */
  amount: string;
  currency: string;
  /** The code of the fund it is paid from, e.g. LOVE_FUND. */
  fundCode: string;
  /** SITE, PROJECT or CITY, and the recipient home or project (null for a city's programme). */
  recipientKind: "SITE" | "PROJECT" | "CITY";
  siteId: string | null;
  projectId: string | null;
  /** The region the money goes to: the city of a CITY grant, else the home's or project's region. */
  regionCode: string;
  /** When it was approved (ISO 8601). */
  approvedAt: string;
}

const isAmount: Check = (value) => typeof value === "string" && /^-?\d+\.\d{2}$/.test(value);
const isInstant: Check = (value) => typeof value === "string" && !Number.isNaN(Date.parse(value));

export function grantFacts(payload: unknown): GrantFacts {
  return checked<GrantFacts>("grant", payload, {
    id: isId,
    reference: isText,
    amount: isAmount,
    currency: isText,
    fundCode: isText,
    recipientKind: oneOf("SITE", "PROJECT", "CITY"),
    siteId: orNull(isId),
    projectId: orNull(isId),
    regionCode: isRegion,
    approvedAt: isInstant,
  });
}

/** What funding publishes about a gift: that it was received and receipted. */
export const DonationEventType = {
  /** A gift was recorded, with its receipt number. */
  RECEIVED: "donation.received",
} as const;
export type DonationEventType = (typeof DonationEventType)[keyof typeof DonationEventType];

export const DONATION_EVENT_VERSION = 1;

/**
 * The payload of every donation event, version 1. Never a person's name: an individual donor is
 * not in it, only the giving organisation when the donor is one.
 */
export interface DonationFacts {
  id: string;
  fundCode: string;
  /** The amount as a decimal string (yuan, two places), and its currency. */
  amount: string;
  currency: string;
  /** Gapless per fund and year, e.g. LOVE_FUND-2026-000123. */
  receiptNumber: string;
  /** The day it was received (YYYY-MM-DD). */
  receivedAt: string;
  /** The organisation that gave it (people's Organisation), or null for an individual's gift. */
  donorOrganisationId: string | null;
}

export function donationFacts(payload: unknown): DonationFacts {
  return checked<DonationFacts>("donation", payload, {
    id: isId,
    fundCode: isText,
    amount: isAmount,
    currency: isText,
    receiptNumber: isText,
    receivedAt: isDay,
    donorOrganisationId: orNull(isId),
  });
}
