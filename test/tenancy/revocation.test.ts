import { JWKS_MAX_AGE_MS, JWKS_STALE_LIMIT_MS } from '../../src/sdk/key-sets';
import { testClock } from '../kit/clock';
import { describeEachDatabase } from '../kit/each-database';
import { keyPair, serveJwks, signToken, type KeyPair } from './keys';
import { AUDIENCE, ISSUER, secretOf, secretVariable, tenantDir, writeTenant } from './tenant-files';

const dir = tenantDir();
const [current, next] = [keyPair('ES256', 'ec-current'), keyPair('ES256', 'ec-next')];
let jwks: Awaited<ReturnType<typeof serveJwks>>;
const clock = testClock();

beforeAll(async () => {
  jwks = await serveJwks([current, next]);
  writeTenant(dir, 'hs-shop');
  writeTenant(dir, 'es-shop', {
    admin: { issuer: ISSUER, audience: AUDIENCE, algorithms: ['ES256'], jwksUrl: jwks.url },
  });
});
afterAll(() => jwks?.close());

const STATUS = '{ gatewayStatus { ready } }';
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const hsToken = (secret: string) =>
  signToken({
    alg: 'HS256',
    key: new TextEncoder().encode(secret),
    issuer: ISSUER,
    audience: AUDIENCE,
    claims: { tenant: 'hs-shop' },
  });
const esToken = (key: KeyPair) =>
  signToken({
    alg: 'ES256',
    key: key.privateKey,
    kid: key.kid,
    issuer: ISSUER,
    audience: AUDIENCE,
    claims: { tenant: 'es-shop' },
  });

describeEachDatabase('revoking admin tokens', { plugins: ['core'], tenantsDir: dir, clock: clock.now }, (get) => {
  const answer = async (token: string) => {
    const res = await get().graphql(STATUS, {}, bearer(token));
    return { status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message };
  };
  const ACCEPTED = { status: 200, code: undefined, message: undefined };
  /** Accepted twice: verified once, then answered from the remembered verifications. */
  const remembered = async (token: string) => {
    expect(await answer(token)).toEqual(ACCEPTED);
    expect(await answer(token)).toEqual(ACCEPTED);
  };

  afterEach(() => clock.thaw());
  beforeEach(() => {
    jwks.setDown(false);
    process.env[secretVariable('hs-shop')] = secretOf('hs-shop');
    jwks.publish([current, next]);
    get().gateway.reloadTenants();
  });

  it('refuses a remembered HS256 token on the next request once the secret is rotated and tenants reloaded', async () => {
    const old = await hsToken(secretOf('hs-shop'));
    await remembered(old);
    const rotated = `rotated-${secretOf('hs-shop')}`;
    process.env[secretVariable('hs-shop')] = rotated;
    expect(get().gateway.reloadTenants()).toEqual([]);
    expect(await answer(old)).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'Invalid bearer token: bad signature',
    });
    expect(await answer(await hsToken(rotated))).toEqual(ACCEPTED);
  });

  it('refuses a remembered token on the next request once its key leaves the JWKS and tenants are reloaded', async () => {
    const revoked = await esToken(current);
    await remembered(revoked);
    jwks.publish([next]);
    get().gateway.reloadTenants();
    const fetches = jwks.fetches();
    expect(await answer(revoked)).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'Invalid bearer token: no signing key matches',
    });
    // The reload fetched the keys again.
    expect(jwks.fetches()).toBe(fetches + 1);
    expect(await answer(await esToken(next))).toEqual(ACCEPTED);
  });

  it('refuses a remembered token once the JWKS is fetched again without its key, a minute after the last fetch', async () => {
    const revoked = await esToken(current);
    clock.freeze();
    await remembered(revoked); // fetches the keys (the reload before each test dropped them)
    jwks.publish([next]);
    // Until the next fetch the gateway knows nothing of the removal: the documented window.
    clock.advance(JWKS_MAX_AGE_MS - 1);
    expect(await answer(revoked)).toEqual(ACCEPTED);
    clock.advance(1);
    expect(await answer(revoked)).toEqual({
      status: 401,
      code: 'UNAUTHENTICATED',
      message: 'Invalid bearer token: no signing key matches',
    });
    expect(await answer(await esToken(next))).toEqual(ACCEPTED);
  });

  it('keeps the last key set through a JWKS outage up to the stale limit, then refuses with 503', async () => {
    const token = await esToken(current);
    clock.freeze();
    await remembered(token);
    jwks.setDown(true);
    clock.advance(JWKS_MAX_AGE_MS);
    const fetches = jwks.fetches();
    expect(await answer(token)).toEqual(ACCEPTED);
    expect(jwks.fetches()).toBe(fetches + 1); // it did try
    clock.advance(JWKS_STALE_LIMIT_MS - JWKS_MAX_AGE_MS - 1);
    expect(await answer(token)).toEqual(ACCEPTED);
    clock.advance(1);
    expect(await answer(token)).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    jwks.setDown(false);
    expect(await answer(token)).toEqual(ACCEPTED);
  });
});
