import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GatewayError, isErrorCode, type ErrorCode } from '../sdk';
import { databaseErrorCode } from '../db/errors';
import { isTokenLimitError } from '../limits/tokens';

const SAFE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable; retry shortly',
  TIMEOUT: 'The operation took too long and was cancelled',
  INTERNAL_SERVER_ERROR: 'Internal server error',
};

/** Codes whose answer carries the request id, to find the full error in the log. */
const WITH_REQUEST_ID: ReadonlySet<unknown> = new Set<ErrorCode>([
  'INTERNAL_SERVER_ERROR',
  'SERVICE_UNAVAILABLE',
  'TIMEOUT',
]);

/** Whether answers with this code hide their cause behind a fixed message and the request id that finds it logged. */
export const carriesRequestId = (code: ErrorCode) => WITH_REQUEST_ID.has(code);

/** Adds the request id to the formatted errors whose code calls for it (formatError is not told the request). */
export function stampRequestId(errors: readonly GraphQLFormattedError[] | undefined, requestId: string): void {
  for (const error of errors ?? []) {
    if (error.extensions && WITH_REQUEST_ID.has(error.extensions.code)) {
      (error.extensions as Record<string, unknown>).requestId = requestId;
    }
  }
}

/** Apollo codes that are not ours, mapped onto the API's codes. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
};

/** Apollo refuses some requests with a 4xx status and no code (an APQ hash that does not match its query). */
function isCodelessRefusal(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.originalError || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** The API code of any error that reached the response. */
export function errorCodeOf(formatted: GraphQLFormattedError, error: unknown): ErrorCode {
  const original = unwrapResolverError(error);
  if (original instanceof GatewayError) return original.code;
  const db = databaseErrorCode(original);
  if (db) return db;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CODES[code]) return APOLLO_CODES[code];
  if (code === 'GRAPHQL_PARSE_FAILED' && isTokenLimitError(formatted.message)) return 'MAX_TOKENS_EXCEEDED';
  if (isCodelessRefusal(error)) return 'BAD_REQUEST';
  // Errors graphql-js raised itself (parse, validation, coercion) carry no original error.
  if (isErrorCode(code) && (original === error || code !== 'INTERNAL_SERVER_ERROR')) return code;
  return 'INTERNAL_SERVER_ERROR';
}

/** graphql-js suggests names from the schema ("Did you mean ...?"): a map of the schema for strangers. */
export const withoutSuggestions = (message: string) => message.replace(/\s*Did you mean [^?]*\?/g, '').trim();

/** Extensions a client may see besides the code: only those a GatewayError or a limit set on purpose. */
const PUBLIC_EXTENSIONS = ['argument', 'measured', 'maximum', 'cost', 'retryAfterSeconds'];

/**
 * The one place errors are shaped for clients: known codes keep their message, database faults get a
 * fixed message, and everything else is masked; src/engine/error-logging-plugin.ts logs it in full and
 * adds the request id to find it. Schema suggestions are dropped outside development.
 */
export function createFormatError(options: { development: boolean }) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = errorCodeOf(formatted, error);
    const original = unwrapResolverError(error);
    const extensions: Record<string, unknown> = {};
    if (original instanceof GatewayError) Object.assign(extensions, original.extensions);
    else
      for (const key of PUBLIC_EXTENSIONS)
        if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    extensions.code = code;
    const message =
      SAFE_MESSAGES[code] ?? (options.development ? formatted.message : withoutSuggestions(formatted.message));
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  };
}

/** The production shape (no suggestions), for callers that do not configure one. */
export const formatError = createFormatError({ development: false });
