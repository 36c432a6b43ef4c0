import { ConflictError, NotFoundError, parseTrustedOperation } from "@lamplight/platform";
import { announceTrustedOperationDecision } from "../webhook/webhook.events.js";
import type {
  ProposeTrustedOperationArgs,
  RegisterTrustedOperationInput,
} from "./trusted-operation.inputs.js";
import type { TrustedOperationRepository } from "./trusted-operation.repository.js";
import type { OperationScopeCheck } from "./trusted-operation.scopes.js";
import { type TrustedOperation, TrustedOperationStatus } from "./trusted-operation.type.js";

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
   * A partner admin's proposal for their organisation: PENDING until a province admin decides.
   * Proposing a document the organisation already has (however laid out) returns that operation,
   * whatever its status: a rejected one is proposed again changed.
   */
  async propose(
    organisationId: string,
    args: ProposeTrustedOperationArgs,
    proposedBy: string,
  ): Promise<TrustedOperation> {
    const { document, sha256 } = parseTrustedOperation(args.document, "document");
    await this.scopeCheck.assertCovered(organisationId, document);
    return this.trustedOperations.register({
      organisationId,
      name: args.name.trim(),
      sha256,
      document: args.document,
      createdBy: proposedBy,
      status: TrustedOperationStatus.PENDING,
    });
  }

  /** A province admin's decision on a PENDING proposal; a decided one is CONFLICT (decisions stand). */
  async decide(
    id: string,
    decision: { status: TrustedOperationStatus; decidedBy: string; rejectionReason?: string },
  ): Promise<TrustedOperation> {
    const operation = await this.trustedOperations.findById(id);
    if (!operation) throw new NotFoundError("TrustedOperation", id, { field: "id" });
    const decided = await this.trustedOperations.decide(id, decision, (tx, operation) =>
      announceTrustedOperationDecision(
        tx,
        {
          id: operation.id,
          organisationId: operation.organisationId,
          name: operation.name,
          sha256: operation.sha256,
          status: decision.status === TrustedOperationStatus.APPROVED ? "APPROVED" : "REJECTED",
          rejectionReason: operation.rejectionReason,
        },
        operation.decidedAt ?? new Date(),
      ),
    );
    if (!decided) {
      throw new ConflictError(`The operation is ${operation.status}, not PENDING: it was decided already`, {
        field: "id",
      });
    }
    return decided;
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
