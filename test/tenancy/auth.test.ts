import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { testClock } from '../kit/clock';
import { describeEachDatabase } from '../kit/each-database';
import { keyPair, serveJwks, signToken, unsignedToken, type TokenOptions } from './keys';
import { AUDIENCE, GUARDED_PLUGIN, ISSUER, secretOf, storefrontToken, tenantDir, writeTenant } from './tenant-files';

const dir = tenantDir();
const rsa = keyPair('RS256', 'rsa-1');
const ec = keyPair('ES256', 'ec-1');
let jwks: Awaited<ReturnType<typeof serveJwks>>;
const clock = testClock();

beforeAll(async () => {
  jwks = await serveJwks([ec]);
  writeFileSync(join(dir, 'rs-keys.json'), JSON.stringify({ keys: [rsa.jwk] }));
  const asymmetric = (algorithm: string, source: Record<string, string>) => ({
    admin: { issuer: ISSUER, audience: AUDIENCE, algorithms: [algorithm], ...source },
  });
  writeTenant(dir, 'hs-shop', { plugins: ['guarded'], settings: { guarded: { greeting: 'hello from hs' } } });
  writeTenant(dir, 'rs-shop', asymmetric('RS256', { jwksFile: 'rs-keys.json' }));
  writeTenant(dir, 'es-shop', asymmetric('ES256', { jwksUrl: jwks.url }));
  // Disabled: its secret variable is not set.
  writeTenant(dir, 'gone-shop', {
    admin: { issuer: ISSUER, audience: AUDIENCE, hs256SecretEnv: 'TENANCY_UNSET_VARIABLE' },
  });
});
afterAll(() => jwks?.close());

const hsKey = new TextEncoder().encode(secretOf('hs-shop'));
const token = (tenant: string, o: Partial<TokenOptions> = {}) =>
  signToken({ alg: 'HS256', key: hsKey, issuer: ISSUER, audience: AUDIENCE, ...o, claims: { tenant, ...o.claims } });
const bearer = (value: string) => ({ authorization: `Bearer ${value}` });
const STATUS = '{ gatewayStatus { ready } }';

const gateway = { plugins: ['core', GUARDED_PLUGIN], tenantsDir: dir, clock: clock.now };

