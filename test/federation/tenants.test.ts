import { describeEachKind } from '../kit/databases';
import type { TestGateway } from '../kit/gateway';
import { startContent } from '../../examples/subgraphs/content/server';
import { startFederated } from './federation-kit';

describeEachKind('remote connectors per tenant', (kind) => {
  let t: TestGateway;
  let started: Awaited<ReturnType<typeof startFederated>>;
  let ownCms: Awaited<ReturnType<typeof startContent>>;
  beforeAll(async () => {
    let gatewayUrl = '';
    ownCms = await startContent({ jwksUrl: () => `${gatewayUrl}/.well-known/jwks.json` });
    started = await startFederated(kind, {
      tenants: {
        // Alpha runs its own CMS; beta has no reviews.
        alpha: (text) => `${text}\nsettings:\n  content:\n    url: ${ownCms.url}\n`,
        beta: (text) =>
          text.replace(/^plugins: \[(.*)\]$/m, (_, list: string) => `plugins: [${list.replace(/,?\s*reviews/, '')}]`),
      },
    });
    t = started.t;
    gatewayUrl = t.url;
  });
  afterAll(async () => {
    await started?.close();
    await ownCms?.close();
  });

  it("sends a tenant's calls to its own URL when its file overrides the connector's", async () => {
    ownCms.store.pages.set('alpha', [{ handle: 'own', title: 'Our own CMS', body: '' }]);
    started.content.store.pages.set('alpha', [{ handle: 'shared', title: 'Shared CMS', body: '' }]);
    started.content.store.pages.set('beta', [{ handle: 'shared', title: 'Shared CMS', body: '' }]);
    const alpha = await t.graphql(`{ pages { title } }`, {}, t.storefront('alpha'));
    expect(alpha.body.data).toEqual({ pages: [{ title: 'Our own CMS' }] });
    const beta = await t.graphql(`{ pages { title } }`, {}, t.storefront('beta'));
    expect(beta.body.data).toEqual({ pages: [{ title: 'Shared CMS' }] });
    expect(ownCms.received.every((c) => c.claims === null || c.claims.tenant === 'alpha')).toBe(true);
  });

  it('answers PLUGIN_DISABLED on the fields of a connector the tenant has not enabled, without calling it', async () => {
    const calls = started.reviews.received.length;
    const res = await t.graphql(`{ products(first: 2) { nodes { title rating } } }`, {}, t.storefront('beta'));
    expect(res.body.errors?.map((e) => e.extensions?.code)).toEqual(['PLUGIN_DISABLED', 'PLUGIN_DISABLED']);
    expect(res.body.data).toMatchObject({ products: { nodes: [{ rating: null }, { rating: null }] } });
    expect(started.reviews.received.length).toBe(calls);
  });

  it('counts remote fields in the cost by their manifest hints', async () => {
    const cost = async (first: number) => {
      const query = `{ products(first: 10) { nodes { reviews(first: ${first}) { nodes { body } } } } }`;
      const res = await t.graphql(query, {}, t.storefront('alpha'));
      expect(res.body.errors).toBeUndefined();
      return (res.body.extensions as { cost: { requestedQueryCost: number } }).cost.requestedQueryCost;
    };
    const [small, large] = [await cost(1), await cost(20)];
    expect(large).toBeGreaterThan(small + 10 * 19 - 1);
  });
});
