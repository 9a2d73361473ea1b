import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { fixtureTenantsFor, TEST_SECRETS } from '../kit/gateway';
import { captureLog } from '../kit/log-capture';

const FIXTURES = join(projectRoot(), 'test', 'fixtures', 'plugins');
const ALPHA = { 'x-storefront-token': TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN };
const BETA = { 'x-storefront-token': TEST_SECRETS.TEST_BETA_STOREFRONT_TOKEN };
const { lines, log } = captureLog();

interface LogLine {
  level: number;
  msg: string;
  requestId?: string;
  tenant?: string;
  path?: unknown[];
  field?: string;
  plugin?: string;
  err?: { type?: string; message?: string; stack?: string };
  code?: string;
}

/** What clients see masked is logged once, with its cause, where the request id in the answer finds it. */
describeEachDatabase(
  'the log of masked errors, in production',
  {
    plugins: ['core', join(FIXTURES, 'misbehaving', 'plugin.ts'), join(FIXTURES, 'broken-context', 'plugin.ts')],
    tenantsDir: fixtureTenantsFor(['core', 'misbehaving', 'broken-context']),
    env: { NODE_ENV: 'production' },
    guardPartialRows: false,
    log,
  },
  (get) => {
    const post = async (query: string, variables: Record<string, unknown>, auth: Record<string, string>) => {
      const res = await get().graphql(query, variables, auth);
      return { ...res, requestId: res.headers.get('x-request-id') };
    };
    /** The request's lines besides its access line. */
    const linesOf = (requestId: string | null) =>
      lines.map((l) => JSON.parse(l) as LogLine).filter((l) => l.requestId === requestId && l.msg !== 'request');

    it('logs a failing resolver once: error level, request id, path, field, plugin, stack, no secret', async () => {
      const password = 's3cret-pw';
      const bearer = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
      const text = `connect failed: postgres://app:${password}@db.internal:5432/shop (Authorization: Bearer ${bearer})`;
      const res = await post(
        'query Q($text: String!) { ...F } fragment F on Query { renamed: faultyMessage(text: $text) }',
        { text },
        ALPHA,
      );
      expect(res.body.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: res.requestId });

      const logged = linesOf(res.requestId);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({
        level: 50,
        tenant: 'alpha',
        path: ['renamed'],
        field: 'Query.faultyMessage',
        plugin: 'misbehaving',
        err: { type: 'Error', message: expect.stringContaining('postgres://app:[redacted]@db.internal:5432/shop') },
      });
      expect(logged[0].err?.message).toContain('Bearer [redacted]');
      expect(logged[0].err?.stack).toMatch(/misbehaving[/\\]plugin\.ts/);
      const all = lines.join('\n');
      expect(all).not.toContain(password);
      expect(all).not.toContain(bearer);
    });

    it('logs the cause of a masked 500 that no GraphQL step saw (its context failed to build)', async () => {
      const res = await post('{ contextOk }', {}, BETA);
      expect(res.status).toBe(500);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');

      const logged = linesOf(res.requestId);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatchObject({ level: 50, tenant: 'beta', err: { type: 'Error' } });
      expect(logged[0].err?.message).toBe('loader setup failed: redis://cache:[redacted]@cache.internal:6379');
      expect(logged[0].err?.stack).toMatch(/broken-context[/\\]plugin\.ts/);
      expect(lines.join('\n')).not.toContain('hunter2-redis');
      // Other tenants are served.
      expect((await post('{ contextOk }', {}, ALPHA)).body).toMatchObject({ data: { contextOk: 'built' } });
    });
  },
);
