import { violatesUniqueConstraint } from "./errors.js";

/** What {@link createOnce} found or wrote under a key, and whether this call wrote it. */
export interface CreatedOnce<Row> {
  row: Row;
  /** False when the row was already there: an earlier request, or a concurrent one that committed first. */
  created: boolean;
}

export interface CreateOnce<Row> {
  /** The row recorded under the idempotency key, or null. */
  find: () => Promise<Row | null>;
  /** The unique index on the key: the database's answer when two requests race. */
  constraint: string;
  /** Writes the row and everything that goes with it, in one transaction (or one statement). */
  create: () => Promise<Row>;
}

/**
 * Creates a row at most once per idempotency key. A key already used returns its row and writes
 * nothing. Two requests with one key may both find nothing and both create: the unique index lets
 * one commit, the other's transaction fails on `constraint` and rolls back, and it returns the
 * winner's row instead. Whether a replay carries the same payload is the caller's to check (it
 * compares the row with its request when `created` is false).
 */
export async function createOnce<Row>({
  find,
  constraint,
  create,
}: CreateOnce<Row>): Promise<CreatedOnce<Row>> {
  const existing = await find();
  if (existing) return { row: existing, created: false };
  try {
    return { row: await create(), created: true };
  } catch (error) {
    if (!violatesUniqueConstraint(error, constraint)) throw error;
    const winner = await find();
    if (!winner) throw error;
    return { row: winner, created: false };
  }
}
