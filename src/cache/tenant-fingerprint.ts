import { createHash } from 'node:crypto';
import type { Tenant } from '../sdk';

const fingerprints = new WeakMap<Tenant, string>();

/** JSON with object keys sorted and sets as sorted arrays: equal configurations give equal text. */
function stableJson(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value instanceof Set) return `[${[...(value as Set<unknown>)].map(stableJson).sort().join(',')}]`;
  if (value instanceof Map) return stableJson(Object.fromEntries(value as Map<string, unknown>));
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A hash of the tenant's configuration, the same on every instance that loaded the same file: a changed
 * configuration (currency, plugins, settings) gets new cache keys. Computed once per configuration object.
 */
export function tenantFingerprint(tenant: Tenant): string {
  let fingerprint = fingerprints.get(tenant);
  if (!fingerprint) {
    fingerprint = createHash('sha256').update(stableJson(tenant)).digest('hex').slice(0, 16);
    fingerprints.set(tenant, fingerprint);
  }
  return fingerprint;
}
