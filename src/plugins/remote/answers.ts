import { GatewayError } from '../../sdk';
import type { GraphQLAnswer } from './client';

/** UPSTREAM_UNAVAILABLE on a service's field, with a message of ours. */
export const upstreamUnavailable = (service: string, message: string) =>
  new GatewayError('UPSTREAM_UNAVAILABLE', message, { plugin: service });

/** Codes of a service's errors that describe the caller's request, not the service's health. */
const CALLER_CODES = new Set(['BAD_USER_INPUT', 'NOT_FOUND', 'FORBIDDEN']);

/**
 * The value at `path` of an answer; an error the service reported there (or above it) is thrown in its
 * place, as a coded error with a message of ours: the service's own text may name its internals.
 */
export function valueAt(answer: GraphQLAnswer, path: readonly (string | number)[], service: string): unknown {
  let value: unknown = answer.data;
  for (const key of path) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null;
  if (value !== null && value !== undefined) return value;
  const error = answer.errors?.find(
    (e) => Array.isArray(e.path) && path.slice(0, e.path.length).every((key, i) => key === (e.path as unknown[])[i]),
  );
  if (!error) return null;
  const code = (error as { extensions?: { code?: unknown } }).extensions?.code;
  if (typeof code === 'string' && CALLER_CODES.has(code))
    return new GatewayError(code as 'BAD_USER_INPUT', `The ${service} service refused the request`, {
      plugin: service,
    });
  return upstreamUnavailable(service, `The ${service} service could not answer`);
}
