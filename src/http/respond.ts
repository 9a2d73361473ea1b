import type { Response } from 'express';
import { httpStatusFor, type ErrorCode } from '../sdk';

/** A request-level failure as a GraphQL JSON body, never an HTML page. */
export function sendGraphQLError(
  res: Response,
  code: ErrorCode,
  message: string,
  options: { status?: number; headers?: Record<string, string> } = {},
): void {
  if (res.headersSent) return;
  for (const [name, value] of Object.entries(options.headers ?? {})) res.setHeader(name, value);
  const requestId = res.locals.requestId as string | undefined;
  res
    .status(options.status ?? httpStatusFor(code))
    .type('application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] }));
}
