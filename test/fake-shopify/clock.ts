import type { Clock } from '../../connectors/shopify/clock';

/**
 * A virtual clock shared by the connector and the fake server: sleeping advances time instantly,
 * so the fake's leaky bucket refills exactly as much as the connector chose to wait. Tests assert
 * on `sleeps` (the waits the connector computed), never on wall-clock time.
 */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];

  constructor(private time = Date.parse('2026-01-01T00:00:00Z')) {}

  now(): number {
    return this.time;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    this.sleeps.push(ms);
    this.time += ms;
  }

  advance(ms: number): void {
    this.time += ms;
  }
}
