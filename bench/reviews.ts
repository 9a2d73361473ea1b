/**
 * The reviews example subgraph for the `rated` scenario, in the benchmark's own process: both the
 * gateway and the baseline call it, and it counts the calls each request makes. Ratings are seeded for
 * the bench tenant's first products. Both sign their tokens with one key (SERVICE_TOKEN_PRIVATE_KEY), as
 * a fleet of gateways does; the service checks them against the gateway's /.well-known/jwks.json.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportPKCS8, generateKeyPair } from 'jose';
import { encodeGlobalId, projectRoot } from '../src/sdk';
import { withClient } from '../test/kit/databases';
import { ReviewStore, startReviews } from '../examples/subgraphs/reviews/server';
import { BENCH_TENANT } from './database';

export interface BenchReviews {
  url: string;
  /** Calls the service has received so far. */
  calls(): number;
  /** Where the gateway serves its keys, once it listens. */
  setGateway(port: number): void;
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Products of the bench tenant with reviews: every other one of the first 100 (the others rate null). */
const RATED_PRODUCTS = 100;

/** The bench tenant with the reviews connector enabled (bench/tenants is left as the other tools use it). */
function tenantsWithReviews(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rg-bench-tenants-'));
  const text = readFileSync(join(projectRoot(), 'bench/tenants/bench.yaml'), 'utf8');
  writeFileSync(join(dir, 'bench.yaml'), text.replace(/^plugins: \[(.*)\]$/m, 'plugins: [$1, reviews]'));
  return dir;
}

export async function startBenchReviews(databaseUrl: string): Promise<BenchReviews> {
  const store = new ReviewStore();
  const { rows } = await withClient(databaseUrl, (client) =>
    client.query<{ id: string }>(`select id from products where tenant_id = $1 order by id limit $2`, [
      BENCH_TENANT,
      RATED_PRODUCTS,
    ]),
  );
  for (const [i, row] of rows.entries()) {
    if (i % 2 === 1) continue;
    for (const rating of [3, 4, 5].slice(0, 1 + (i % 3)))
      store.add(BENCH_TENANT, { productId: encodeGlobalId('Product', row.id), rating, body: 'Good', author: 'bench' });
  }
  let gatewayPort = 0;
  // Until the gateway listens there are no keys to read (the service reads the URL at its first checked call).
  const jwksUrl = () => {
    if (!gatewayPort) throw new Error('the gateway does not listen yet');
    return `http://127.0.0.1:${gatewayPort}/.well-known/jwks.json`;
  };
  const service = await startReviews({ jwksUrl }, store);
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return {
    url: service.url,
    calls: () => service.received.length,
    setGateway: (port) => void (gatewayPort = port),
    env: {
      GATEWAY_PLUGIN_PATHS: 'examples/subgraphs/reviews',
      REVIEWS_URL: service.url,
      TENANTS_DIR: tenantsWithReviews(),
      SERVICE_TOKEN_PRIVATE_KEY: await exportPKCS8(privateKey),
    },
    close: () => service.close(),
  };
}
