import { createHash } from "node:crypto";
import { BadUserInputError } from "@lamplight/platform";
import { type ConnectionResult, type PageRequest, paginate } from "@lamplight/subgraph-kit";
import { Kind, parse } from "graphql";
import type { PrismaClient } from "../../generated/prisma/client.js";
import type { RegisterTrustedOperationInput } from "./trusted-operation.inputs.js";
import type { TrustedOperation } from "./trusted-operation.type.js";

/** The hash persisted-query clients send: SHA-256 of the document text, hex. */
export const documentHash = (document: string) => createHash("sha256").update(document).digest("hex");

/** The only code in this service that touches the TrustedOperation table. */
export class TrustedOperationRepository {
  constructor(private readonly prisma: PrismaClient) {}

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
    const sha256 = documentHash(input.document);
    return this.prisma.trustedOperation.upsert({
      where: { organisationId_sha256: { organisationId: input.organisationId, sha256 } },
      create: {
        organisationId: input.organisationId,
        name: input.name.trim(),
        sha256,
        document: input.document,
        createdBy,
      },
      update: {},
    });
  }

  list(organisationId: string, page: PageRequest): Promise<ConnectionResult<TrustedOperation>> {
    return paginate<TrustedOperation>(this.prisma.trustedOperation, {
      where: { organisationId },
      order: [
        { field: "name", direction: "asc" },
        { field: "id", direction: "asc" },
      ],
      page,
    });
  }

  async isTrusted(organisationId: string, sha256: string): Promise<boolean> {
    const found = await this.prisma.trustedOperation.findUnique({
      where: { organisationId_sha256: { organisationId, sha256 } },
      select: { id: true },
    });
    return found !== null;
  }
}
