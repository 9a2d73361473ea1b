import { seedPlugins } from '../../src/engine/seed';
import { createTestDatabase, type TestDatabase } from '../kit/databases';
import { startTestGateway, type TestGateway } from '../kit/gateway';

const LISTING = '{ products(first: 2) { nodes { id } } }';

/** One database, two gateways on it: as deployed (production) and as tests and development run it. */
describe('the x-sql-statements header', () => {
  let database: TestDatabase;
  let production: TestGateway;
  let test: TestGateway;
  beforeAll(async () => {
    database = await createTestDatabase('pglite');
    test = await startTestGateway({ kind: 'pglite', database });
    production = await startTestGateway({ kind: 'pglite', database, env: { NODE_ENV: 'production' } });
    await seedPlugins(test.gateway.runtime, test.gateway.composition.plugins, 'demo');
  });
  afterAll(async () => {
    await production?.close();
    await test?.close();
    await database?.close();
  });

  it('counts the statements of a request outside production', async () => {
    const res = await test.graphql(LISTING, {}, test.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(Number(res.headers.get('x-sql-statements'))).toBeGreaterThan(0);
  });

  it('is never sent in production', async () => {
    const res = await production.graphql(LISTING, {}, production.storefront('alpha'));
    expect(res.body.errors).toBeUndefined();
    expect(res.headers.get('x-sql-statements')).toBeNull();
  });
});
