import type { ThrottleStatus } from '../../connectors/shopify/types';

/** Shopify's per-shop leaky bucket: `max` points, refilled at `restoreRate` points per second. */
export class LeakyBucket {
  private level: number;
  private at: number;

  constructor(
    readonly max: number,
    readonly restoreRate: number,
    private readonly now: () => number,
  ) {
    this.level = max;
    this.at = now();
  }

  available(): number {
    return Math.min(this.max, this.level + (this.restoreRate * (this.now() - this.at)) / 1000);
  }

  /** Spends `cost` if the bucket holds it; false (nothing spent) otherwise. */
  take(cost: number): boolean {
    const available = this.available();
    if (available < cost) return false;
    this.set(available - cost);
    return true;
  }

  /** Sets the level now (tests drain the bucket with this). */
  set(available: number): void {
    this.level = available;
    this.at = this.now();
  }

  status(): ThrottleStatus {
    return {
      maximumAvailable: this.max,
      currentlyAvailable: Math.floor(this.available()),
      restoreRate: this.restoreRate,
    };
  }
}
