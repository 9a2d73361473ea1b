import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { seedStore } from '../fake-shopify';
import { startShopifyHarness, type ShopifyHarness } from '../fake-shopify/harness';
import type { CliResult } from '../kit/cli';
import { TEST_SECRETS } from '../kit/gateway';
import { shopifyTenants } from './kit';

/** `gateway sync shopify ...` as a real process, its Shopify calls routed to the fake shop. */
function sync(args: string[], env: Record<string, string>): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      join(projectRoot(), 'node_modules', '.bin', 'tsx'),
      ['--import', './test/shopify/cli-routing.ts', 'src/cli/main.ts', 'sync', 'shopify', ...args],
      {
        cwd: projectRoot(),
        env: { ...process.env, ...TEST_SECRETS, NODE_OPTIONS: '', NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('gateway sync shopify', () => {
  let h: ShopifyHarness;
  let env: Record<string, string>;
  beforeAll(async () => {
    h = await startShopifyHarness();
    seedStore(h.fake.store);
    env = {
      FAKE_SHOPIFY_URL: h.fake.url,
      TENANTS_DIR: shopifyTenants(),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'rg-sync-cli-')),
      DATABASE_URL: '',
    };
  });
  afterAll(() => h.close());

  it('imports the shop with plain progress lines when not a terminal, and ends with the counts', async () => {
    const result = await sync(['--tenant', 'alpha', '--full'], env);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^sync \d+ of acme\.myshopify\.com \(full\) for alpha$/m);
    expect(result.stdout).toMatch(/^full products: 3 written$/m);
    expect(result.stdout).toMatch(/^full orders: 2 written$/m);
    expect(result.stdout).toMatch(
      /^done: products=3 variants=6 collections=2 locations=2 inventoryLevels=12 customers=3 orders=2 lineItems=4$/m,
    );
    expect(result.stdout).not.toContain('\r');
  }, 150_000);

  it('refuses a tenant without a shop, with a clear message', async () => {
    const result = await sync(['--tenant', 'beta'], env);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: tenant "beta" has no settings.shopify.shop (or the plugin is not enabled)\n');
  }, 150_000);
});
