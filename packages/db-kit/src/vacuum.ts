import type { PrismaLike } from "./open.js";

/**
 * `VACUUM (ANALYZE)` of every table of the client's schema, for after a bulk load. Without fresh
 * statistics the planner guesses from empty tables and picks sequential scans and wrong join
 * orders; without the visibility map VACUUM sets, no index-only scan is possible. Autovacuum would
 * do both eventually, if it is on and not far behind. Every seed ends with it. Returns how many
 * tables and how long it took, for the seed's log.
 */
export async function vacuumAnalyzeSchema(client: PrismaLike): Promise<{ tables: number; ms: number }> {
  const started = Date.now();
  const tables = await client.$queryRawUnsafe<{ name: string }[]>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename",
  );
  for (const { name } of tables) {
    await client.$queryRawUnsafe(`VACUUM (ANALYZE) "${name.replaceAll('"', '""')}"`);
  }
  return { tables: tables.length, ms: Date.now() - started };
}
