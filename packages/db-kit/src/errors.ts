/**
 * Whether an error is the database refusing a row for the unique index `constraint`. Prisma's
 * client reports it as P2002 naming the index when the driver adapter is @prisma/adapter-pg, whose
 * own DriverAdapterError names it as `constraint.index`; pglite-prisma-adapter's DriverAdapterError
 * reaches the caller as it is, carrying PostgreSQL's code 23505 and message.
 */
export function violatesUniqueConstraint(error: unknown, constraint: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, name, cause } = error as {
    code?: unknown;
    meta?: unknown;
    name?: unknown;
    cause?: { code?: unknown; message?: unknown; kind?: unknown; constraint?: { index?: unknown } };
  };
  if (code === "P2002") return JSON.stringify(meta ?? {}).includes(constraint);
  if (name !== "DriverAdapterError" || !cause) return false;
  if (cause.kind === "UniqueConstraintViolation") return cause.constraint?.index === constraint;
  return (
    cause.code === "23505" && typeof cause.message === "string" && cause.message.includes(`"${constraint}"`)
  );
}
