/**
 * `npm run bench`: the gateway (production mode, every protection on) against a hand-written baseline
 * on Postgres, in interleaved slices (docs/performance.md, "Method"). Prints a table and writes bench/results/bench-*.json.
 * Settings: BENCH_SLICE_SECONDS (4), BENCH_CYCLES (5), BENCH_CONNECTIONS (10), BENCH_OPEN_SECONDS (5),
 * BENCH_PROFILE=1 (CPU profile of the full gateway, in bench/results/profiles).
 */
import { join } from 'node:path';
import { projectRoot } from '../src/sdk';
import { difference } from './compare';
import { benchEnv, prepareBenchDatabase } from './database';
import { closedLoop, openLoop, probe, timedSlice, type Slice } from './load';
import { printReport, writeResult, type Report } from './report';
import { GATEWAY_ONLY, scenarios, type Scenario } from './scenarios';
import { startBenchReviews, type BenchReviews } from './reviews';
import { startServer, type ServerUnderTest } from './servers';
import { median, medianRatio, shuffle } from './stats';
import { baselineTarget, benchCredentials, benchIds, gatewayTarget, type Credentials, type Target } from './targets';

const SLICE = Number(process.env.BENCH_SLICE_SECONDS ?? 4);
const CYCLES = Number(process.env.BENCH_CYCLES ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const OPEN_SECONDS = Number(process.env.BENCH_OPEN_SECONDS ?? 5);
const OPEN_RATES = [40, 80];
/** The search page at a fixed arrival rate (its p99 target is set at this rate). */
const SEARCH_RATE = 20;

type Variant = 'gateway' | 'baseline' | 'unauthorized' | 'cached';

async function startAll(databaseUrl: string, reviews: BenchReviews): Promise<Record<Variant, ServerUnderTest>> {
  // Every server knows the reviews subgraph: the `rated` scenario calls it (the others do not).
  const env = { ...benchEnv(databaseUrl), ...reviews.env };
  const profile = process.env.BENCH_PROFILE
    ? ['--cpu-prof', '--cpu-prof-dir', join(projectRoot(), 'bench/results/profiles')]
    : [];
  // One at a time: four start-ups at once on two cores would only slow each other.
  const gateway = await startServer('gateway', 'bench/gateway-server.ts', env, profile);
  reviews.setGateway(gateway.port);
  const unauthorized = await startServer('unauthorized', 'bench/gateway-server.ts', {
    ...env,
    BENCH_AUTHORIZATION: 'off',
  });
  // Keys of its own: the other servers run without the cache, so their writes (the adjustments) do not
  // invalidate it, and a run must not find the answers an earlier run cached in Redis.
  const cached = await startServer('cached', 'bench/gateway-server.ts', {
    ...env,
    STOREFRONT_CACHE_TTL_MS: '600000',
    REDIS_KEY_PREFIX: `rg-bench-${Date.now()}:`,
  });
  const baseline = await startServer('baseline', 'bench/baseline/server.ts', env);
  return { gateway, unauthorized, cached, baseline };
}

function targetOf(variant: Variant, server: ServerUnderTest, scenario: Scenario, credentials: Credentials): Target {
  return variant === 'baseline'
    ? baselineTarget(server.port, scenario)
    : gatewayTarget(server.port, scenario, credentials);
}

/** Which servers each scenario runs on: the cache serves storefront reads only; search has no baseline. */
const variantsFor = (scenario: Scenario): Variant[] =>
  scenario.name === 'rated'
    ? ['gateway', 'baseline']
    : scenario.name === 'storefront'
      ? ['gateway', 'baseline', 'unauthorized', 'cached']
      : GATEWAY_ONLY.includes(scenario.name)
        ? ['gateway', 'unauthorized']
        : ['gateway', 'baseline', 'unauthorized'];

/** Identical content before timing; returns the statements per request each server reports. */
async function verify(
  list: Scenario[],
  servers: Record<Variant, ServerUnderTest>,
  credentials: Credentials,
  reviews: BenchReviews,
): Promise<{
  statements: Record<string, Partial<Record<Variant, number>>>;
  subgraphCalls: Record<string, Partial<Record<Variant, number>>>;
}> {
  const statements: Record<string, Partial<Record<Variant, number>>> = {};
  /** HTTP calls to the reviews subgraph one request makes, per scenario and server. */
  const subgraphCalls: Record<string, Partial<Record<Variant, number>>> = {};
  const counted = async <T>(scenario: Scenario, variant: Variant, work: () => Promise<T>): Promise<T> => {
    const before = reviews.calls();
    const result = await work();
    const calls = reviews.calls() - before;
    (subgraphCalls[scenario.name] ??= {})[variant] = calls;
    if (scenario.name === 'rated' && calls !== 1)
      throw new Error(`${variant} made ${calls} calls to the reviews subgraph for one ${scenario.name} page, not 1`);
    return result;
  };
  for (const scenario of list) {
    if (GATEWAY_ONLY.includes(scenario.name)) {
      statements[scenario.name] = await verifyAlone(scenario, servers, credentials);
      continue;
    }
    const reference = await counted(scenario, 'baseline', () => probe(baselineTarget(servers.baseline.port, scenario)));
    statements[scenario.name] = { baseline: reference.statements };
    for (const variant of variantsFor(scenario).filter((v) => v !== 'baseline')) {
      const target = targetOf(variant, servers[variant], scenario, credentials);
      let answer = await counted(scenario, variant, () => probe(target));
      if (variant === 'cached') answer = await probe(target); // the second is served from the cache
      const diff = answer.status === 200 ? difference(answer.body, reference.body) : `HTTP ${answer.status}`;
      if (diff) throw new Error(`${variant} and baseline answer ${scenario.name} differently: ${diff}`);
      statements[scenario.name][variant] = answer.statements;
    }
  }
  return { statements, subgraphCalls };
}

/** A scenario without a baseline: both gateways answer alike, without errors. */
async function verifyAlone(
  scenario: Scenario,
  servers: Record<Variant, ServerUnderTest>,
  credentials: Credentials,
): Promise<Partial<Record<Variant, number>>> {
  const gateway = await probe(gatewayTarget(servers.gateway.port, scenario, credentials));
  const unauthorized = await probe(gatewayTarget(servers.unauthorized.port, scenario, credentials));
  const diff = gateway.status === 200 ? difference(unauthorized.body, gateway.body) : `HTTP ${gateway.status}`;
  if (diff) throw new Error(`gateway answers ${scenario.name} unlike its unauthorized build: ${diff}`);
  if (JSON.stringify(gateway.body).includes('"errors"')) throw new Error(`${scenario.name} answered with errors`);
  return { gateway: gateway.statements, unauthorized: unauthorized.statements };
}

async function main(): Promise<void> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('npm run bench needs DATABASE_URL (a Postgres it may create the rg_bench database in)');
  const databaseUrl = await prepareBenchDatabase(base);
  const reviews = await startBenchReviews(databaseUrl);
  const servers = await startAll(databaseUrl, reviews);
  try {
    const credentials = await benchCredentials();
    const list = scenarios(await benchIds(databaseUrl));
    const { statements, subgraphCalls } = await verify(list, servers, credentials, reviews);
    const pairs = list.flatMap((scenario) => variantsFor(scenario).map((variant) => ({ scenario, variant })));
    const target = (p: (typeof pairs)[number]) => targetOf(p.variant, servers[p.variant], p.scenario, credentials);
    console.log(`identical answers verified; warming up, then ${CYCLES} cycles of ${pairs.length} slices of ${SLICE}s`);
    for (const pair of pairs) await closedLoop(target(pair), 1, CONNECTIONS);

    const slices: Record<string, Partial<Record<Variant, Slice[]>>> = {};
    for (let cycle = 0; cycle < CYCLES; cycle += 1) {
      for (const pair of shuffle(pairs)) {
        const bucket = (slices[pair.scenario.name] ??= {});
        (bucket[pair.variant] ??= []).push(await timedSlice(servers[pair.variant], target(pair), SLICE, CONNECTIONS));
      }
      console.log(`cycle ${cycle + 1}/${CYCLES} done`);
    }

    const storefront = list.find((s) => s.name === 'storefront')!;
    const open: Report['openLoop'] = [];
    for (const rate of OPEN_RATES) {
      for (const variant of shuffle<Variant>(['gateway', 'baseline'])) {
        const result = await openLoop(targetOf(variant, servers[variant], storefront, credentials), rate, OPEN_SECONDS);
        open.push({ scenario: storefront.name, variant, rate, ...result });
      }
    }

    const search = list.find((s) => s.name === 'search')!;
    const result = await openLoop(targetOf('gateway', servers.gateway, search, credentials), SEARCH_RATE, OPEN_SECONDS);
    open.push({ scenario: search.name, variant: 'gateway', rate: SEARCH_RATE, ...result });

    const report: Report = {
      at: new Date().toISOString(),
      settings: { sliceSeconds: SLICE, cycles: CYCLES, connections: CONNECTIONS, openSeconds: OPEN_SECONDS },
      scenarios: list.map((scenario) => {
        const s = slices[scenario.name];
        const series = (v: Variant, f: (x: Slice) => number) => (s[v] ?? []).map(f);
        const rpsOf = (v: Variant) => series(v, (x) => x.rps);
        // NaN ratios (printed '-') where there is no baseline.
        const cpuOf = (v: Variant) => series(v, (x) => x.cpuMsPerRequest);
        const variants = Object.fromEntries(
          variantsFor(scenario).map((v) => [
            v,
            {
              rps: median(rpsOf(v)),
              p50: median(series(v, (x) => x.p50)),
              p99: median(series(v, (x) => x.p99)),
              cpuMsPerRequest: median(cpuOf(v)),
              errors: series(v, (x) => x.errors).reduce((a, b) => a + b, 0),
              sqlStatements: statements[scenario.name][v] ?? NaN,
              ...(scenario.name === 'rated' ? { subgraphCalls: subgraphCalls.rated?.[v] ?? NaN } : {}),
            },
          ]),
        );
        return {
          name: scenario.name,
          label: scenario.label,
          variants,
          ratios: {
            throughput: medianRatio(rpsOf('gateway'), rpsOf('baseline')),
            cpu: medianRatio(cpuOf('gateway'), cpuOf('baseline')),
            authorizationCpu: medianRatio(cpuOf('gateway'), cpuOf('unauthorized')),
            ...(s.cached ? { cachedThroughput: medianRatio(rpsOf('cached'), rpsOf('baseline')) } : {}),
          },
        };
      }),
      openLoop: open,
    };
    printReport(report);
    console.log(`\nwritten to ${writeResult('bench', report.at, report)}`);
  } finally {
    await Promise.all(Object.values(servers).map((s) => s.stop()));
    await reviews.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
