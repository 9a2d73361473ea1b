import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { OPERATOR_AUDIENCE, OPERATOR_ISSUER } from '../../src/auth/operator';
import { projectRoot } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { fixtureTenantsFor, TEST_SECRETS } from '../kit/gateway';

const QUARANTINED = join(projectRoot(), 'test', 'fixtures', 'plugins', 'throws-on-import', 'plugin.ts');
const UNSET_VARIABLE = 'OPERATOR_SURFACE_UNSET_TOKEN';

/** The fixture tenants, plus one disabled by a variable that is not set: its id, file and variable must stay private. */
function tenantsWithABrokenOne(): string {
  const dir = fixtureTenantsFor(['core', 'catalog']);
  writeFileSync(
    join(dir, 'broken-shop.yaml'),
    `id: broken-shop\nname: Broken\ncurrency: USD\nplugins: []\nstorefront:\n  tokenEnv: ${UNSET_VARIABLE}\n`,
  );
  return dir;
}

const STATUS = '{ gatewayStatus { ready tenants { id file state problems } } }';
type Status = { gatewayStatus: { ready: boolean; tenants: { id: string; file: string; state: string }[] } };

const sign = (claims: Record<string, unknown>, secret: string, audience: string) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('someone')
    .setIssuer(OPERATOR_ISSUER)
    .setAudience(audience)
    .setExpirationTime('10m')
    .sign(new TextEncoder().encode(secret));
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describeEachDatabase(
  "what strangers, tenants' admins and platform operators see of the gateway",
  { plugins: ['core', 'catalog', QUARANTINED], tenantsDir: tenantsWithABrokenOne() },
  (get) => {
    it('tells a stranger on the public port ready or not and each dependency, nothing else', async () => {
      const res = await fetch(`${get().url}/readyz`);
      expect(res.status).toBe(200);
      const text = await res.text();
      const body = JSON.parse(text) as { ready: boolean; checks: Record<string, string> };
      expect(Object.keys(body).sort()).toEqual(['checks', 'ready']);
      expect(body.ready).toBe(true);
      expect(body.checks.database).toBe('ok');
      for (const [name, state] of Object.entries(body.checks)) {
        expect([name, state]).toEqual([expect.stringMatching(/^(database|redis|migrations)$/), 'ok']);
      }
      for (const secret of [
        'alpha',
        'beta',
        'broken-shop',
        '.yaml',
        UNSET_VARIABLE,
        'throws-on-import',
        '/',
        'pglite',
      ]) {
        expect({ secret, leaked: text.includes(secret) }).toEqual({ secret, leaked: false });
      }
    });

    it('gives operators the details on their own listener (what the public /readyz leaves out)', async () => {
      const text = await (await fetch(`${get().adminUrl}/readyz`)).text();
      for (const detail of [
        'alpha',
        'broken-shop',
        'broken-shop.yaml',
        UNSET_VARIABLE,
        'fixtures/plugins/throws-on-import',
      ]) {
        expect({ detail, shown: text.includes(detail) }).toEqual({ detail, shown: true });
      }
    });

    it('serves /metrics on the operators’ listener only: 404 on the public port', async () => {
      const open = await fetch(`${get().url}/metrics`);
      expect(open.status).toBe(404);
      expect(await open.text()).not.toMatch(/gateway_/);
      const admin = await fetch(`${get().adminUrl}/metrics`);
      expect(admin.status).toBe(200);
      expect(await admin.text()).toMatch(/^gateway_plugin_state/m);
    });

    it("shows a tenant's admin only its own tenant in gatewayStatus", async () => {
      const t = get();
      for (const tenant of ['alpha', 'beta']) {
        const res = await t.graphql<Status>(STATUS, {}, await t.admin(tenant));
        expect(res.body.errors).toBeUndefined();
        expect(res.body.data?.gatewayStatus.tenants.map((row) => [row.id, row.state])).toEqual([[tenant, 'ACTIVE']]);
      }
    });

    it('shows a platform operator every tenant, the disabled one with its problem', async () => {
      const t = get();
      const res = await t.graphql<Status>(STATUS, {}, await t.operator());
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.gatewayStatus.tenants.map((row) => [row.id, row.state])).toEqual([
        ['alpha', 'ACTIVE'],
        ['beta', 'ACTIVE'],
        ['broken-shop', 'DISABLED'],
      ]);
    });

    it("never gives an operator credential a tenant's data", async () => {
      const t = get();
      const admin = await t.admin('alpha');
      const created = await t.graphql<{ productCreate: { product: { id: string } } }>(
        'mutation($input: ProductCreateInput!) { productCreate(input: $input) { product { id } } }',
        { input: { title: 'Operator-proof mug', status: 'ACTIVE' } },
        admin,
      );
      const id = created.body.data!.productCreate.product.id;
      const node = 'query($id: ID!) { node(id: $id) { id } }';
      expect((await t.graphql(node, { id }, admin)).body.data).toEqual({ node: { id } });

      const operator = await t.operator();
      expect((await t.graphql(node, { id }, operator)).body).toEqual({
        data: { node: null },
        extensions: expect.anything(),
      });
      const list = await t.graphql('{ products(first: 5) { nodes { id } } }', {}, operator);
      expect([list.body.data, list.body.errors?.map((e) => e.extensions?.code)]).toEqual([null, ['PLUGIN_DISABLED']]);
    });

    it('refuses an operator token that names a tenant, a tenant token claiming the operator role, and a wrong key', async () => {
      const t = get();
      const secret = TEST_SECRETS.OPERATOR_JWT_SECRET;
      const naming = await sign({ tenant: 'alpha', roles: ['operator', 'admin'] }, secret, 'retail-gateway-admin');
      const claiming = await sign(
        { tenant: 'alpha', roles: ['operator'] },
        TEST_SECRETS.TEST_ALPHA_JWT_SECRET,
        'retail-gateway-admin',
      );
      const forged = await sign(
        { roles: ['operator'] },
        'not-the-operator-secret-0f9e8d7c6b5a49382716',
        OPERATOR_AUDIENCE,
      );
      const roleless = await sign({ roles: ['admin'] }, secret, OPERATOR_AUDIENCE);
      for (const token of [naming, claiming, forged, roleless]) {
        const res = await t.graphql(STATUS, {}, bearer(token));
        expect([res.status, res.body.errors?.[0]?.extensions?.code]).toEqual([401, 'UNAUTHENTICATED']);
      }
    });
  },
);
