import type { GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { GatewayError, isErrorCode, type ErrorCode } from '../sdk';
import { databaseErrorCode } from '../../connectors/postgres/errors';
import { currentRequestId } from './request-store';

const SAFE_MESSAGES: Partial<Record<ErrorCode, string>> = {
  SERVICE_UNAVAILABLE: 'The service is temporarily unavailable; retry shortly',
  TIMEOUT: 'The operation took too long and was cancelled',
  INTERNAL_SERVER_ERROR: 'Internal server error',
};

/** Apollo codes that are not ours, mapped onto the API's codes. */
const APOLLO_CODES: Record<string, ErrorCode> = {
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_FOUND: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
};

/** The API code of any error that reached the response. */
export function errorCodeOf(formatted: GraphQLFormattedError, error: unknown): ErrorCode {
  const original = unwrapResolverError(error);
  if (original instanceof GatewayError) return original.code;
  const db = databaseErrorCode(original);
  if (db) return db;
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && APOLLO_CODES[code]) return APOLLO_CODES[code];
  // Errors graphql-js raised itself (parse, validation, coercion) carry no original error.
  if (isErrorCode(code) && (original === error || code !== 'INTERNAL_SERVER_ERROR')) return code;
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * The one place errors are shaped for clients: known codes keep their message, database faults get a
 * fixed message, and everything else is masked, with the request id to find the full error in the log.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = errorCodeOf(formatted, error);
  const original = unwrapResolverError(error);
  const requestId = currentRequestId();
  const extensions: Record<string, unknown> = { code };
  if (original instanceof GatewayError) Object.assign(extensions, original.extensions, { code });
  if (requestId && (code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE' || code === 'TIMEOUT')) {
    extensions.requestId = requestId;
  }
  const message = SAFE_MESSAGES[code] ?? formatted.message;
  return { message, locations: formatted.locations, path: formatted.path, extensions };
}
