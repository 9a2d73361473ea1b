import { relative } from 'node:path';
import { projectRoot, type TenantStatus } from '../sdk';
import { loadTenantDir, type TenantEntry, type TenantLoadOptions, type TenantProblem } from './load';

/** What a credential resolves to: a serving tenant, or one whose configuration is currently invalid. */
export type TenantLookup = { entry: TenantEntry } | { unavailable: string } | undefined;

/**
 * The tenants in force. Reloading keeps a tenant's last good configuration when its new file is bad,
 * and reports the problem either way. Ids and tokens claimed by disabled tenants are kept, so their
 * callers are told the tenant is unavailable rather than that their credentials are wrong.
 */
export class TenantRegistry {
  private entries = new Map<string, TenantEntry>();
  private tokenIndex = new Map<string, TenantEntry>();
  private disabledIds = new Map<string, string>();
  private disabledTokens = new Map<string, string>();
  private problems: TenantProblem[] = [];

  constructor(
    private readonly dir: string,
    private options: TenantLoadOptions,
  ) {}

  /** Takes a new set of active and quarantined plugins (a remote service joined) and reads the files again. */
  replugin(plugins: TenantLoadOptions['plugins'], quarantined: ReadonlySet<string>): TenantProblem[] {
    this.options = { ...this.options, plugins, quarantined };
    return this.load();
  }

  /** Reads the folder again; returns the problems found this time. */
  load(): TenantProblem[] {
    const { valid, invalid } = loadTenantDir(this.dir, this.options, new Set(this.entries.keys()));
    const next = new Map(valid.map((e) => [e.tenant.id, e]));
    for (const problem of invalid) {
      const previous = this.entries.get(problem.id);
      if (previous && !next.has(problem.id)) next.set(problem.id, previous);
    }
    const tokens = new Map<string, TenantEntry>();
    for (const entry of next.values()) for (const hash of entry.storefrontTokenHashes) tokens.set(hash, entry);
    this.disabledIds = new Map();
    this.disabledTokens = new Map();
    for (const p of invalid) {
      for (const id of p.claimedIds) if (!next.has(id)) this.disabledIds.set(id, p.id);
      for (const hash of p.claimedTokenHashes) if (!tokens.has(hash)) this.disabledTokens.set(hash, p.id);
    }
    this.entries = next;
    this.tokenIndex = tokens;
    this.problems = invalid;
    return invalid;
  }

  /** The admin scopes the active plugins declare (src/plugins/manifest-facts.ts). */
  get adminScopes(): ReadonlySet<string> {
    return this.options.adminScopes;
  }

  get(id: string): TenantEntry | undefined {
    return this.entries.get(id);
  }

  /** The tenant an admin token's (not yet verified) tenant claim names. */
  lookupId(id: string): TenantLookup {
    const entry = this.entries.get(id);
    if (entry) return { entry };
    const disabled = this.disabledIds.get(id);
    return disabled ? { unavailable: disabled } : undefined;
  }

  lookupStorefrontTokenHash(hash: string): TenantLookup {
    const entry = this.tokenIndex.get(hash);
    if (entry) return { entry };
    const disabled = this.disabledTokens.get(hash);
    return disabled ? { unavailable: disabled } : undefined;
  }

  list(): TenantEntry[] {
    return [...this.entries.values()];
  }

  status(): TenantStatus[] {
    const file = (path: string) => relative(projectRoot(), path) || path;
    const rows: TenantStatus[] = this.list().map((e) => {
      const problem = this.problems.find((p) => p.file === e.file);
      const stale = problem
        ? [`${file(problem.file)} is invalid; serving the last good configuration`, ...problem.problems]
        : [];
      return { id: e.tenant.id, file: file(e.file), state: 'active', problems: [...stale, ...e.warnings] };
    });
    const serving = new Set(this.list().map((e) => e.file));
    for (const p of this.problems) {
      if (!serving.has(p.file)) rows.push({ id: p.id, file: file(p.file), state: 'disabled', problems: p.problems });
    }
    return rows.sort((a, b) => a.id.localeCompare(b.id) || a.file.localeCompare(b.file));
  }
}
