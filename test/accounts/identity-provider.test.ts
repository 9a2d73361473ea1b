import { appendFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { sql } from 'kysely';
import { exportJWK, exportSPKI, generateKeyPair, SignJWT, type JWK, type KeyLike } from 'jose';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import {
  CART_FIELDS,
  CHECKOUT,
  createVariant,
  retailTenants,
  PLUGINS,
  type CartPayload,
} from '../domain/orders-fixtures';
import { freshEmail, me } from './account-fixtures';

jest.setTimeout(90_000);

const ISSUER = 'https://id.alpha.test/';
const AUDIENCE = 'alpha-storefront';
const BETA_ISSUER = 'https://id.beta.test/';

interface Key {
  kid: string;
  alg: 'RS256' | 'ES256';
  privateKey: KeyLike;
  publicKey: KeyLike;
  jwk: JWK;
}

async function newKey(kid: string, alg: Key['alg'] = 'RS256'): Promise<Key> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  return { kid, alg, privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } };
}

/** The identity provider's JWKS endpoint: publishes `published`, counts fetches. */
let jwksServer: Server;
let published: JWK[] = [];
let fetches = 0;
let keyA: Key;
let keyB: Key;
let keyEc: Key;
let betaKey: Key;
const tenantsDir = retailTenants();

