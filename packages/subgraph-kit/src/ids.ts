const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a string can be a row id (every Lamplight id is a UUID column). Ids that cannot match
 * nothing and are dropped before a query: PostgreSQL would fail a whole batch on one malformed uuid.
 */
export function isUuid(id: string): boolean {
  return UUID.test(id);
}
