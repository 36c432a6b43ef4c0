import { createHash } from "node:crypto";
import { type DocumentNode, Kind, parse, print } from "graphql";
import { BadUserInputError } from "./errors.js";

/**
 * What identifies a trusted operation: the SHA-256 (hex) of its document as graphql-js prints it.
 * Printing drops comments, commas and whitespace and lays every document out one way, so the same
 * operation reformatted or commented has the same hash; anything that changes what it asks for (a
 * selection, an argument, the operation's name) has another. The gateway hashes the document it
 * parsed, access the one it registered, both with this function. Apollo Client's persisted-query
 * link hashes the printed document too, so its hash is this one.
 */
export function operationHash(document: DocumentNode): string {
  return createHash("sha256").update(print(document)).digest("hex");
}

/**
 * A document submitted to be trusted, parsed and hashed. It must be GraphQL and hold exactly one
 * operation (fragments beside it are fine); else BAD_USER_INPUT on `field`.
 */
export function parseTrustedOperation(
  text: string,
  field: string,
): { document: DocumentNode; sha256: string } {
  let document: DocumentNode;
  try {
    document = parse(text);
  } catch (error) {
    throw new BadUserInputError(`${field} is not GraphQL: ${(error as Error).message}`, { field });
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION).length;
  if (operations !== 1) throw new BadUserInputError(`${field} must hold exactly one operation`, { field });
  return { document, sha256: operationHash(document) };
}
