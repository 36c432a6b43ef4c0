export {
  DEFAULT_SUPPRESSION_THRESHOLD,
  type FigureGroup,
  protectFigures,
  regionFigureGroups,
  seesEveryoneCounted,
  sumByRegion,
  suppressSmall,
} from "./aggregates.js";
export {
  type AuditAction,
  AuditEntry,
  type AuditEvent,
  AuditFilter,
  AuditFilterArgs,
  AuditTrail,
  type AuditWriter,
  auditPlugin,
  auditWhere,
} from "./audit.js";
export { type AuditDelegate, AuditEntryConnection, AuditLog, createAuditLogResolver } from "./audit-log.js";
export {
  type AccessContext,
  Allow,
  type Allowance,
  assertAllowed,
  GATEWAY,
  isAllowed,
  PUBLIC,
  RedactedError,
  type ScopeRule,
  Sensitive,
  type SensitiveOptions,
  scope,
} from "./authorize.js";
export {
  createIdentitySigner,
  createIdentityVerifier,
  DEFAULT_IDENTITY_TTL_SECONDS,
  DEVELOPMENT_IDENTITY_KEY,
  IDENTITY_HEADER,
  type IdentityBinding,
  identityKey,
  signIdentity,
  verifyIdentity,
} from "./identity.js";
export {
  ANONYMOUS,
  coversRegion,
  GATEWAY_SERVICE,
  hasRole,
  managesSite,
  type Principal,
  ROLES,
  Role,
} from "./principal.js";
