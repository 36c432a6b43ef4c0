import {
  ErrorCode,
  ForbiddenError,
  type Principal,
  type Role,
  UnauthenticatedError,
} from "@lamplight/platform";
import { GraphQLError } from "graphql";
import { createMethodMiddlewareDecorator } from "type-graphql";
import type { AuditTrail } from "./audit.js";

/** What the access decorators need of a request's context. */
export interface AccessContext {
  principal: Principal;
  audit: AuditTrail;
}

/** A partner scope as an allowance: `scope("read:sites")`. */
export interface ScopeRule {
  scope: string;
}
export const scope = (name: string): ScopeRule => ({ scope: name });

/** Everyone, the anonymous public included. Marks a field as deliberately public. */
export const PUBLIC = "PUBLIC" as const;

/** The gateway itself, asking on its own behalf (verifying a partner key); no user ever is. */
export const GATEWAY = "GATEWAY" as const;

export type Allowance = Role | ScopeRule | typeof PUBLIC | typeof GATEWAY;

export function isAllowed(principal: Principal, allowances: readonly Allowance[]): boolean {
  return allowances.some((allowance) => {
    if (allowance === PUBLIC) return true;
    if (allowance === GATEWAY) return principal.kind === "service";
    if (typeof allowance === "string") return principal.roles.includes(allowance);
    return principal.kind === "partner" && principal.scopes.includes(allowance.scope);
  });
}

/** Throws UNAUTHENTICATED for the anonymous public and FORBIDDEN for anyone else not allowed. */
export function assertAllowed(principal: Principal, allowances: readonly Allowance[], what = "this"): void {
  if (isAllowed(principal, allowances)) return;
  if (principal.kind === "anonymous") throw new UnauthenticatedError(`Sign in to use ${what}`);
  throw new ForbiddenError(`Your role does not allow ${what}`);
}

/**
 * Declares who may resolve a field or run a mutation: roles, partner scopes, or PUBLIC.
 * Checked before the resolver runs; a refusal is UNAUTHENTICATED or FORBIDDEN.
 */
export function Allow(...allowances: Allowance[]) {
  return createMethodMiddlewareDecorator<AccessContext>(async ({ context, info }, next) => {
    assertAllowed(context.principal, allowances, `${info.parentType.name}.${info.fieldName}`);
    return next();
  });
}

/** The code a client sees on a sensitive field it may not read: the field is null, not an error page. */
export class RedactedError extends GraphQLError {
  constructor(field: string) {
    super(`${field} is personal data that your role may not see`, {
      extensions: { code: ErrorCode.REDACTED },
    });
  }
}

export interface SensitiveOptions<Root, Context extends AccessContext> {
  /** Whether this principal may read this record's sensitive fields. */
  allow: (principal: Principal, root: Root, context: Context) => boolean | Promise<boolean>;
}

/**
 * Marks a field as a child's personal data. It resolves only when `allow` says so, and every such
 * read is audited; otherwise it is null with the REDACTED code. Sensitive fields must be nullable.
 */
export function Sensitive<Root extends { id?: unknown }, Context extends AccessContext = AccessContext>(
  options: SensitiveOptions<Root, Context>,
) {
  return createMethodMiddlewareDecorator<Context>(async ({ context, root, info }, next) => {
    const entity = info.parentType.name;
    if (!(await options.allow(context.principal, root as Root, context)))
      throw new RedactedError(`${entity}.${info.fieldName}`);
    const rootField = info.path && pathRoot(info.path);
    context.audit.read(
      rootField ?? info.fieldName,
      entity,
      typeof (root as Root).id === "string" ? ((root as Root).id as string) : null,
      info.fieldName,
    );
    return next();
  });
}

function pathRoot(path: { prev: unknown; key: string | number }): string | null {
  let current = path;
  while (current.prev) current = current.prev as typeof path;
  return typeof current.key === "string" ? current.key : null;
}
