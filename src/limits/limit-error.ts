import { GraphQLError } from 'graphql';
import { HeaderMap } from '@apollo/server';
import { httpStatusFor, type ErrorCode } from '../sdk';

/**
 * An error that ends the request before execution, with the HTTP status of its code (Apollo reads
 * `extensions.http` and strips it from the response).
 */
export function requestError(
  code: ErrorCode,
  message: string,
  options: { status?: number; headers?: Record<string, string>; extensions?: Record<string, unknown> } = {},
): GraphQLError {
  const status = options.status ?? (httpStatusFor(code) === 200 ? 400 : httpStatusFor(code));
  return new GraphQLError(message, {
    extensions: {
      ...options.extensions,
      code,
      http: { status, headers: new HeaderMap(Object.entries(options.headers ?? {})) },
    },
  });
}
