export {
  DEVELOPMENT_TOKEN_AUDIENCE,
  DEVELOPMENT_TOKEN_ISSUER,
  DEVELOPMENT_TOKEN_KEY,
  type DevelopmentTokenClaims,
  signDevelopmentToken,
} from "./development-token.js";
export {
  assertProductionSecrets,
  commonEnv,
  identityEnv,
  misspeltVariables,
  nameUrlPairs,
  parseEnv,
  pathVariable,
  portVariable,
} from "./env.js";
export { integerVariable } from "./env-integers.js";
export {
  BadUserInputError,
  ConflictError,
  ErrorCode,
  ForbiddenError,
  isClientErrorCode,
  NotFoundError,
  UnauthenticatedError,
} from "./errors.js";
export { ExpiringCache } from "./expiring-cache.js";
export {
  closeOnSignals,
  DEFAULT_HOST,
  DEFAULT_SHUTDOWN_GRACE_MS,
  type GraphQLHttpOptions,
  type HttpRoute,
  httpProtocolPlugin,
  type IncomingRequest,
  type RunningHttpServer,
  startGraphQLHttpServer,
} from "./http.js";
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
export { createLogger, type Logger } from "./logger.js";
export { errorLoggingPlugin, maskError } from "./masking.js";
export { operationHash, parseTrustedOperation } from "./operation-hash.js";
export {
  type CatalogueField,
  missingScope,
  missingScopeError,
  PARTNER_SCOPE_DIRECTIVE,
  PARTNER_SPEC_URL,
  PartnerScopes,
  partnerScopeCatalogue,
  type ScopedField,
  supergraphSchema,
} from "./partner-scopes.js";
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
export { requestSignal, runWithRequestSignal } from "./request-signal.js";
