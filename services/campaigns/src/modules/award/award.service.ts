import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { ConflictError, NotFoundError } from "@lamplight/platform";
import {
  type AwardRepository,
  type NewNomination,
  type NewSelection,
  ONE_NOMINATION_PER_NOMINEE,
  ONE_REVIEW_PER_REVIEWER,
  ONE_SELECTION_PER_YEAR,
} from "./award.repository.js";
import { type AwardSelection, type Nomination, type Review, SelectionStatus } from "./award.type.js";

/** The yearly awards: a selection opened once per region, its nominations and scores, its winners published. */
export class AwardService {
  constructor(private readonly awards: AwardRepository) {}

  async createSelection(selection: NewSelection): Promise<AwardSelection> {
    try {
      return await this.awards.createSelection(selection);
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_SELECTION_PER_YEAR)) {
        throw new ConflictError("This region already runs this selection this year", {
          year: selection.year,
          category: selection.category,
        });
      }
      throw error;
    }
  }

  async nominate(nomination: NewNomination): Promise<Nomination> {
    try {
      return await this.awards.nominate(nomination);
    } catch (error) {
      if (ONE_NOMINATION_PER_NOMINEE.some((constraint) => violatesUniqueConstraint(error, constraint))) {
        throw new ConflictError("This nominee is already nominated in this selection");
      }
      throw error;
    }
  }

  async score(review: Omit<Review, "id" | "createdAt">): Promise<Review> {
    try {
      return await this.awards.score(review);
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_REVIEW_PER_REVIEWER)) {
        throw new ConflictError("You have already scored this nomination", {
          nominationId: review.nominationId,
        });
      }
      throw error;
    }
  }

  /**
   * Publishes a selection in ONE transaction under its row lock: the nominations with at least one
   * score, ranked by mean score (then more scores, then earlier nomination), the first winnerCount
   * marked as winners with their rank. Publishing twice fails: the second finds it PUBLISHED.
   */
  publish(id: string): Promise<AwardSelection> {
    return this.awards.transaction(async (tx) => {
      const locked = await this.awards.lockSelection(tx, id);
      if (!locked) throw new NotFoundError("AwardSelection", id);
      if (locked.status !== SelectionStatus.REVIEWING) {
        throw new ConflictError(`The selection is ${locked.status}: publishing needs it REVIEWING`, {
          status: locked.status,
        });
      }
      await this.awards.markWinners(tx, id, locked.winnerCount);
      return this.awards.markPublished(tx, id);
    });
  }
}
