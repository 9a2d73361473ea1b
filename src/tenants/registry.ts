import { relative } from 'node:path';
import { projectRoot, type TenantStatus } from '../sdk';
import { loadTenantDir, type TenantEntry, type TenantLoadOptions, type TenantProblem } from './load';

/**
 * The tenants in force. Reloading keeps a tenant's last good configuration when its new file is bad,
 * and reports the problem either way.
 */
export class TenantRegistry {
  private entries = new Map<string, TenantEntry>();
  private tokenIndex = new Map<string, TenantEntry>();
  private problems: TenantProblem[] = [];

  constructor(
    private readonly dir: string,
    private readonly options: TenantLoadOptions,
  ) {}

  /** Reads the folder again; returns the problems found this time. */
  load(): TenantProblem[] {
    const { valid, invalid } = loadTenantDir(this.dir, this.options);
    const next = new Map(valid.map((e) => [e.tenant.id, e]));
    for (const problem of invalid) {
      const previous = this.entries.get(problem.id);
      if (previous && !next.has(problem.id)) next.set(problem.id, previous);
    }
    this.entries = next;
    this.tokenIndex = new Map();
    for (const entry of next.values()) for (const hash of entry.storefrontTokenHashes) this.tokenIndex.set(hash, entry);
    this.problems = invalid;
    return invalid;
  }

  get(id: string): TenantEntry | undefined {
    return this.entries.get(id);
  }

  byStorefrontTokenHash(hash: string): TenantEntry | undefined {
    return this.tokenIndex.get(hash);
  }

  list(): TenantEntry[] {
    return [...this.entries.values()];
  }

  status(): TenantStatus[] {
    const rows: TenantStatus[] = this.list().map((e) => ({
      id: e.tenant.id,
      file: relative(projectRoot(), e.file),
      state: 'active',
      problems: this.problems.find((p) => p.id === e.tenant.id)?.problems ?? [],
    }));
    for (const p of this.problems) {
      if (!this.entries.has(p.id))
        rows.push({ id: p.id, file: relative(projectRoot(), p.file), state: 'disabled', problems: p.problems });
    }
    return rows.sort((a, b) => a.id.localeCompare(b.id));
  }
}
