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
