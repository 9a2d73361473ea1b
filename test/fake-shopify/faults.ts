/** Scripted failures, consumed one per GraphQL request, in order. */
export type Fault =
  /** Answer with this HTTP status (and Retry-After header, in seconds as Shopify sends it). */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Answer HTTP 200 with a THROTTLED error, as Shopify does when the bucket is empty. */
  | { kind: 'throttled' }
  /** Drop the connection without answering. */
  | { kind: 'reset' }
  /** Do the work, then drop the connection: the answer is lost (a write happened). */
  | { kind: 'lost' }
  /** Answer normally, but only after `ms` of real time (for client timeouts). */
  | { kind: 'delay'; ms: number };

export class FaultQueue {
  private readonly queue: Fault[] = [];

  /** The next `count` requests get `fault`. */
  failNext(count: number, fault: Fault): void {
    for (let i = 0; i < count; i++) this.queue.push(fault);
  }

  take(): Fault | undefined {
    return this.queue.shift();
  }

  get pending(): number {
    return this.queue.length;
  }
}
