/**
 * Per-tenant write generations. A cached answer is stored under the generation its request began
 * with, and only if no write of that tenant was in flight and none ended meanwhile; every write bumps
 * the generation when it starts and again once its transaction has ended. So an answer that might have
 * read data from before a write is never served after it.
 */
export class TenantWrites {
  private readonly generations = new Map<string, number>();
  private readonly inFlight = new Map<string, number>();

  generation(tenantId: string): number {
    return this.generations.get(tenantId) ?? 0;
  }

  /** True when an answer begun at `generation` may still be stored. */
  quiet(tenantId: string, generation: number): boolean {
    return !this.inFlight.get(tenantId) && this.generation(tenantId) === generation;
  }

  begin(tenantId: string): void {
    this.bump(tenantId);
    this.inFlight.set(tenantId, (this.inFlight.get(tenantId) ?? 0) + 1);
  }

  end(tenantId: string): void {
    this.bump(tenantId);
    const left = (this.inFlight.get(tenantId) ?? 1) - 1;
    if (left > 0) this.inFlight.set(tenantId, left);
    else this.inFlight.delete(tenantId);
  }

  /** Runs a write outside GraphQL (a webhook, a job) between begin and end. */
  async around<T>(tenantId: string, fn: () => Promise<T>): Promise<T> {
    this.begin(tenantId);
    try {
      return await fn();
    } finally {
      this.end(tenantId);
    }
  }

  private bump(tenantId: string): void {
    this.generations.set(tenantId, this.generation(tenantId) + 1);
  }
}
