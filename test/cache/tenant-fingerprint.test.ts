import { tenantFingerprint } from '../../src/cache/tenant-fingerprint';
import { DEFAULT_LIMITS } from '../../src/config/tenant-schema';
import type { Tenant } from '../../src/sdk';

const tenant = (overrides: Partial<Tenant> = {}): Tenant => ({
  id: 'alpha',
  name: 'Alpha',
  currency: 'EUR',
  locale: 'en',
  plugins: new Set(['catalog', 'inventory']),
  limits: { ...DEFAULT_LIMITS },
  settings: { catalog: { pageSize: 20, tags: ['a'] } },
  cors: { origins: [] },
  ...overrides,
});

describe('tenant fingerprint', () => {
  it('is the same for equal configurations loaded separately (another instance)', () => {
    const reordered = tenant({
      plugins: new Set(['inventory', 'catalog']),
      settings: { catalog: { tags: ['a'], pageSize: 20 } },
    });
    expect(tenantFingerprint(tenant())).toBe(tenantFingerprint(reordered));
  });

  it('changes with the configuration', () => {
    const base = tenantFingerprint(tenant());
    expect(tenantFingerprint(tenant({ currency: 'USD' }))).not.toBe(base);
    expect(tenantFingerprint(tenant({ plugins: new Set(['catalog']) }))).not.toBe(base);
    expect(tenantFingerprint(tenant({ settings: { catalog: { pageSize: 50, tags: ['a'] } } }))).not.toBe(base);
  });
});
