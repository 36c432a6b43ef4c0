import { violatesUniqueConstraint } from "@lamplight/db-kit";
import { StudentEventType } from "@lamplight/events";
import { BadUserInputError, ConflictError } from "@lamplight/platform";
import { appendStudentEvents } from "./student.events.js";
import { ONE_NEED_PER_DAY, type StudentRegistration, type StudentRepository } from "./student.repository.js";
import type { Student } from "./student.type.js";

/** Registering children, with their needs and their first guardian. */
export class StudentService {
  constructor(private readonly students: StudentRepository) {}

  /**
   * Registers a child with their needs in ONE transaction: both rows or neither. A child with the
   * same name, birth date and county counts as a possible duplicate and is refused with CONFLICT
   * (listing the existing ids) unless `confirmDuplicate` says the clerk has checked.
   */
  async register(
    registration: StudentRegistration,
    options: { confirmDuplicate: boolean },
  ): Promise<Student> {
    try {
      return await this.students.transaction(async (tx) => {
        // Two clerks registering the same child at once must not both pass the duplicate check: the
        // lock (held until commit) serialises registrations of one name, birth date and county.
        await this.students.lockIdentity(tx, registration);
        if (!options.confirmDuplicate) {
          const duplicates = await this.students.sameIdentity(tx, registration);
          if (duplicates.length > 0) {
            throw new ConflictError(
              "A child with this name and birth date is already registered in this county; check, then register again with confirmDuplicate: true if this is another child",
              { duplicates },
            );
          }
        }
        const created = await this.students.create(tx, registration);
        await appendStudentEvents(tx, StudentEventType.REGISTERED, [created.id]);
        return created;
      });
    } catch (error) {
      if (violatesUniqueConstraint(error, ONE_NEED_PER_DAY)) {
        throw new BadUserInputError("input.needs assesses one category twice on the same day", {
          field: "input.needs",
        });
      }
      throw error;
    }
  }
}
