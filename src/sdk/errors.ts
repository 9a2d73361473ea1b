/** The stable error codes of the API (docs/protection.md); clients switch on these, never on messages. */
export const ErrorCodes = [
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'MAX_DEPTH_EXCEEDED',
  'MAX_ALIASES_EXCEEDED',
  'MAX_ROOT_FIELDS_EXCEEDED',
  'MAX_DIRECTIVES_EXCEEDED',
  'MAX_TOKENS_EXCEEDED',
  'MAX_DOCUMENT_SIZE_EXCEEDED',
  'MAX_COST_EXCEEDED',
  'PERSISTED_DOCUMENT_NOT_FOUND',
  'PERSISTED_DOCUMENT_REQUIRED',
  'THROTTLED',
  'PLUGIN_DISABLED',
  'TENANT_UNAVAILABLE',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
  'UPSTREAM_UNAVAILABLE',
  'UPSTREAM_THROTTLED',
  'INTERNAL_SERVER_ERROR',
] as const;

export type ErrorCode = (typeof ErrorCodes)[number];

const httpStatusByCode: Partial<Record<ErrorCode, number>> = {
  BAD_REQUEST: 400,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  MAX_DEPTH_EXCEEDED: 400,
  MAX_ALIASES_EXCEEDED: 400,
  MAX_ROOT_FIELDS_EXCEEDED: 400,
  MAX_DIRECTIVES_EXCEEDED: 400,
  MAX_TOKENS_EXCEEDED: 400,
  MAX_DOCUMENT_SIZE_EXCEEDED: 400,
  MAX_COST_EXCEEDED: 400,
  PERSISTED_DOCUMENT_NOT_FOUND: 400,
  PERSISTED_DOCUMENT_REQUIRED: 400,
  UNAUTHENTICATED: 401,
  THROTTLED: 429,
  TENANT_UNAVAILABLE: 503,
  SERVICE_UNAVAILABLE: 503,
};

/** HTTP status for a request that failed as a whole with this code (field errors stay 200). */
export function httpStatusFor(code: ErrorCode): number {
  return httpStatusByCode[code] ?? 200;
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ErrorCodes as readonly string[]).includes(value);
}

/**
 * An error whose message is safe to show to clients. Anything else that escapes a resolver is masked
 * as INTERNAL_SERVER_ERROR in one place (src/http/errors.ts).
 */
export class GatewayError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'GatewayError';
  }
}
