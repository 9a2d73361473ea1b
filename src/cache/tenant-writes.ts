/**
 * Per-tenant write generations and writes in flight, in this process (the rule is in store.ts): every
 * write bumps the generation when it starts and again once its transaction has ended.
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

  bump(tenantId: string): void {
    this.generations.set(tenantId, this.generation(tenantId) + 1);
  }
}
