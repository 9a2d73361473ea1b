import { GatewayError } from '../../src/sdk';
import type { AdminClient } from './admin-client';
import { systemClock, type Clock } from './clock';
import { streamJsonl, type BulkRecord, type FetchLike } from './jsonl';

export type BulkOperationStatus = 'CREATED' | 'RUNNING' | 'COMPLETED' | 'CANCELING' | 'CANCELED' | 'FAILED' | 'EXPIRED';

export interface BulkOperation {
  id: string;
  status: BulkOperationStatus;
  errorCode: string | null;
  objectCount: string;
  url: string | null;
  partialDataUrl: string | null;
}

export interface BulkOptions {
  clock: Clock;
  /** First poll interval; grows 1.5x per poll up to maxPollIntervalMs. */
  pollIntervalMs: number;
  maxPollIntervalMs: number;
  /** Give up waiting (TIMEOUT) after this long; Shopify itself allows a bulk query up to 10 days. */
  timeoutMs: number;
  /** Downloads the JSONL result (the URL is outside the Admin API, so not through the library). */
  fetch: FetchLike;
}

const BULK_FIELDS = 'id status errorCode objectCount url partialDataUrl';
const RUN_MUTATION = `mutation RunBulkQuery($query: String!) {
  bulkOperationRunQuery(query: $query) {
    bulkOperation { ${BULK_FIELDS} }
    userErrors { field message code }
  }
}`;
const POLL_QUERY = `query BulkOperation($id: ID!) { node(id: $id) { ... on BulkOperation { ${BULK_FIELDS} } } }`;
const DONE: ReadonlySet<BulkOperationStatus> = new Set(['COMPLETED', 'FAILED', 'CANCELED', 'EXPIRED']);

/**
 * Runs Shopify bulk queries: start, wait (polling with backoff, or woken early by the
 * `bulk_operations/finish` webhook through notifyFinished), then stream the JSONL result.
 */
export class BulkQueryRunner {
  private readonly options: BulkOptions;
  /** Wakes a waiter sleeping between polls of the operation with this id. */
  private readonly wakers = new Map<string, () => void>();
  private readonly finishedEarly = new Set<string>();

  constructor(
    private readonly admin: Pick<AdminClient, 'query'>,
    options: Partial<BulkOptions> = {},
  ) {
    this.options = {
      clock: systemClock,
      pollIntervalMs: 1000,
      maxPollIntervalMs: 30_000,
      timeoutMs: 6 * 3600_000,
      fetch,
      ...options,
    };
  }

  async start(query: string): Promise<BulkOperation> {
    type Payload = {
      bulkOperationRunQuery: { bulkOperation: BulkOperation | null; userErrors: { message: string; code?: string }[] };
    };
    const res = await this.admin.query<Payload>(RUN_MUTATION, { query });
    const { bulkOperation, userErrors } = res.bulkOperationRunQuery;
    if (!bulkOperation || userErrors.length > 0) {
      throw new GatewayError('UPSTREAM_UNAVAILABLE', 'Shopify did not start the bulk query', {
        reason: 'bulk_rejected',
        upstreamCodes: userErrors.map((e) => e.code ?? 'UNKNOWN'),
      });
    }
    return bulkOperation;
  }

  /** Called by the webhook route on `bulk_operations/finish` (payload `admin_graphql_api_id`). */
  notifyFinished(id: string): void {
    const wake = this.wakers.get(id);
    if (wake) wake();
    else this.finishedEarly.add(id);
  }

  /** Polls until the operation is in a final state, and returns it in that state. */
  async waitUntilDone(id: string): Promise<BulkOperation> {
    const { clock, maxPollIntervalMs, timeoutMs } = this.options;
    const deadline = clock.now() + timeoutMs;
    for (let interval = this.options.pollIntervalMs; ; interval = Math.min(maxPollIntervalMs, interval * 1.5)) {
      const op = await this.poll(id);
      if (DONE.has(op.status)) return op;
      if (clock.now() >= deadline) {
        throw new GatewayError('TIMEOUT', 'The Shopify bulk query did not finish in time', { bulkStatus: op.status });
      }
      await this.sleepOrWake(id, interval);
    }
  }

  /** Start, wait, and stream the records; a bulk query that did not complete is a coded error. */
  async *run(query: string): AsyncGenerator<BulkRecord> {
    const started = await this.start(query);
    const op = await this.waitUntilDone(started.id);
    if (op.status !== 'COMPLETED') {
      throw new GatewayError('UPSTREAM_UNAVAILABLE', 'The Shopify bulk query did not complete', {
        reason: 'bulk_failed',
        bulkStatus: op.status,
        bulkErrorCode: op.errorCode,
      });
    }
    if (op.url) yield* streamJsonl(op.url, this.options.fetch); // No url: the query matched nothing.
  }

  private async poll(id: string): Promise<BulkOperation> {
    const res = await this.admin.query<{ node: BulkOperation | null }>(POLL_QUERY, { id });
    if (!res.node) throw new GatewayError('NOT_FOUND', 'Shopify does not know this bulk operation');
    return res.node;
  }

  private async sleepOrWake(id: string, ms: number): Promise<void> {
    if (this.finishedEarly.delete(id)) return;
    const wake = new AbortController();
    this.wakers.set(id, () => wake.abort());
    try {
      await this.options.clock.sleep(ms, wake.signal);
    } finally {
      this.wakers.delete(id);
    }
  }
}
