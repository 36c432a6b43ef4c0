import { parseTrustedOperation } from "@lamplight/platform";
import type { RegisterTrustedOperationInput } from "./trusted-operation.inputs.js";
import type { TrustedOperationRepository } from "./trusted-operation.repository.js";
import type { OperationScopeCheck } from "./trusted-operation.scopes.js";
import type { TrustedOperation } from "./trusted-operation.type.js";

/** The operations a partner may run: one GraphQL operation per registration, known by its normalised hash. */
export class TrustedOperationService {
  constructor(
    private readonly trustedOperations: TrustedOperationRepository,
    private readonly scopeCheck: OperationScopeCheck,
  ) {}

  /** Registering the same operation again (however laid out) for the same organisation returns the first registration. */
  async register(input: RegisterTrustedOperationInput, createdBy: string): Promise<TrustedOperation> {
    // Known by the hash of its normalised document: the same operation reformatted is the same
    // registration. The text is kept as submitted, for whoever reviews it.
    const { document, sha256 } = parseTrustedOperation(input.document, "input.document");
    await this.scopeCheck.assertCovered(input.organisationId, document);
    return this.trustedOperations.register({
      organisationId: input.organisationId,
      name: input.name.trim(),
      sha256,
      document: input.document,
      createdBy,
    });
  }

  /**
   * Registrations written when an operation was known by the hash of its exact text get the hash
   * of their normalised document, once, at start (SQL cannot parse GraphQL, so no migration can).
   * Idempotent, and every replica decides alike: a registration whose normalised hash an earlier
   * one of its organisation already holds keeps its old hash, and the earlier one answers for it.
   */
  async normaliseStoredHashes(): Promise<{ rehashed: number; superseded: number }> {
    const rows = await this.trustedOperations.hashesAndDocuments();
    const held = new Set(rows.map((row) => `${row.organisationId}:${row.sha256}`));
    let rehashed = 0;
    let superseded = 0;
    for (const row of rows) {
      const { sha256 } = parseTrustedOperation(row.document, "document");
      if (sha256 === row.sha256) continue;
      if (held.has(`${row.organisationId}:${sha256}`)) {
        superseded += 1;
        continue;
      }
      await this.trustedOperations.setHash(row.id, sha256);
      held.add(`${row.organisationId}:${sha256}`);
      rehashed += 1;
    }
    return { rehashed, superseded };
  }
}
