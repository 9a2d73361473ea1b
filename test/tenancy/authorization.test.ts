import { mintAdminToken } from '../../src/auth/mint-token';
import { describeEachDatabase } from '../kit/each-database';
import { GUARDED_PLUGIN, storefrontToken, tenantDir, writeTenant } from './tenant-files';

const dir = tenantDir();
writeTenant(dir, 'rules-shop', { plugins: ['guarded'] });
writeTenant(dir, 'plain-shop', { plugins: [] });

describeEachDatabase('authorization rules', { plugins: ['core', GUARDED_PLUGIN], tenantsDir: dir }, (get) => {
  const storefront = { 'x-storefront-token': storefrontToken('rules-shop') };
  async function staff(role: 'staff' | 'admin', scopes: string[]) {
    const entry = get().gateway.registry.get('rules-shop')!;
    return { authorization: `Bearer ${await mintAdminToken(entry, { subject: 'u', roles: [role], scopes })}` };
  }
  /** The outcome of one root field: its value, or the code and message of its error. */
  async function outcome(field: string, headers: Record<string, string>, operation = 'query') {
    const res = await get().graphql<Record<string, unknown>>(`${operation} { ${field} }`, {}, headers);
    expect(res.status).toBe(200);
    const error = res.body.errors?.[0];
    expect(JSON.stringify(res.body)).not.toContain('Not Authorised');
    return error
      ? { code: error.extensions?.code, message: error.message }
      : { value: res.body.data?.[field.split(' ')[0]] };
  }
  const forbidden = (message: string | RegExp) => ({ code: 'FORBIDDEN', message: expect.stringMatching(message) });

  it('or: allows when either side allows, else FORBIDDEN with the reason', async () => {
    expect(await outcome('viaOr', storefront)).toEqual({ value: 'or' });
    expect(await outcome('viaOr', await staff('admin', ['read_orders']))).toEqual({ value: 'or' });
    expect(await outcome('viaOr', await staff('admin', []))).toEqual(forbidden(/required/));
  });

  it('and: needs both, FORBIDDEN otherwise', async () => {
    expect(await outcome('viaAnd', await staff('staff', ['write_orders']))).toEqual({ value: 'and' });
    expect(await outcome('viaAnd', storefront)).toEqual(forbidden('Staff credentials are required'));
    expect(await outcome('viaAnd', await staff('staff', ['read_orders']))).toEqual(
      forbidden('Scope write_orders is required'),
    );
  });

  it('chain: stops at the first denial', async () => {
    expect(await outcome('viaChain', await staff('admin', ['read_customers']))).toEqual({ value: 'chain' });
    expect(await outcome('viaChain', await staff('staff', ['read_customers']))).toEqual(
      forbidden('Admin credentials are required'),
    );
    expect(await outcome('viaChain', await staff('admin', []))).toEqual(forbidden('Scope read_customers is required'));
  });

  it("counts a token's scope that an active plugin's manifest declares", async () => {
    expect(await outcome('viaOwnScope', await staff('admin', ['read_guarded']))).toEqual({ value: 'own' });
    expect(await outcome('viaOwnScope', await staff('admin', []))).toEqual(forbidden('Scope read_guarded is required'));
  });

  it('a rule that returns false or throws is FORBIDDEN, never an internal error', async () => {
    const admin = await staff('admin', ['read_orders', 'write_orders', 'read_customers']);
    expect(await outcome('viaFalse', admin)).toEqual(forbidden('Not allowed'));
    const thrown = await outcome('viaThrow', admin);
    expect(thrown).toEqual(forbidden('Not allowed'));
    expect(JSON.stringify(thrown)).not.toContain('internal detail');
  });

  it('guards mutations and sensitive fields below the root', async () => {
    expect(await outcome('guardedWrite', storefront, 'mutation')).toEqual(forbidden('Staff credentials are required'));
    expect(await outcome('guardedWrite', await staff('staff', ['write_orders']), 'mutation')).toEqual({ value: true });
    expect(await outcome('note { text }', storefront)).toEqual({ value: { text: 'visible' } });
    expect(await outcome('note { text secret }', storefront)).toEqual(forbidden('Admin credentials are required'));
    expect(await outcome('note { secret }', await staff('admin', []))).toEqual({ value: { secret: 'admins only' } });
  });

  it('answers PLUGIN_DISABLED for a plugin the tenant did not enable, whatever the credentials', async () => {
    const plain = { 'x-storefront-token': storefrontToken('plain-shop') };
    expect(await outcome('greeting', plain)).toEqual({ code: 'PLUGIN_DISABLED', message: expect.any(String) });
    const entry = get().gateway.registry.get('plain-shop')!;
    const admin = {
      authorization: `Bearer ${await mintAdminToken(entry, { subject: 'u', roles: ['admin'], scopes: [] })}`,
    };
    expect(await outcome('guardedWrite', admin, 'mutation')).toMatchObject({ code: 'PLUGIN_DISABLED' });
  });

  it('keeps core admin fields from storefront callers', async () => {
    expect(await outcome('gatewayStatus { ready }', storefront)).toEqual(forbidden('Admin credentials are required'));
  });
});
