import { Kysely, PostgresDialect } from 'kysely';
import pino, { type Logger } from 'pino';
import type { Pool } from 'pg';
import type { Authenticated } from '../../src/auth/authenticate';
import { contextFactory } from '../../src/engine/context';
import type { PluginRuntime } from '../../src/sdk';

// No statement runs here: the pool is never asked for a connection.
const db = new Kysely<unknown>({ dialect: new PostgresDialect({ pool: {} as Pool }) });
const auth = {
  entry: { tenant: { id: 'alpha', plugins: new Set<string>() } },
  principal: { kind: 'storefront' },
} as unknown as Authenticated;

const build = contextFactory({
  db,
  appRole: '',
  plugins: [],
  gateway: { status: async () => ({ ready: true }) as never },
  guardPartialRows: false,
  batchGuard: () => (batch) => batch,
  runtime: {} as PluginRuntime,
});

describe('request context', () => {
  it("survives Apollo's copy without building the request logger until something logs", () => {
    const logOf = jest.fn<Logger, []>(() => pino({ enabled: false }).child({ requestId: 'r1' }));
    const ctx = build(auth, 'r1', logOf);
    // Apollo Server copies each request's context like this before execution.
    const copy: typeof ctx = Object.assign(Object.create(Object.getPrototypeOf(ctx) as object) as object, ctx);
    expect(logOf).not.toHaveBeenCalled();
    expect(copy.requestId).toBe('r1');
    expect(copy.tenant.id).toBe('alpha');
    const log = copy.log;
    expect(log.bindings()).toMatchObject({ requestId: 'r1' });
    expect(copy.log).toBe(log);
    expect(logOf).toHaveBeenCalledTimes(1);
  });
});
