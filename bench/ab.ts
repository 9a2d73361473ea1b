/**
 * `npx tsx bench/ab.ts <scenario> <other checkout>`: an engine change's measured ratio. Runs this
 * checkout's gateway and another checkout's (e.g. a `git worktree` of the previous commit) side by side
 * in interleaved slices and prints the median per-cycle ratios of throughput and CPU per request.
 */
import { join } from 'node:path';
import { benchEnv, prepareBenchDatabase } from './database';
import { closedLoop, probe, timedSlice, type Slice } from './load';
import { scenarios, type ScenarioName } from './scenarios';
import { startServer, type ServerUnderTest } from './servers';
import { median, medianRatio, shuffle } from './stats';
import { benchCredentials, benchIds, gatewayTarget } from './targets';
import { CHECKOUT_MASKED } from './checkout-steps';
import { difference } from './compare';

async function main(): Promise<void> {
  const [name = 'storefront', other] = process.argv.slice(2);
  if (!other || !process.env.DATABASE_URL)
    throw new Error('usage: DATABASE_URL=... tsx bench/ab.ts <scenario> <checkout>');
  const slice = Number(process.env.BENCH_SLICE_SECONDS ?? 4);
  const cycles = Number(process.env.BENCH_CYCLES ?? 6);
  const databaseUrl = await prepareBenchDatabase(process.env.DATABASE_URL);
  const env = benchEnv(databaseUrl);
  const after = await startServer('this', 'bench/gateway-server.ts', env);
  const before = await startServer('other', join(other, 'bench/gateway-server.ts'), env);
  try {
    const ids = await benchIds(databaseUrl);
    const scenario = scenarios(ids).find((s) => s.name === (name as ScenarioName))!;
    const credentials = await benchCredentials();
    const targetOf = (s: ServerUnderTest) => gatewayTarget(s.port, scenario, credentials, ids);
    const masked = scenario.name === 'checkout' ? CHECKOUT_MASKED : [];
    const diff = difference((await probe(targetOf(after))).body, (await probe(targetOf(before))).body, masked);
    if (diff) throw new Error(`the two checkouts answer differently: ${diff}`);
    for (const s of [after, before]) await closedLoop(targetOf(s), 2, 10);
    const slices = new Map<ServerUnderTest, Slice[]>([
      [after, []],
      [before, []],
    ]);
    for (let c = 0; c < cycles; c += 1) {
      for (const s of shuffle([after, before])) slices.get(s)!.push(await timedSlice(s, targetOf(s), slice, 10));
    }
    const rps = (s: ServerUnderTest) => slices.get(s)!.map((x) => x.rps);
    const cpu = (s: ServerUnderTest) => slices.get(s)!.map((x) => x.cpuMsPerRequest);
    console.log(
      `${scenario.label}: this ${median(rps(after)).toFixed(0)} req/s, ${median(cpu(after)).toFixed(2)} CPU ms; other ${median(rps(before)).toFixed(0)} req/s, ${median(cpu(before)).toFixed(2)} CPU ms`,
    );
    console.log(
      `throughput this/other ${medianRatio(rps(after), rps(before)).toFixed(2)}x, CPU per request this/other ${medianRatio(cpu(after), cpu(before)).toFixed(2)}x`,
    );
  } finally {
    await Promise.all([after.stop(), before.stop()]);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
