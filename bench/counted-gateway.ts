/**
 * The gateway of the checkout at BENCH_CHECKOUT as `bench/instructions.ts` runs it under callgrind: the
 * bench gateway (`bench/gateway-server.ts`) without jobs, whose timers would add work that grows with the
 * wall time of a run (fifty times longer under Valgrind) rather than with its requests. Prints
 * `listening <port>` once ready.
 */
import { join } from 'node:path';
import pino from 'pino';

async function main(): Promise<void> {
  const checkout = process.env.BENCH_CHECKOUT ?? process.cwd();
  const { loadEnv } = (await import(join(checkout, 'src/config/env.ts'))) as typeof import('../src/config/env');
  const { buildGateway } = (await import(
    join(checkout, 'src/engine/gateway.ts')
  )) as typeof import('../src/engine/gateway');
  const { createLogger } = (await import(
    join(checkout, 'src/observability/logger.ts')
  )) as typeof import('../src/observability/logger');
  const env = loadEnv({ ...process.env, NODE_ENV: 'production' });
  const log = createLogger(env.LOG_LEVEL, pino.destination({ dest: '/dev/null', sync: false }));
  const gateway = await buildGateway(
    { env, log, migrate: false, jobs: false },
    { authorization: true, statementCount: true },
  );
  const { port } = await gateway.listen(0, '127.0.0.1');
  console.log(`listening ${port}`);
  process.once('SIGTERM', () => void gateway.stop().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
