import { GatewayError } from '../../src/sdk';
import type { Clock } from './clock';
import { UpstreamError } from './errors';
import type { GraphqlResult, QueryCost } from './types';

export interface PacingOptions {
  /** Assumed cost of a query never seen before (Shopify reports the real one on the first answer). */
  defaultCost: number;
  /** THROTTLED answers retried (after the computed wait) before failing with UPSTREAM_THROTTLED. */
  maxThrottleRetries: number;
}

export const defaultPacingOptions: PacingOptions = { defaultCost: 10, maxThrottleRetries: 5 };

interface Bucket {
  max: number;
  available: number;
  restoreRate: number;
  /** Clock time the `available` figure refers to. */
  at: number;
}

/**
 * Cost-aware pacing for one shop. Shopify meters Admin GraphQL with a leaky bucket and answers an
 * over-budget query with HTTP 200 + THROTTLED, which the library does not retry. We keep Shopify's
 * last reported bucket, estimate its refill, and wait before sending until the query's cost fits.
 */
export class CostPacer {
  private bucket: Bucket | undefined;
  /** Last requestedQueryCost per query text: paging repeats the same document with new variables. */
  private readonly costs = new Map<string, number>();

  constructor(
    private readonly clock: Clock,
    private readonly options: PacingOptions = defaultPacingOptions,
  ) {}

  /** Points the bucket holds now, by our estimate (undefined before Shopify has told us anything). */
  estimatedAvailable(): number | undefined {
    const b = this.bucket;
    if (!b) return undefined;
    return Math.min(b.max, b.available + (b.restoreRate * (this.clock.now() - b.at)) / 1000);
  }

  /** Milliseconds until `cost` points are available; 0 when they are (or nothing is known yet). */
  waitMsFor(cost: number): number {
    const b = this.bucket;
    const available = this.estimatedAvailable();
    if (!b || available === undefined || b.restoreRate <= 0) return 0;
    const needed = Math.min(cost, b.max) - available;
    // The epsilon keeps float noise from adding a stray 1 ms wait after an exact refill.
    return needed <= 1e-9 ? 0 : Math.ceil((needed / b.restoreRate) * 1000);
  }

  /** Records Shopify's view of the bucket from an answer's `extensions.cost`. */
  observe(cost: QueryCost | undefined): void {
    if (!cost) return;
    const t = cost.throttleStatus;
    this.bucket = {
      max: t.maximumAvailable,
      available: t.currentlyAvailable,
      restoreRate: t.restoreRate,
      at: this.clock.now(),
    };
  }

  /** Runs one query through the pacer: wait for budget, send, learn, and wait out THROTTLED answers. */
  async run(query: string, send: () => Promise<GraphqlResult>): Promise<GraphqlResult> {
    for (let throttled = 0; ; throttled++) {
      await this.acquire(this.costs.get(query) ?? this.options.defaultCost);
      try {
        const result = await send();
        this.learn(query, result.cost);
        return result;
      } catch (err) {
        if (!(err instanceof UpstreamError) || err.failure.kind !== 'throttled') throw err;
        this.learn(query, err.failure.cost);
        if (throttled >= this.options.maxThrottleRetries) {
          throw new GatewayError('UPSTREAM_THROTTLED', 'Shopify is throttling this shop', { reason: 'throttled' });
        }
      }
    }
  }

  /** Waits until `cost` fits, then reserves it so concurrent queries do not all spend the same points. */
  private async acquire(cost: number): Promise<void> {
    for (let wait = this.waitMsFor(cost); wait > 0; wait = this.waitMsFor(cost)) {
      await this.clock.sleep(wait);
    }
    const available = this.estimatedAvailable();
    if (this.bucket && available !== undefined) {
      this.bucket = { ...this.bucket, available: available - cost, at: this.clock.now() };
    }
  }

  private learn(query: string, cost: QueryCost | undefined): void {
    this.observe(cost);
    if (cost) this.costs.set(query, cost.requestedQueryCost);
  }
}
