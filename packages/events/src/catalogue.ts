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
const SITE_KINDS = new Set(["HOME", "MOBILE_LIBRARY", "ACTIVITY_CENTRE"]);

/** A site event's payload, checked; UnprocessableEventError (a dead letter) when it is not one. */
export function siteFacts(payload: unknown): SiteFacts {
  const facts = payload as Partial<SiteFacts> | null;
  const problem =
    !facts || typeof facts !== "object"
      ? "the payload is not an object"
      : !UUID.test(String(facts.id))
        ? "id is not a site id"
        : typeof facts.name !== "string"
          ? "name is missing"
          : !SITE_KINDS.has(String(facts.kind))
            ? `kind ${facts.kind} is not a site kind`
            : !REGION.test(String(facts.countyCode)) || !REGION.test(String(facts.cityCode))
              ? "countyCode and cityCode must be six-digit region codes"
              : typeof facts.status !== "string"
                ? "status is missing"
                : null;
  if (problem) throw new UnprocessableEventError(`site event payload: ${problem}`);
  return facts as SiteFacts;
}
