import type { Response } from 'express';
import type { ErrorCode } from '../sdk';
import type { Authenticated } from '../auth/authenticate';
import type { RequestRecord } from './request-record';

/**
 * What one request carries from stage to stage before Apollo builds its context. Each field has one
 * writer, named beside it; every other stage only reads. It lives in Express's per-response locals, so
 * it costs no allocation of its own. It sits in observability, below http, because the request observer
 * writes the record and reads every other field for the request's log line and metrics.
 */
export interface RequestState {
  /** Written by `identify` (http/app.ts): the caller's X-Request-Id, or a fresh one. */
  requestId?: string;
  /** Written by the request observer (request-observer.ts), when operations are on. */
  record?: RequestRecord;
  /** Written by `resolveDocumentId` (documents/middleware.ts) for a request naming a registered document. */
  documentId?: string;
  /** Written by `authenticateRequest` (http/app.ts): the caller's tenant and principal. */
  auth?: Authenticated;
  /** Written by `sendGraphQLError` (http/respond.ts): the code a request-level refusal carried. */
  errorCode?: ErrorCode;
}

/** The request's state: the one place that touches Express's locals (test/engine/layering.test.ts). */
export function requestState(res: Response): RequestState {
  return res.locals as RequestState;
}

/** The caller, for stages that run after authentication (a route that skips it is a wiring fault). */
export function authenticated(res: Response): Authenticated {
  const { auth } = requestState(res);
  if (!auth) throw new Error('the request has not been authenticated');
  return auth;
}
