import { Lexer, Source, TokenKind } from "graphql";

/** Longest operation name a log line carries; a longer one is cut to this many characters. */
export const MAX_LOGGED_OPERATION_NAME = 100;

/**
 * Longest document read for its operation's name. A larger one is not scanned (its line has no
 * name): the request log costs a bounded time whatever the client sends.
 */
export const MAX_SCANNED_DOCUMENT_CHARS = 100_000;

const OPERATION_KEYWORDS = new Set(["query", "mutation", "subscription"]);

/**
 * The name of the one operation a document holds, read token by token without building the
 * document (Apollo Server parses it later, for execution): undefined for an anonymous operation,
 * for several operations (which one runs is the request's `operationName`), for a document that
 * does not lex, and for one longer than MAX_SCANNED_DOCUMENT_CHARS. A definition begins at the
 * document's start or after a top-level selection set closes, so a field, argument or variable
 * named `query` is never taken for one.
 */
export function documentOperationName(document: string): string | undefined {
  if (document.length > MAX_SCANNED_DOCUMENT_CHARS) return undefined;
  const names: (string | undefined)[] = [];
  try {
    const lexer = new Lexer(new Source(document));
    let braces = 0;
    let parentheses = 0;
    let atDefinitionStart = true;
    // advance() skips comments.
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF; token = lexer.advance()) {
      const definitionStart = atDefinitionStart;
      atDefinitionStart = false;
      if (token.kind === TokenKind.BRACE_L) {
        // A selection set on its own is an anonymous query.
        if (definitionStart) names.push(undefined);
        braces++;
      } else if (token.kind === TokenKind.BRACE_R) {
        braces--;
        atDefinitionStart = braces === 0 && parentheses === 0;
      } else if (token.kind === TokenKind.PAREN_L) {
        parentheses++;
      } else if (token.kind === TokenKind.PAREN_R) {
        parentheses--;
      } else if (definitionStart && token.kind === TokenKind.NAME && OPERATION_KEYWORDS.has(token.value)) {
        const next = lexer.lookahead();
        names.push(next.kind === TokenKind.NAME ? next.value : undefined);
      }
      if (names.length > 1) return undefined;
    }
  } catch {
    return undefined;
  }
  return names[0];
}

/**
 * The operation a GraphQL request names, for its log line: the body's `operationName`, else the
 * query string's (a GET), else the name in the document itself (body `query` or query string),
 * cut to MAX_LOGGED_OPERATION_NAME characters.
 */
export function requestOperationName(body: unknown, search: string): string | undefined {
  const params = new URLSearchParams(search);
  const fields =
    body && typeof body === "object" ? (body as { operationName?: unknown; query?: unknown }) : {};
  const given = typeof fields.operationName === "string" ? fields.operationName : params.get("operationName");
  const document = typeof fields.query === "string" ? fields.query : params.get("query");
  const name = given || (document ? documentOperationName(document) : undefined);
  return name?.slice(0, MAX_LOGGED_OPERATION_NAME);
}
