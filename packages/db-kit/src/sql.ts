/**
 * Prisma's SQL template: the `Prisma.sql`, `Prisma.join`, `Prisma.raw` and `Prisma.Sql` of every
 * service's generated client, which load this same runtime. Shared code builds raw queries with it
 * and nests the services' own fragments in them: a fragment made by another copy of the template
 * would be sent as a parameter instead of as SQL.
 */
export { empty, join, raw, Sql, sqltag as sql } from "@prisma/client/runtime/client";