beforeAll(async () => {
  [keyA, keyB, keyEc, betaKey] = await Promise.all([newKey('a'), newKey('b'), newKey('ec', 'ES256'), newKey('beta')]);
  published = [keyA.jwk];
  jwksServer = createServer((_, res) => {
    fetches += 1;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ keys: published }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const { port } = jwksServer.address() as AddressInfo;
  // alpha: a JWKS URL, RS256 only; beta: its own provider with one PEM key in the environment.
  appendFileSync(
    join(tenantsDir, 'alpha.yaml'),
    `settings:\n  customers:\n    identityProvider:\n      issuer: "${ISSUER}"\n      audience: ${AUDIENCE}\n` +
      `      jwksUrl: http://127.0.0.1:${port}/.well-known/jwks.json\n      algorithms: [RS256]\n` +
      `      clockToleranceSeconds: 5\n`,
  );
  process.env.TEST_BETA_IDP_PUBLIC_KEY = await exportSPKI(betaKey.publicKey);
  appendFileSync(
    join(tenantsDir, 'beta.yaml'),
    `settings:\n  customers:\n    identityProvider:\n      issuer: "${BETA_ISSUER}"\n      audience: beta-storefront\n` +
      `      publicKeyEnv: TEST_BETA_IDP_PUBLIC_KEY\n`,
  );
});
afterAll(async () => {
  delete process.env.TEST_BETA_IDP_PUBLIC_KEY;
  jwksServer.closeAllConnections();
  await new Promise<void>((resolve) => jwksServer.close(() => resolve()));
});
// Each test starts from the provider's first key set (the rotation test changes it).
beforeEach(() => void (published = [keyA.jwk]));
afterEach(() => jest.restoreAllMocks());

interface Claims {
  sub?: string;
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  iss?: string;
  aud?: string;
  exp?: number;
  nbf?: number;
}

let subjects = 0;
const freshSubject = () => `user-${process.pid}-${++subjects}`;
const nowSeconds = () => Math.floor(Date.now() / 1000);

async function idToken(key: Key, claims: Claims, alg: string = key.alg): Promise<string> {
  const { iss = ISSUER, aud = AUDIENCE, exp = nowSeconds() + 300, nbf, ...rest } = claims;
  const jwt = new SignJWT({ ...rest }).setProtectedHeader({ alg, kid: key.kid }).setIssuer(iss).setAudience(aud);
  jwt.setIssuedAt().setExpirationTime(exp);
  if (nbf !== undefined) jwt.setNotBefore(nbf);
  return jwt.sign(key.privateKey);
}

const asIdentity = (t: TestGateway, tenant: string, token: string): Auth => ({
  ...t.storefront(tenant),
  'X-Customer-Access-Token': token,
});

const ADD_ADDRESS = `mutation($a: MailingAddressInput!) {
  customerAddressCreate(address: $a) { customerAddress { id } customerUserErrors { code } }
}`;

/** Moves the process's wall clock (Date.now) by `ms` from here on, as a later request would see it. */
function advanceClock(ms: number) {
  const real = Date.now.bind(Date);
  jest.spyOn(Date, 'now').mockImplementation(() => real() + ms);
}

describeEachDatabase('sign-in with the tenant identity provider', { plugins: PLUGINS, tenantsDir }, (get, kind) => {
  it('signs a shopper in with a valid token, creating the customer once, and gives them their carts', async () => {
    const t = get();
    const email = freshEmail('idp');
    const sub = freshSubject();
    const token = await idToken(keyA, { sub, email, email_verified: true, given_name: 'Grace' });
    const first = await me(t, asIdentity(t, 'alpha', token));
    expect(first).toMatchObject({ email, firstName: 'Grace', addresses: { nodes: [] } });
    expect(first!.orders).toEqual({ nodes: [] });
    // A later token of the same subject, with another email claim, is the same customer.
    const again = await idToken(keyA, { sub, email: freshEmail('renamed'), email_verified: true });
    expect((await me(t, asIdentity(t, 'alpha', again)))!.id).toBe(first!.id);
    const linked = await sql<{ n: string }>`select count(*) as n from customer_identities
        where tenant_id = 'alpha' and issuer = ${ISSUER} and subject = ${sub}`.execute(t.gateway.runtime.db);
    expect(Number(linked.rows[0].n)).toBe(1);

    // The address book and carts belong to the signed-in identity.
    const added = await t.graphql<{ customerAddressCreate: { customerUserErrors: unknown[] } }>(
      ADD_ADDRESS,
      { a: { city: 'Arlington', country: 'US' } },
      asIdentity(t, 'alpha', token),
    );
    expect(added.body.data!.customerAddressCreate.customerUserErrors).toEqual([]);
    const variant = await createVariant(t, 'alpha', { price: '3.00', stock: [5] });
    const created = await t.graphql<{ cartCreate: CartPayload }>(
      `mutation($input: CartInput) { cartCreate(input: $input) { cart { ${CART_FIELDS} } userErrors { code } } }`,
      { input: { lines: [{ merchandiseId: variant.variantGid, quantity: 1 }] } },
      asIdentity(t, 'alpha', token),
    );
    const cart = created.body.data!.cartCreate.cart!;
    expect(cart.buyerIdentity.email).toBe(email);
    const GET = `query($id: ID!) { cart(id: $id) { id } }`;
    expect(
      (await t.graphql<{ cart: unknown }>(GET, { id: cart.id }, t.storefront('alpha'))).body.data!.cart,
    ).toBeNull();
    const otherToken = await idToken(keyA, { sub: freshSubject(), email: freshEmail('other'), email_verified: true });
    const other = asIdentity(t, 'alpha', otherToken);
    expect((await t.graphql<{ cart: unknown }>(GET, { id: cart.id }, other)).body.data!.cart).toBeNull();
    const mine = await t.graphql<{ cart: { id: string } }>(GET, { id: cart.id }, asIdentity(t, 'alpha', again));
    expect(mine.body.data!.cart.id).toBe(cart.id);
    // Ordered as the signed-in identity: the order is in their history.
    const placed = await t.graphql<{ checkoutComplete: { order: { name: string } | null } }>(
      CHECKOUT,
      { cartId: cart.id, key: `idp-${sub}` },
      asIdentity(t, 'alpha', token),
    );
    const name = placed.body.data!.checkoutComplete.order!.name;
    expect((await me(t, asIdentity(t, 'alpha', again)))!.orders!.nodes.map((o) => o.name)).toEqual([name]);
  });

  it('refuses a wrong issuer, audience or algorithm, an expired, early, forged or unverified token alike', async () => {
    const t = get();
    const sub = freshSubject();
    const email = freshEmail('idp');
    const good = { sub, email, email_verified: true };
    const [header, payload] = (await idToken(keyA, good)).split('.');
    const forgedSignature = (await idToken(keyB, good)).split('.')[2];
    const refused = {
      'wrong issuer': await idToken(keyA, { ...good, iss: 'https://evil.test/' }),
      'wrong audience': await idToken(keyA, { ...good, aud: 'another-app' }),
      'algorithm not allowed': await idToken({ ...keyEc, kid: 'a' }, good),
      expired: await idToken(keyA, { ...good, exp: nowSeconds() - 60 }),
      'not yet valid': await idToken(keyA, { ...good, nbf: nowSeconds() + 60 }),
      'forged signature': `${header}.${payload}.${forgedSignature}`,
      'unsigned (alg none)': `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.x`,
      'unknown key': await idToken({ ...keyB, kid: 'nobody' }, good),
      'email not verified': await idToken(keyA, { sub: freshSubject(), email: freshEmail(), email_verified: false }),
    };
    for (const [reason, token] of Object.entries(refused)) {
      expect([reason, await me(t, asIdentity(t, 'alpha', token))]).toEqual([reason, null]);
      const res = await t.graphql<{ customerAddressCreate: { customerAddress: unknown; customerUserErrors: unknown } }>(
        ADD_ADDRESS,
        { a: { city: 'Nowhere' } },
        asIdentity(t, 'alpha', token),
      );
      expect([reason, res.body.errors, res.body.data!.customerAddressCreate]).toEqual([
        reason,
        undefined,
        { customerAddress: null, customerUserErrors: [{ code: 'TOKEN_INVALID' }] },
      ]);
    }
    // None of them created a customer.
    const created = await sql<{ n: string }>`select count(*) as n from customers
        where tenant_id = 'alpha' and email = ${email}`.execute(t.gateway.runtime.db);
    expect(Number(created.rows[0].n)).toBe(0);
  });

  it('follows the provider rotating its keys: a new kid is fetched, a removed key stops working', async () => {
    const t = get();
    const before = fetches;
    const oldToken = await idToken(keyA, { sub: freshSubject(), email: freshEmail(), email_verified: true });
    expect(await me(t, asIdentity(t, 'alpha', oldToken))).not.toBeNull();
    // The provider publishes key b and signs with it: an unknown kid fetches the set again (after a cooldown).
    published = [keyA.jwk, keyB.jwk];
    advanceClock(31_000);
    const newToken = await idToken(keyB, { sub: freshSubject(), email: freshEmail(), email_verified: true });
    expect(await me(t, asIdentity(t, 'alpha', newToken))).not.toBeNull();
    expect(fetches).toBeGreaterThan(before);
    // Key a is withdrawn: once the cached set is a minute old, its tokens are refused.
    published = [keyB.jwk];
    jest.restoreAllMocks();
    advanceClock(31_000 + 61_000);
    expect(await me(t, asIdentity(t, 'alpha', oldToken))).toBeNull();
    expect(await me(t, asIdentity(t, 'alpha', newToken))).not.toBeNull();
    jest.restoreAllMocks();
    published = [keyA.jwk, keyB.jwk];
    advanceClock(31_000 + 61_000 + 61_000);
    expect(await me(t, asIdentity(t, 'alpha', oldToken))).not.toBeNull();
  });

  it("refuses one tenant's provider tokens on another tenant, and reads a PEM key from the environment", async () => {
    const t = get();
    const email = freshEmail('idp');
    const alphaToken = await idToken(keyA, { sub: freshSubject(), email, email_verified: true });
    expect(await me(t, asIdentity(t, 'beta', alphaToken))).toBeNull();
    const betaToken = await idToken(betaKey, {
      sub: freshSubject(),
      email,
      email_verified: true,
      iss: BETA_ISSUER,
      aud: 'beta-storefront',
    });
    expect(await me(t, asIdentity(t, 'alpha', betaToken))).toBeNull();
    const beta = await me(t, asIdentity(t, 'beta', betaToken));
    expect(beta).toMatchObject({ email });
    // Only beta got a customer of that email.
    const tenants = await sql<{ tenant_id: string }>`select tenant_id from customers where email = ${email}`.execute(
      t.gateway.runtime.db,
    );
    expect(tenants.rows.map((r) => r.tenant_id)).toEqual(['beta']);
  });

  if (kind === 'postgres') {
    it('creates the customer once when a new subject signs in many times at once', async () => {
      const t = get();
      const sub = freshSubject();
      const email = freshEmail('racer');
      const token = await idToken(keyA, { sub, email, email_verified: true });
      const answers = await Promise.all(Array.from({ length: 8 }, () => me(t, asIdentity(t, 'alpha', token))));
      const ids = new Set(answers.map((a) => a?.id));
      expect(ids.size).toBe(1);
      expect([...ids][0]).toEqual(expect.any(String));
      const counts = await sql<{ customers: string; identities: string }>`select
          (select count(*) from customers where tenant_id = 'alpha' and email = ${email}) as customers,
          (select count(*) from customer_identities where tenant_id = 'alpha' and subject = ${sub}) as identities`.execute(
        t.gateway.runtime.db,
      );
      expect(counts.rows[0]).toEqual({ customers: '1', identities: '1' });
    });
  }
});
