/**
 * The gateway under soak, started by bench/soak.ts as a child process: production mode, jobs on, the demo
 * shop seeded (catalog, stock, customers, orders, delivery, taxes and discount codes), request logs at
 * info to a sink (their cost counts). Postgres when DATABASE_URL is set, else in-memory PGlite. Says `listening` over IPC once ready, answers `sample` with its heap after a
 * forced GC and its RSS a second later, and exits when the soak goes away.
 */
import { join } from 'node:path';
import { sql } from 'kysely';
import pino from 'pino';
import { createDatabase } from '../src/db/database';
import { loadEnv } from '../src/config/env';
import { createGateway } from '../src/engine/gateway';
import { seedPlugins } from '../src/engine/seed';
import { createLogger } from '../src/observability/logger';
import { projectRoot } from '../src/sdk';
import type { SampleRequest, ServerMessage } from './soak-messages';

/** Wait between the forced collection and the RSS reading. */
const RSS_SETTLE_MS = 3000;

const gc = (globalThis as { gc?: () => void }).gc;

function tell(message: ServerMessage): void {
  process.send!(message);
}

async function main(): Promise<void> {
  if (!process.send || !gc) throw new Error('bench/soak-server.ts runs under bench/soak.ts (IPC, --expose-gc)');
  const env = loadEnv({ ...process.env, NODE_ENV: 'production' });
  const log = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
  // Postgres is opened from env as in production; PGlite in memory, so the soak leaves nothing on disk.
  const database = env.DATABASE_URL ? undefined : await createDatabase({ log });
  const plugin = (name: string) => join(projectRoot(), 'resolvers', name, 'plugin.ts');
  const gateway = await createGateway({
    env,
    log,
    plugins: ['core', 'catalog', 'inventory', 'customers', 'carts', 'orders'].map(plugin),
    database,
    migrate: true,
    jobs: true,
  });
  await seedPlugins(gateway.runtime, gateway.composition.plugins, 'demo');
  // Stock enough that the mix's checkouts never sell out (demo levels are 0 to 24).
  for (const tenant of gateway.runtime.tenants()) {
    await gateway.runtime.withTenant(tenant.id, (db) =>
      sql`update inventory_levels set available = 100000000`.execute(db),
    );
  }
  const { port } = await gateway.listen(0, '127.0.0.1');

  process.on('message', (message: SampleRequest) => {
    if (message.type !== 'sample') return;
    // Twice: the first collection can leave garbage that only becomes unreachable after it.
    gc();
    gc();
    const { heapUsed } = process.memoryUsage();
    // V8 hands the pages a collection freed back to the system from a background thread, a moment later:
    // read at once, RSS still counts them (some 100 MB once the heap has grown).
    setTimeout(() => tell({ type: 'memory', id: message.id, heapUsed, rss: process.memoryUsage().rss }), RSS_SETTLE_MS);
  });
  // A soak that died must not leave a gateway behind.
  process.once('disconnect', () => process.exit(0));
  process.once(
    'SIGTERM',
    () =>
      void gateway
        .stop()
        .then(() => database?.close())
        .finally(() => process.exit(0)),
  );
  tell({ type: 'listening', port });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
