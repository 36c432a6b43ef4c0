/**
 * Whether an error is the database refusing a row for the unique index `constraint`. The two
 * driver adapters report it differently: @prisma/adapter-pg as Prisma's P2002 naming the index,
 * pglite-prisma-adapter as a bare DriverAdapterError carrying PostgreSQL's code 23505 and message.
 */
export function violatesUniqueConstraint(error: unknown, constraint: string): boolean {
  if (typeof error !== "object" || error === null) return false;
  const { code, meta, name, cause } = error as {
    code?: unknown;
    meta?: unknown;
    name?: unknown;
    cause?: { code?: unknown; message?: unknown };
  };
  if (code === "P2002") return JSON.stringify(meta ?? {}).includes(constraint);
  return (
    name === "DriverAdapterError" &&
    cause?.code === "23505" &&
    typeof cause.message === "string" &&
    cause.message.includes(`"${constraint}"`)
  );
}
