import { VolunteerEventType } from "@lamplight/events";
import { ConflictError, NotFoundError } from "@lamplight/platform";
import type { Prisma } from "../../generated/prisma/client.js";
import { appendVolunteerEvent } from "./volunteer.events.js";
import { nextStatus, type VolunteerStep } from "./volunteer.lifecycle.js";
import type { VolunteerRegistration, VolunteerRepository } from "./volunteer.repository.js";
import type { Volunteer } from "./volunteer.type.js";

/** Registering volunteers and taking them through their lifecycle (volunteer.lifecycle.ts), each change announced. */
export class VolunteerService {
  constructor(private readonly volunteers: VolunteerRepository) {}

  register(data: VolunteerRegistration): Promise<Volunteer> {
    return this.volunteers.transaction(async (tx) => {
      const volunteer = await this.volunteers.create(tx, data);
      await appendVolunteerEvent(tx, VolunteerEventType.REGISTERED, volunteer.id);
      return volunteer;
    });
  }

  /**
   * Takes one lifecycle step. The update names the status it expects, so two managers acting at
   * once cannot both move the volunteer: the second finds the status changed and is refused.
   * Deactivation ends the volunteer's open pairings in the same transaction.
   */
  step(
    id: string,
    step: VolunteerStep,
    changes: Prisma.VolunteerUpdateManyMutationInput,
    options: { endPairingsOn?: Date; endReason?: string } = {},
  ): Promise<Volunteer> {
    return this.volunteers.transaction(async (tx) => {
      const status = await this.volunteers.statusOf(tx, id);
      if (!status) throw new NotFoundError("Volunteer", id);
      const next = nextStatus(status, step);
      if (!next.ok) throw new ConflictError(next.reason, { status, step });
      if (!(await this.volunteers.moveStatus(tx, id, status, next.to, changes))) {
        throw new ConflictError("This volunteer's status changed meanwhile; read it again", { step });
      }
      if (options.endPairingsOn) {
        await this.volunteers.endPairings(
          tx,
          id,
          options.endPairingsOn,
          options.endReason ?? "volunteer deactivated",
        );
      }
      await appendVolunteerEvent(tx, VolunteerEventType.STATUS_CHANGED, id);
      return this.volunteers.find(tx, id);
    });
  }
}
