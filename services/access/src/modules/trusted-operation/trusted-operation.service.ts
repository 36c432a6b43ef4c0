import { createHash } from "node:crypto";
import { BadUserInputError } from "@lamplight/platform";
import { Kind, parse } from "graphql";
import type { RegisterTrustedOperationInput } from "./trusted-operation.inputs.js";
import type { TrustedOperationRepository } from "./trusted-operation.repository.js";
import type { TrustedOperation } from "./trusted-operation.type.js";

/** The hash persisted-query clients send: SHA-256 of the document text, hex. */
export const documentHash = (document: string) => createHash("sha256").update(document).digest("hex");

/** The operations a partner may run: one GraphQL operation per registration, known by its hash. */
export class TrustedOperationService {
  constructor(private readonly trustedOperations: TrustedOperationRepository) {}

  /** Registering the same document again for the same organisation returns the first registration. */
  async register(input: RegisterTrustedOperationInput, createdBy: string): Promise<TrustedOperation> {
    let operations = 0;
    try {
      operations = parse(input.document).definitions.filter(
        (d) => d.kind === Kind.OPERATION_DEFINITION,
      ).length;
    } catch (error) {
      throw new BadUserInputError(`input.document is not GraphQL: ${(error as Error).message}`, {
        field: "input.document",
      });
    }
    if (operations !== 1) {
      throw new BadUserInputError("input.document must hold exactly one operation", {
        field: "input.document",
      });
    }
    return this.trustedOperations.register({
      organisationId: input.organisationId,
      name: input.name.trim(),
      sha256: documentHash(input.document),
      document: input.document,
      createdBy,
    });
  }
}
