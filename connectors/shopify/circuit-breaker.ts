import { GatewayError } from '../../src/sdk';
import type { Clock } from './clock';

export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit fails fast before letting one probe through. */
  coolDownMs: number;
  /** Which errors count against the shop; by default only "Shopify is unavailable" ones. */
  isFailure: (err: unknown) => boolean;
}

export const defaultBreakerOptions: BreakerOptions = {
  failureThreshold: 5,
  coolDownMs: 30_000,
  isFailure: (err) => err instanceof GatewayError && err.code === 'UPSTREAM_UNAVAILABLE',
};

export type BreakerState = 'closed' | 'open' | 'half-open';

/**
 * A circuit breaker for one shop, so a shop that is down costs its callers nothing but a fast
 * UPSTREAM_UNAVAILABLE instead of a full retry ladder each. Throttling and query errors do not
 * count: they show the shop is up.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt = 0;
  private mode: 'closed' | 'open' = 'closed';
  private probing = false;

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly options: BreakerOptions = defaultBreakerOptions,
  ) {}

  get state(): BreakerState {
    if (this.mode === 'closed') return 'closed';
    return this.clock.now() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    // While half-open exactly one call probes; the others keep failing fast until it reports back.
    if (state === 'open' || (state === 'half-open' && this.probing)) throw this.openError();
    const probe = state === 'half-open';
    if (probe) this.probing = true;
    try {
      const result = await fn();
      this.close();
      return result;
    } catch (err) {
      if (this.options.isFailure(err)) this.fail(probe);
      else this.close();
      throw err;
    } finally {
      if (probe) this.probing = false;
    }
  }

  private close(): void {
    this.mode = 'closed';
    this.failures = 0;
  }

  private fail(probe: boolean): void {
    this.failures++;
    if (probe || this.failures >= this.options.failureThreshold) {
      this.mode = 'open';
      this.openedAt = this.clock.now();
    }
  }

  private openError(): GatewayError {
    const retryAfterMs = Math.max(0, this.openedAt + this.options.coolDownMs - this.clock.now());
    return new GatewayError('UPSTREAM_UNAVAILABLE', 'Shopify is unavailable for this shop', {
      reason: 'circuit_open',
      retryAfterMs,
    });
  }
}

/** One breaker per shop domain, shared by every client of that shop in the process. */
export class BreakerRegistry {
  private readonly breakers = new Map<string, CircuitBreaker>();

  constructor(
    private readonly clock: Pick<Clock, 'now'>,
    private readonly options: BreakerOptions = defaultBreakerOptions,
  ) {}

  forShop(shop: string): CircuitBreaker {
    let breaker = this.breakers.get(shop);
    if (!breaker) this.breakers.set(shop, (breaker = new CircuitBreaker(this.clock, this.options)));
    return breaker;
  }
}
