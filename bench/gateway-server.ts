/**
 * The gateway as the benchmark runs it: production mode, every plugin, jobs on, request logs written
 * (to /dev/null, so their cost counts), statement counts sent (`x-sql-statements`, which the benchmark
 * prints). BENCH_AUTHORIZATION=off prices authorization: this entry point is bench-only, builds through
 * `buildGateway` (which nothing else calls), and `gateway serve` has no such switch. Prints
 * `listening <port>` once ready.
 */
import pino from 'pino';
import { loadEnv } from '../src/config/env';
import { buildGateway } from '../src/engine/gateway';
import { createLogger } from '../src/observability/logger';

async function main(): Promise<void> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'production' });
  const log = createLogger(env.LOG_LEVEL, pino.destination({ dest: '/dev/null', sync: false }));
  const gateway = await buildGateway(
    { env, log, migrate: false, jobs: true },
    { authorization: process.env.BENCH_AUTHORIZATION !== 'off', statementCount: true },
  );
  const { port } = await gateway.listen(0, '127.0.0.1');
  console.log(`listening ${port}`);
  process.once('SIGTERM', () => void gateway.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
