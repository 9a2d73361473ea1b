import type { Response } from 'express';
import { httpStatusFor, type ErrorCode } from '../sdk';
import { escapeJson } from './json-escape';
import { requestState } from '../observability/request-state';

/** A request-level failure as a GraphQL JSON body, never an HTML page. */
export function sendGraphQLError(
  res: Response,
  code: ErrorCode,
  message: string,
  options: { status?: number; headers?: Record<string, string> } = {},
): void {
  if (res.headersSent) return;
  // The request log and metrics report this code as the request's outcome.
  const state = requestState(res);
  state.errorCode = code;
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  const requestId = state.requestId;
  res
    .status(options.status ?? httpStatusFor(code))
    .type('application/json')
    .send(
      escapeJson(JSON.stringify({ errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] })),
    );
}