describeEachDatabase('authentication', gateway, (get) => {
  afterEach(() => clock.thaw());

  async function expectUnauthenticated(headers: Record<string, string>, reason?: RegExp) {
    const res = await get().graphql(STATUS, {}, headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    if (reason) expect(res.body.errors?.[0]?.message).toMatch(reason);
    // The message never echoes a credential.
    const text = JSON.stringify(res.body);
    for (const value of Object.values(headers)) {
      for (const part of value.replace(/^Bearer /, '').split('.'))
        if (part.length > 8) expect(text).not.toContain(part);
    }
    return res;
  }

  it('accepts a valid HS256 admin token and takes the tenant from it', async () => {
    const res = await get().graphql<{ greeting: string; gatewayStatus: { ready: boolean } }>(
      '{ greeting gatewayStatus { ready } }',
      {},
      { ...bearer(await token('hs-shop')), 'x-tenant-id': 'rs-shop' },
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ greeting: 'hello from hs', gatewayStatus: { ready: true } });
  });

  it('accepts a storefront token and resolves its tenant', async () => {
    const res = await get().graphql('{ greeting }', {}, { 'x-storefront-token': storefrontToken('hs-shop') });
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data).toEqual({ greeting: 'hello from hs' });
  });

  it('refuses missing and malformed credentials', async () => {
    await expectUnauthenticated({}, /Credentials required/);
    await expectUnauthenticated({ authorization: 'Basic dXNlcjpwYXNz' }, /Malformed Authorization/);
    await expectUnauthenticated(bearer('not-a-jwt-at-all'), /Malformed bearer token/);
    await expectUnauthenticated({ 'x-storefront-token': 'storefront-token-nobody-has-0123' }, /storefront token/);
  });

  it('refuses a forged signature', async () => {
    const forged = await token('hs-shop', {
      key: new TextEncoder().encode('another-secret-0123456789abcdef-012345'),
    });
    await expectUnauthenticated(bearer(forged), /bad signature/);
  });

  it('refuses alg none', async () => {
    const now = Math.floor(Date.now() / 1000);
    const none = unsignedToken({
      tenant: 'hs-shop',
      sub: 'x',
      roles: ['admin'],
      iss: ISSUER,
      aud: AUDIENCE,
      exp: now + 600,
    });
    await expectUnauthenticated(bearer(none), /algorithm not allowed/);
  });

  it('refuses an HS256 token signed with an RS256 tenant public key (no algorithm confusion)', async () => {
    const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string;
    const confused = await token('rs-shop', { key: new TextEncoder().encode(publicPem) });
    await expectUnauthenticated(bearer(confused), /algorithm not allowed/);
  });

  it('refuses an RS256 token for an HS256 tenant', async () => {
    const rs = await token('hs-shop', { alg: 'RS256', key: rsa.privateKey, kid: rsa.kid });
    await expectUnauthenticated(bearer(rs), /algorithm not allowed/);
  });

  it('refuses a token that verified before once it has expired', async () => {
    // Expired 28 s ago: accepted within the 30 s clock tolerance, until the last millisecond of it.
    const signed = await token('hs-shop', { expiresIn: -28 });
    const lastAcceptedMs = (decodeJwt(signed).exp! + 30) * 1000 - 1;
    const first = await get().graphql(STATUS, {}, bearer(signed));
    expect(first.body.errors).toBeUndefined();
    clock.freeze(lastAcceptedMs);
    expect((await get().graphql(STATUS, {}, bearer(signed))).body.errors).toBeUndefined();
    clock.advance(1);
    await expectUnauthenticated(bearer(signed), /expired/);
  });

  it('refuses expired and not-yet-valid tokens beyond a small clock tolerance', async () => {
    await expectUnauthenticated(bearer(await token('hs-shop', { expiresIn: -120 })), /expired/);
    await expectUnauthenticated(bearer(await token('hs-shop', { notBefore: 120 })), /not valid yet/);
    const skewed = [await token('hs-shop', { expiresIn: -5 }), await token('hs-shop', { notBefore: 5 })];
    for (const t of skewed) expect((await get().graphql(STATUS, {}, bearer(t))).status).toBe(200);
  });

  it('refuses a wrong issuer or audience', async () => {
    await expectUnauthenticated(bearer(await token('hs-shop', { issuer: 'https://evil.example' })), /wrong issuer/);
    await expectUnauthenticated(bearer(await token('hs-shop', { audience: 'someone-else' })), /wrong audience/);
  });

  it('refuses a token naming another tenant than the key that signed it, or no role', async () => {
    await expectUnauthenticated(bearer(await token('es-shop')), /algorithm not allowed/);
    await expectUnauthenticated(bearer(await token('no-such-shop')), /Invalid bearer token/);
    await expectUnauthenticated(bearer(await token('hs-shop', { claims: { roles: ['owner'] } })), /no role/);
  });

  it('verifies RS256 tokens with the keys of a JWKS file', async () => {
    const rs = await signToken({
      alg: 'RS256',
      key: rsa.privateKey,
      kid: rsa.kid,
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: { tenant: 'rs-shop' },
    });
    const res = await get().graphql(STATUS, {}, bearer(rs));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    const wrongKey = keyPair('RS256', 'rsa-1');
    const forged = await signToken({
      alg: 'RS256',
      key: wrongKey.privateKey,
      kid: 'rsa-1',
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: { tenant: 'rs-shop' },
    });
    await expectUnauthenticated(bearer(forged), /bad signature/);
  });

  it('verifies ES256 tokens with the keys of a JWKS URL', async () => {
    const es = await signToken({
      alg: 'ES256',
      key: ec.privateKey,
      kid: ec.kid,
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: { tenant: 'es-shop' },
    });
    const res = await get().graphql(STATUS, {}, bearer(es));
    expect(res.status).toBe(200);
    expect(res.body.errors).toBeUndefined();
    expect(jwks.fetches()).toBeGreaterThan(0);
    const unknownKid = await signToken({
      alg: 'ES256',
      key: ec.privateKey,
      kid: 'ec-9',
      issuer: ISSUER,
      audience: AUDIENCE,
      claims: { tenant: 'es-shop' },
    });
    await expectUnauthenticated(bearer(unknownKid), /no signing key/);
  });

  it('answers 503 TENANT_UNAVAILABLE to the credentials of a disabled tenant', async () => {
    const t = get();
    for (const headers of [bearer(await token('gone-shop')), { 'x-storefront-token': storefrontToken('gone-shop') }]) {
      const res = await t.graphql(STATUS, {}, headers);
      expect(res.status).toBe(503);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('TENANT_UNAVAILABLE');
    }
  });
});
