import {
  type ConnectionResult,
  isUuid,
  type OrderKey,
  type PageRequest,
  paginate,
} from "@lamplight/subgraph-kit";
import type { Prisma, PrismaClient } from "../../generated/prisma/client.js";
import {
  type AwardCategory,
  type AwardSelection,
  type Nomination,
  type Review,
  SelectionStatus,
} from "./award.type.js";

export const NOMINATION_ORDER: readonly OrderKey[] = [
  { field: "createdAt", direction: "asc" },
  { field: "id", direction: "asc" },
];
export const WINNER_ORDER: readonly OrderKey[] = [
  { field: "rank", direction: "asc" },
  { field: "id", direction: "asc" },
];

export type NewSelection = Omit<AwardSelection, "id" | "status" | "publishedAt">;
export type NewNomination = Omit<Nomination, "id" | "createdAt" | "winner" | "rank">;

/** A winning nomination with its selection's year and category. */
export type WinnerRow = Nomination & { year: number; category: AwardCategory };

/** The unique indexes: one selection per year, category and region; one nomination per nominee; one score per reviewer. */
export const ONE_SELECTION_PER_YEAR = "AwardSelection_year_category_regionCode_key";
export const ONE_NOMINATION_PER_NOMINEE = [
  "Nomination_once_per_student",
  "Nomination_once_per_volunteer",
  "Nomination_once_per_home",
] as const;
export const ONE_REVIEW_PER_REVIEWER = "Review_nominationId_reviewer_key";

/** The only code in this service that touches the AwardSelection, Nomination and Review tables. */
export class AwardRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findSelections(ids: readonly string[]): Promise<AwardSelection[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.awardSelection.findMany({ where: { id: { in: valid } } });
  }

  findNominations(ids: readonly string[]): Promise<Nomination[]> {
    const valid = ids.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.nomination.findMany({ where: { id: { in: valid } } });
  }

  listSelections(
    filter: { year: number | null; category: AwardCategory | null },
    page: PageRequest,
  ): Promise<ConnectionResult<AwardSelection>> {
    return paginate<AwardSelection>(this.prisma.awardSelection, {
      where: {
        ...(filter.year ? { year: filter.year } : {}),
        ...(filter.category ? { category: filter.category } : {}),
      },
      order: [
        { field: "year", direction: "desc" },
        { field: "id", direction: "asc" },
      ],
      page,
    });
  }

  createSelection(selection: NewSelection): Promise<AwardSelection> {
    return this.prisma.awardSelection.create({ data: { ...selection, status: SelectionStatus.NOMINATING } });
  }

  setStatus(id: string, status: SelectionStatus): Promise<AwardSelection> {
    return this.prisma.awardSelection.update({ where: { id }, data: { status } });
  }

  nominate(nomination: NewNomination): Promise<Nomination> {
    return this.prisma.nomination.create({ data: nomination });
  }

  score(review: Omit<Review, "id" | "createdAt">): Promise<Review> {
    return this.prisma.review.create({ data: review });
  }

  nominations(selectionId: string, page: PageRequest): Promise<ConnectionResult<Nomination>> {
    return paginate<Nomination>(this.prisma.nomination, {
      where: { selectionId },
      order: NOMINATION_ORDER,
      page,
    });
  }

  winners(selectionId: string, page: PageRequest): Promise<ConnectionResult<Nomination>> {
    return paginate<Nomination>(this.prisma.nomination, {
      where: { selectionId, winner: true },
      order: WINNER_ORDER,
      page,
    });
  }

  reviewsOf(nominationIds: readonly string[]): Promise<Review[]> {
    const valid = nominationIds.filter(isUuid);
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.review.findMany({
      where: { nominationId: { in: valid } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    });
  }

  /** Runs a command's writes in one transaction. */
  transaction<R>(work: (tx: Prisma.TransactionClient) => Promise<R>): Promise<R> {
    return this.prisma.$transaction(work);
  }

  /** A selection's status and number of winners, its row LOCKED until the transaction ends; null when there is none. */
  async lockSelection(
    tx: Prisma.TransactionClient,
    id: string,
  ): Promise<{ status: SelectionStatus; winnerCount: number } | null> {
    const [locked] = await tx.$queryRaw<{ status: SelectionStatus; winnerCount: number }[]>`
      SELECT "status", "winnerCount" FROM "AwardSelection" WHERE "id" = ${id}::uuid FOR UPDATE`;
    return locked ?? null;
  }

  /**
   * Marks the first `winnerCount` of a selection's nominations with at least one score as winners,
   * with their rank: by mean score, then more scores, then earlier nomination.
   */
  async markWinners(tx: Prisma.TransactionClient, id: string, winnerCount: number): Promise<void> {
    await tx.$executeRaw`
      UPDATE "Nomination" n SET "winner" = true, "rank" = ranked."rank"
      FROM (
        SELECT r."nominationId", row_number() OVER (ORDER BY AVG(r."score") DESC, COUNT(*) DESC, MIN(m."createdAt"), r."nominationId") AS "rank"
        FROM "Review" r JOIN "Nomination" m ON m."id" = r."nominationId"
        WHERE m."selectionId" = ${id}::uuid
        GROUP BY r."nominationId"
      ) AS ranked
      WHERE n."id" = ranked."nominationId" AND ranked."rank" <= ${winnerCount}`;
  }

  markPublished(tx: Prisma.TransactionClient, id: string): Promise<AwardSelection> {
    return tx.awardSelection.update({
      where: { id },
      data: { status: SelectionStatus.PUBLISHED, publishedAt: new Date() },
    });
  }

  /** The awards won by each home of the batch (excellent-home winners of published selections): one query. */
  winningHomes(siteIds: readonly string[]): Promise<WinnerRow[]> {
    const valid = [...new Set(siteIds.filter(isUuid))];
    if (valid.length === 0) return Promise.resolve([]);
    return this.prisma.$queryRaw<WinnerRow[]>`
      SELECT n.*, s."year", s."category"::text AS "category"
      FROM "Nomination" n JOIN "AwardSelection" s ON s."id" = n."selectionId"
      WHERE n."siteId" = ANY(${valid}::uuid[]) AND n."winner" = true AND n."nomineeKind" = 'HOME'
        AND s."status" = 'PUBLISHED'
      ORDER BY s."year" DESC, n."rank", n."id"`;
  }

  /** How many scores, and their mean, for each nomination of the batch: one grouped query. */
  async scoreSummaries(
    nominationIds: readonly string[],
  ): Promise<Map<string, { reviews: number; average: number | null }>> {
    const summaries = new Map<string, { reviews: number; average: number | null }>();
    const valid = [...new Set(nominationIds.filter(isUuid))];
    if (valid.length === 0) return summaries;
    const groups = await this.prisma.review.groupBy({
      by: ["nominationId"],
      where: { nominationId: { in: valid } },
      _count: { _all: true },
      _avg: { score: true },
    });
    for (const group of groups) {
      summaries.set(group.nominationId, { reviews: group._count._all, average: group._avg.score ?? null });
    }
    return summaries;
  }
}
