import type { DatabaseKind } from '../../src/db/database';
import { describeEachKind } from './databases';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './gateway';

/**
 * Runs a suite once per database kind (see describeEachKind) against one gateway per kind, shared by the
 * suite's tests: a fresh in-memory PGlite costs seconds of CPU.
 */
export function describeEachDatabase(
  title: string,
  options: Omit<TestGatewayOptions, 'kind'>,
  suite: (get: () => TestGateway, kind: DatabaseKind) => void,
): void {
  describeEachKind(title, (kind) => {
    let current: TestGateway | undefined;
    // Starting every plugin on PGlite (migrations, contrib extensions) takes tens of seconds on a busy machine.
    beforeAll(async () => {
      current = await startTestGateway({ ...options, kind });
    }, 180_000);
    afterAll(async () => {
      await current?.close();
    });
    suite(() => {
      if (!current) throw new Error('gateway not started');
      return current;
    }, kind);
  });
}

/**
 * Statements that frame a read request: none on Postgres once the pooled connection carries the tenant's
 * session stamp (the tenant's first read on a connection sends one; warm up first); PGlite takes `begin`,
 * the settings and `commit`.
 */
export const readFraming = (kind: DatabaseKind) => (kind === 'postgres' ? 0 : 3);

/**
 * Statements that frame a mutation: on Postgres `begin`, the settings and the first savepoint go in one
 * message, then `commit`; PGlite sends `begin`, the settings, the savepoint and `commit` one by one.
 */
export const writeFraming = (kind: DatabaseKind) => (kind === 'postgres' ? 2 : 4);

/** One read of `tenant`, so that the request connection carries its session stamp (see readFraming). */
export async function stampTenant(t: TestGateway, tenant: string): Promise<void> {
  const res = await t.graphql('{ products(first: 1) { nodes { id } } }', {}, t.storefront(tenant));
  if (res.body.errors) throw new Error(`warm-up read failed: ${JSON.stringify(res.body.errors)}`);
}
