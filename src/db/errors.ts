import type { ErrorCode } from '../sdk';

const CONNECTION_MESSAGES = [
  'Connection terminated',
  'timeout exceeded when trying to connect',
  'Connection terminated unexpectedly',
  'Client has encountered a connection error',
  'Query read timeout',
  'connect ECONNREFUSED',
  'Client was closed',
];

const CONNECTION_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/**
 * The API code for a database failure, or null when the error is not one: connection-level faults are
 * SERVICE_UNAVAILABLE, a cancelled statement (statement_timeout) is TIMEOUT.
 */
export function databaseErrorCode(error: unknown): ErrorCode | null {
  // Not `instanceof Error`: socket errors may come from another realm (vm contexts, test runners).
  if (typeof error !== 'object' || error === null) return null;
  const { code, message } = error as { code?: unknown; message?: unknown };
  if (code === '57014') return 'TIMEOUT';
  if (typeof code === 'string' && (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03')) {
    return 'SERVICE_UNAVAILABLE';
  }
  if (typeof code === 'string' && CONNECTION_ERRNOS.has(code)) return 'SERVICE_UNAVAILABLE';
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((m) => message.includes(m))) return 'SERVICE_UNAVAILABLE';
  return null;
}
