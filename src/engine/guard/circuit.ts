export type CircuitState = 'closed' | 'open' | 'half-open';

/** What a circuit lets a call do: run normally, run as the one half-open probe, or fail fast. */
export type Admission = 'pass' | 'probe' | 'reject';

export interface CircuitOptions {
  /** Consecutive failures that open the circuit. */
  failureThreshold: number;
  /** How long an open circuit fails fast before one probe may go through. */
  coolDownMs: number;
  now?: () => number;
  onChange?: (state: CircuitState) => void;
}

/**
 * A circuit breaker: closed until `failureThreshold` consecutive failures, then open (callers fail fast)
 * for `coolDownMs`, then half-open: one probe runs while others still fail fast; its success closes the
 * circuit, its failure opens it again. The closed path is a single comparison.
 */
export class Circuit {
  private failures = 0;
  private openedAt = 0;
  private isOpen = false;
  private probing = false;
  private readonly now: () => number;

  constructor(private readonly options: CircuitOptions) {
    this.now = options.now ?? Date.now;
  }

  get state(): CircuitState {
    if (!this.isOpen) return 'closed';
    return this.now() - this.openedAt >= this.options.coolDownMs ? 'half-open' : 'open';
  }

  /** Milliseconds until an open circuit lets a probe through. */
  get retryAfterMs(): number {
    return this.isOpen ? Math.max(0, this.openedAt + this.options.coolDownMs - this.now()) : 0;
  }

  admit(): Admission {
    if (!this.isOpen) return 'pass';
    if (this.probing || this.state === 'open') return 'reject';
    this.probing = true;
    this.options.onChange?.('half-open');
    return 'probe';
  }

  succeeded(admission: Admission): void {
    if (admission === 'probe') {
      this.probing = false;
      this.isOpen = false;
      this.options.onChange?.('closed');
    }
    // A call let in before the circuit opened proves nothing about the plugin now.
    if (!this.isOpen) this.failures = 0;
  }

  failed(admission: Admission): void {
    if (admission === 'probe') this.probing = false;
    this.failures += 1;
    if (admission === 'probe' || (!this.isOpen && this.failures >= this.options.failureThreshold)) {
      this.isOpen = true;
      this.openedAt = this.now();
      this.options.onChange?.('open');
    }
  }

  /** A call that neither failed nor succeeded on the plugin's account (e.g. bad input): frees the probe. */
  neutral(admission: Admission): void {
    if (admission === 'probe') this.probing = false;
  }
}
