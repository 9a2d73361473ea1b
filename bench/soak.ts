/**
 * Soak: 100,000 mixed requests (SOAK_REQUESTS to change) against an in-process gateway on PGlite (or a
 * fresh database beside DATABASE_URL), with bounded concurrency on 127.0.0.1. Samples heap (after a forced
 * GC) and RSS before, every 10,000 requests and after; prints a table and writes bench/results/soak-*.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { loadEnv } from '../src/config/env';
import { createGateway } from '../src/engine/gateway';
import { seedPlugins } from '../src/engine/seed';
import { createLogger } from '../src/observability/logger';
import { projectRoot } from '../src/sdk';
import { createTestDatabase } from '../test/kit/databases';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) {
  // Heap figures mean something only after a forced collection.
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', __filename], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}

const TOTAL = Number(process.env.SOAK_REQUESTS ?? 100_000);
const CONCURRENCY = Number(process.env.SOAK_CONCURRENCY ?? 16);
const SAMPLE_EVERY = Math.max(1, Math.floor(TOTAL / 10));
const MB = 1024 * 1024;

interface Answer {
  status: number;
  body: { errors?: { extensions?: { code?: string } }[] };
}

interface Sample {
  at: string;
  requests: number;
  heapUsedMb: number;
  rssMb: number;
}

function sample(at: string, requests: number): Sample {
  gc!();
  gc!();
  const { heapUsed, rss } = process.memoryUsage();
  return { at, requests, heapUsedMb: +(heapUsed / MB).toFixed(1), rssMb: +(rss / MB).toFixed(1) };
}

/** Two shops with budgets large enough that the soak measures the gateway, not the rate limiter. */
function soakTenants(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-soak-tenants-'));
  for (const [id, currency] of [
    ['soak-a', 'USD'],
    ['soak-b', 'EUR'],
  ]) {
    const env = id.replace('-', '_').toUpperCase();
    process.env[`${env}_STOREFRONT_TOKEN`] = `${id}-storefront-token-0123456789`;
    process.env[`${env}_JWT_SECRET`] = `${id}-jwt-secret-0123456789abcdef0123456789`;
    writeFileSync(
      join(dir, `${id}.yaml`),
      [
        `id: ${id}`,
        `name: Soak ${id}`,
        `currency: ${currency}`,
        'plugins: [catalog]',
        'limits:',
        '  rateBucketSize: 1000000',
        '  rateRestorePerSecond: 100000',
        'storefront:',
        `  tokenEnv: ${env}_STOREFRONT_TOKEN`,
        'admin:',
        '  issuer: retail-gateway',
        '  audience: retail-gateway-admin',
        `  hs256SecretEnv: ${env}_JWT_SECRET`,
        '',
      ].join('\n'),
    );
  }
  return dir;
}

async function main(): Promise<void> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'production', TENANTS_DIR: soakTenants() });
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const database = await createTestDatabase(kind);
  const plugin = (name: string) => join(projectRoot(), 'resolvers', name, 'plugin.ts');
  // Request lines are written as in production, to a sink: their cost is part of the soak.
  const log = createLogger('info', pino.destination({ dest: '/dev/null', sync: false }));
  const gateway = await createGateway({
    env,
    log,
    plugins: [plugin('core'), plugin('catalog')],
    database,
    migrate: true,
  });
  await seedPlugins(gateway.runtime, gateway.composition.plugins, 'demo');
  const { port } = await gateway.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/graphql`;
  const tokens = ['soak-a', 'soak-b'].map(
    (id) => process.env[`${id.replace('-', '_').toUpperCase()}_STOREFRONT_TOKEN`]!,
  );

  const post = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { 'x-storefront-token': token } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as {
      data?: Record<string, unknown>;
      errors?: { extensions?: { code?: string } }[];
    };
    return { status: res.status, body };
  };
  const list = await post('{ products(first: 20) { nodes { id handle } } }', {}, tokens[0]);
  const nodes = (list.body.data?.products as { nodes: { id: string; handle: string }[] } | undefined)?.nodes ?? [];
  if (nodes.length === 0) throw new Error(`no products to soak with: ${JSON.stringify(list.body)}`);

  const mix = [
    ...Array<string>(5).fill('list'),
    ...Array<string>(2).fill('byHandle'),
    'node',
    'parseError',
    'unauthenticated',
  ];
  const send = (i: number) => {
    const token = tokens[i % 2];
    const product = nodes[i % nodes.length];
    switch (mix[i % mix.length]) {
      case 'list':
        return post(
          'query Products($first: Int) { products(first: $first) { nodes { id title variants(first: 3) { nodes { price { amount currencyCode } } } } } }',
          { first: 10 },
          token,
        );
      case 'byHandle':
        return post('query Product($h: String) { product(handle: $h) { id title } }', { h: product.handle }, tokens[0]);
      case 'node':
        return post('query Node($id: ID!) { node(id: $id) { id } }', { id: product.id }, tokens[0]);
      case 'parseError':
        return post('{ products(first: ', {}, token);
      default:
        return post('{ products(first: 1) { nodes { id } } }', {});
    }
  };

  const outcomes = new Map<string, number>();
  const samples: Sample[] = [sample('before', 0)];
  const started = Date.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < TOTAL) {
      const i = next++;
      const res: Answer = await send(i).catch(() => ({ status: 0, body: {} }));
      const key = `${res.status} ${res.body.errors?.[0]?.extensions?.code ?? 'OK'}`;
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      done++;
      if (done % SAMPLE_EVERY === 0 && done < TOTAL) samples.push(sample('during', done));
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (Date.now() - started) / 1000;
  samples.push(sample('after', done));

  await gateway.stop();
  await database.close();

  const result = {
    date: new Date().toISOString(),
    node: process.version,
    database: kind,
    requests: done,
    concurrency: CONCURRENCY,
    seconds: +seconds.toFixed(1),
    requestsPerSecond: Math.round(done / seconds),
    outcomes: Object.fromEntries([...outcomes].sort()),
    samples,
  };
  console.log(`Soak: ${done} requests on ${kind}, concurrency ${CONCURRENCY}, ${result.seconds} s`);
  console.log('\n| when | requests | heap used (MB, after GC) | RSS (MB) |\n| --- | ---: | ---: | ---: |');
  for (const s of samples) console.log(`| ${s.at} | ${s.requests} | ${s.heapUsedMb} | ${s.rssMb} |`);
  console.log('\n| outcome | requests |\n| --- | ---: |');
  for (const [k, v] of Object.entries(result.outcomes)) console.log(`| ${k} | ${v} |`);
  const dir = join(projectRoot(), 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `soak-${kind}-${result.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
