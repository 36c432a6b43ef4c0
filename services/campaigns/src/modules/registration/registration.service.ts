import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { ConflictError, NotFoundError } from "@lamplight/platform";
import {
  type NewRegistration,
  ONE_LIVE_REGISTRATION,
  type RegistrationRepository,
} from "./registration.repository.js";
import { Participant, type Registration, RegistrationStatus } from "./registration.type.js";

/** Places at an activity's occurrences: taken in turn, the waiting list after, given back and passed on. */
export class RegistrationService {
  constructor(private readonly registrations: RegistrationRepository) {}

  /**
   * Registers a child or a volunteer in ONE transaction: the occurrence's row is locked, so
   * registrations for one occurrence are decided one after another: a place while the participant's
   * places last, the waiting list after. Two requests for the last place never both get it; the same
   * person twice fails on a unique index.
   */
  async register(registration: NewRegistration, capacity: number): Promise<Registration> {
    try {
      return await this.registrations.transaction(async (tx) => {
        await this.registrations.lockOccurrence(tx, registration.occurrenceId);
        const confirmed = await this.registrations.confirmedCount(
          tx,
          registration.occurrenceId,
          registration.participant,
        );
        const status = confirmed < capacity ? RegistrationStatus.CONFIRMED : RegistrationStatus.WAITLISTED;
        return this.registrations.create(tx, registration, status);
      });
    } catch (error) {
      if (ONE_LIVE_REGISTRATION.some((constraint) => violatesUniqueConstraint(error, constraint))) {
        throw new ConflictError(
          registration.participant === Participant.CHILD
            ? "This child is already registered for this occurrence"
            : "This volunteer is already registered for this occurrence",
          { occurrenceId: registration.occurrenceId },
        );
      }
      throw error;
    }
  }

  /**
   * Gives a registration back and, when it held a place, confirms the first in line of the same
   * participant kind, in ONE transaction under the occurrence's row lock (so a place is never given
   * twice, nor lost to a registration arriving at the same time).
   */
  cancel(id: string, capacity: number): Promise<{ cancelled: Registration; promoted: Registration | null }> {
    return this.registrations.transaction(async (tx) => {
      const current = await this.registrations.find(tx, id);
      if (!current) throw new NotFoundError("Registration", id);
      await this.registrations.lockOccurrence(tx, current.occurrenceId);
      const locked = (await this.registrations.find(tx, id))!;
      if (locked.status === RegistrationStatus.CANCELLED) {
        throw new ConflictError("This registration is already cancelled", { id });
      }
      const cancelled = await this.registrations.setStatus(tx, id, RegistrationStatus.CANCELLED);
      let promoted: Registration | null = null;
      if (locked.status === RegistrationStatus.CONFIRMED) {
        const confirmed = await this.registrations.confirmedCount(
          tx,
          locked.occurrenceId,
          locked.participant,
        );
        const next = await this.registrations.firstWaiting(tx, locked.occurrenceId, locked.participant);
        if (next && confirmed < capacity) {
          promoted = await this.registrations.setStatus(tx, next.id, RegistrationStatus.CONFIRMED);
        }
      }
      return { cancelled, promoted };
    });
  }
}
