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
