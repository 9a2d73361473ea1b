/**
 * The gateway as the benchmark runs it: production mode, every plugin, jobs on, request logs written
 * (to /dev/null, so their cost counts). BENCH_AUTHORIZATION=off prices authorization: this entry point
 * is bench-only, and `gateway serve` has no such switch. Prints `listening <port>` once ready.
 */
import pino from 'pino';
import { loadEnv } from '../src/config/env';
import { createGateway } from '../src/engine/gateway';
import { createLogger } from '../src/observability/logger';

async function main(): Promise<void> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'production' });
  const log = createLogger(env.LOG_LEVEL, pino.destination({ dest: '/dev/null', sync: false }));
  const gateway = await createGateway({
    env,
    log,
    migrate: false,
    jobs: true,
    benchWithoutAuthorization: process.env.BENCH_AUTHORIZATION === 'off',
  });
  const { port } = await gateway.listen(0, '127.0.0.1');
  console.log(`listening ${port}`);
  process.once('SIGTERM', () => void gateway.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
