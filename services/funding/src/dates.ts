/** Today in the province (UTC+8), as a calendar date at UTC midnight like the Date scalar's. */
export function todayInProvince(): Date {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
}
