import { AsyncLocalStorage } from 'node:async_hooks';
import type { FormattedExecutionResult } from 'graphql';
import type { TraceSpan } from './tracing';

/** What one request's log line, metrics and spans are made of, filled in as the request goes. */
export interface RequestRecord {
  startedAt: bigint;
  operationName?: string | null;
  operationType?: string;
  /** The response body; read when the response has left, after the last plugin has changed it. */
  result?: FormattedExecutionResult;
  httpSpan?: TraceSpan;
  executionSpan?: TraceSpan;
}

export const recordStore = new AsyncLocalStorage<RequestRecord>();

export const currentRecord = (): RequestRecord | undefined => recordStore.getStore();
