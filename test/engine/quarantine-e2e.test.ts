import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { startTestGateway } from '../kit/gateway';
import { lifecycle } from '../fixtures/plugins/extra-greeting/plugin';

const fixture = (name: string) => join(projectRoot(), 'test', 'fixtures', 'plugins', name, 'plugin.ts');

describeEachDatabase(
  'a gateway with a quarantined plugin',
  { plugins: ['core', 'catalog', fixture('unguarded-root'), fixture('throws-on-import'), fixture('extra-greeting')] },
  (get) => {
    it('serves the rest of the graph, including a plugin found outside resolvers/', async () => {
      const t = get();
      const res = await t.graphql<{ greeting: string; products: { nodes: unknown[] } }>(
        '{ greeting products(first: 1) { nodes { id } } }',
        {},
        t.storefront('alpha'),
      );
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data?.greeting).toBe('hello from a discovered plugin');
    });

    it('leaves the quarantined fields out of the schema', async () => {
      const t = get();
      const res = await t.graphql('{ secrets }', {}, t.storefront('alpha'));
      expect(res.status).toBe(400);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('lists every plugin with its state and reason in /readyz and gatewayStatus', async () => {
      const t = get();
      const ready = (await (await fetch(`${t.adminUrl}/readyz`)).json()) as {
        plugins: { name: string; state: string; reason: string | null }[];
      };
      expect(ready.plugins).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ name: 'catalog', state: 'active', reason: null }),
          expect.objectContaining({
            name: 'unguarded-root',
            state: 'quarantined',
            reason: 'no authorization rule for Query.secrets',
          }),
          expect.objectContaining({ name: 'throws-on-import', state: 'quarantined' }),
        ]),
      );
      const status = await t.graphql<{
        gatewayStatus: { plugins: { name: string; state: string; reason: string | null }[] };
      }>('{ gatewayStatus { plugins { name state reason } } }', {}, await t.admin('alpha'));
      expect(status.body.data?.gatewayStatus.plugins).toContainEqual({
        name: 'unguarded-root',
        state: 'QUARANTINED',
        reason: 'no authorization rule for Query.secrets',
      });
    });

    it('ran the setup of each active plugin', () => {
      expect(lifecycle).toContain('setup');
    });

    it('keeps gatewayStatus for admins only', async () => {
      const t = get();
      const res = await t.graphql('{ gatewayStatus { ready } }', {}, t.storefront('alpha'));
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  },
);

describe('plugin teardown', () => {
  it('runs when the gateway stops', async () => {
    const t = await startTestGateway({ kind: 'pglite', plugins: ['core', fixture('extra-greeting')] });
    const before = lifecycle.filter((c) => c === 'teardown').length;
    await t.close();
    expect(lifecycle.filter((c) => c === 'teardown').length).toBe(before + 1);
  });
});
