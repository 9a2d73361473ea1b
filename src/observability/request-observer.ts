import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { isErrorCode } from '../sdk';
import { requestState } from './request-state';
import type { GatewayMetrics } from './metrics';
import { recordStore, type RequestRecord } from './request-record';
import type { Tracing } from './tracing';

export interface ObserverDeps {
  log: Logger;
  metrics: GatewayMetrics;
  /** Operation names that get their own metric label; any other name counts as "other". */
  operations: ReadonlySet<string>;
  tracing: Tracing | null;
}

/** Probes are not requests worth a log line each. */
const QUIET = new Set(['/healthz', '/readyz']);

const FALLBACK_BY_STATUS: Record<number, string> = {
  401: 'UNAUTHENTICATED',
  404: 'NOT_FOUND',
  429: 'THROTTLED',
  503: 'SERVICE_UNAVAILABLE',
};

/** The request's outcome: its first error code, the code a request-level refusal carried, or OK. */
function outcomeCode(res: Response, record: RequestRecord): string {
  const first = record.result?.errors?.[0]?.extensions?.code;
  if (isErrorCode(first)) return first;
  const { errorCode } = requestState(res);
  if (errorCode) return errorCode;
  if (!res.writableFinished) return 'ABORTED';
  if (res.statusCode < 400) return 'OK';
  return FALLBACK_BY_STATUS[res.statusCode] ?? (res.statusCode >= 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
}

function costOf(record: RequestRecord): number | undefined {
  const cost = record.result?.extensions?.cost as
    { actualQueryCost?: unknown; requestedQueryCost?: unknown } | undefined;
  const value = cost?.actualQueryCost ?? cost?.requestedQueryCost;
  return typeof value === 'number' ? value : undefined;
}

/**
 * One JSON log line, one metrics observation and (when tracing is on) one server span per request,
 * written when the response has left, so every engine plugin has had its say about the outcome.
 */
export function observeRequests(deps: ObserverDeps): RequestHandler {
  // The access line's fields are fixed and hold no credential: it skips redaction, most of its cost.
  const access = deps.log.child({}, { redact: [] });
  return (req, res, next) => {
    if (QUIET.has(req.path)) return next();
    const record: RequestRecord = { startedAt: process.hrtime.bigint() };
    record.httpSpan = deps.tracing?.start(`${req.method} ${req.path}`, {
      server: true,
      traceparent: req.get('traceparent'),
      attributes: { 'http.request.method': req.method, 'url.path': req.path },
    });
    res.once('close', () => finish(deps, access, req, res, record));
    requestState(res).record = record;
    // An AsyncLocalStorage makes Node run hooks on every promise; only SQL spans need it (tracing on).
    if (deps.tracing) recordStore.run(record, next);
    else next();
  };
}

function finish(deps: ObserverDeps, access: Logger, req: Request, res: Response, record: RequestRecord): void {
  const seconds = Number(process.hrtime.bigint() - record.startedAt) / 1e9;
  const state = requestState(res);
  const tenant = state.auth?.entry.tenant.id;
  const code = outcomeCode(res, record);
  const operationType = record.operationType ?? 'none';
  const name = record.operationName;
  const operation = !record.operationType ? 'none' : name && deps.operations.has(name) ? name : 'other';
  deps.metrics.requests.inc({ tenant: tenant ?? 'none', operation_type: operationType, operation, code });
  deps.metrics.requestDuration.observe({ tenant: tenant ?? 'none', operation_type: operationType, code }, seconds);
  const line = {
    requestId: state.requestId,
    tenant,
    method: req.method,
    path: req.path,
    status: res.statusCode,
    operationName: name ?? undefined,
    operationType: record.operationType,
    durationMs: Math.round(seconds * 1e4) / 10,
    cost: costOf(record),
    code,
  };
  if (res.statusCode >= 500 && code !== 'SERVICE_UNAVAILABLE') access.error(line, 'request');
  else access.info(line, 'request');
  const span = record.httpSpan;
  if (span) {
    span.setAttributes({ 'http.response.status_code': res.statusCode, 'retail.outcome': code });
    if (tenant) span.setAttributes({ 'retail.tenant': tenant });
    if (code !== 'OK') span.fail(code);
    span.end();
  }
}
