import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ErrorCode } from '../sdk';
import { MAX_NESTING, maxNesting } from '../limits/nesting';
import { sendGraphQLError } from './respond';

/**
 * The GraphQL over HTTP request, checked before anything else reads it: every refusal is a GraphQL JSON
 * body with a stable code, never an HTML page or a stack.
 */
const refuse = (res: Response, message: string, status = 400, code: ErrorCode = 'BAD_REQUEST', headers = {}) =>
  sendGraphQLError(res, code, message, { status, headers });

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** GET and POST only (OPTIONS is answered by CORS); POST bodies must be JSON. */
export const methodAndContentType: RequestHandler = (req, res, next) => {
  if (req.method !== 'GET' && req.method !== 'POST') {
    return refuse(res, `${req.method} is not supported; use GET for queries or POST`, 405, 'BAD_REQUEST', {
      Allow: 'GET, POST',
    });
  }
  if (req.method === 'POST' && !req.is('application/json')) {
    return refuse(res, 'POST bodies must be JSON: Content-Type: application/json', 415);
  }
  next();
};

/** A JSON-encoded map parameter of a GET request (variables, extensions), or the problem with it. */
function jsonMapParam(value: unknown, name: string): string | null {
  if (value === undefined) return null;
  if (typeof value !== 'string') return `${name} must be given once, as a JSON object`;
  try {
    const parsed: unknown = JSON.parse(value);
    return parsed === null || isObject(parsed) ? null : `${name} must be a JSON object`;
  } catch {
    return `${name} is not valid JSON`;
  }
}

function problemOf(params: Record<string, unknown>, fromUrl: boolean, maxDocumentBytes: number) {
  const { query, variables, operationName, extensions } = params;
  const persisted = fromUrl
    ? typeof extensions === 'string' && extensions.includes('persistedQuery')
    : isObject(extensions) && 'persistedQuery' in extensions;
  if (query === undefined || query === null) {
    return persisted ? null : { message: 'The request has no query' };
  }
  if (typeof query !== 'string') return { message: 'query must be a string' };
  if (Buffer.byteLength(query) > maxDocumentBytes) {
    return {
      message: `The query is larger than ${maxDocumentBytes} bytes`,
      code: 'MAX_DOCUMENT_SIZE_EXCEEDED' as const,
    };
  }
  if (maxNesting(query) > MAX_NESTING) {
    return { message: `The query nests deeper than ${MAX_NESTING} levels`, code: 'MAX_DEPTH_EXCEEDED' as const };
  }
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') {
    return { message: 'operationName must be a string' };
  }
  if (fromUrl) {
    const problem = jsonMapParam(variables, 'variables') ?? jsonMapParam(extensions, 'extensions');
    return problem ? { message: problem } : null;
  }
  if (variables !== undefined && variables !== null && !isObject(variables)) {
    return { message: 'variables must be an object' };
  }
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) {
    return { message: 'extensions must be an object' };
  }
  return null;
}

/** The parameters: a single request (batches refused), a string query within the size limit, map variables. */
export function requestParameters(maxDocumentBytes: number): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const fromUrl = req.method === 'GET';
    const params: unknown = fromUrl ? req.query : req.body;
    if (Array.isArray(params)) return refuse(res, 'Batched requests are not supported; send one operation per request');
    if (!isObject(params)) return refuse(res, 'The request body must be a JSON object');
    const problem = problemOf(params, fromUrl, maxDocumentBytes);
    if (problem) return refuse(res, problem.message, 400, problem.code ?? 'BAD_REQUEST');
    next();
  };
}
