import type { DatabaseKind } from '../../connectors/postgres/database';
import { databaseKinds } from './databases';
import { startTestGateway, type TestGateway, type TestGatewayOptions } from './gateway';

/**
 * Runs a suite once per database kind (PGlite, and Postgres when DATABASE_URL is set) against one gateway
 * per kind, shared by the suite's tests: a fresh in-memory PGlite costs seconds of CPU.
 */
export function describeEachDatabase(
  title: string,
  options: Omit<TestGatewayOptions, 'kind'>,
  suite: (get: () => TestGateway, kind: DatabaseKind) => void,
): void {
  describe.each(databaseKinds())(`${title} [%s]`, (kind) => {
    let current: TestGateway | undefined;
    beforeAll(async () => {
      current = await startTestGateway({ ...options, kind });
    });
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
 * Statements that frame every request's transaction: on Postgres `begin` and the tenant settings go in one
 * message, then `commit`; PGlite takes `begin`, the settings and `commit` one at a time.
 */
export const transactionStatements = (kind: DatabaseKind) => (kind === 'postgres' ? 2 : 3);
