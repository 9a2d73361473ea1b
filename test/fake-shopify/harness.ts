import { createAdminClient, type AdminClient, type AdminClientDeps } from '../../connectors/shopify/admin-client';
import type { ShopifyClientConfig } from '../../connectors/shopify/client';
import { routeShopifyTo } from '../../connectors/shopify/routing';
import { FakeClock } from './clock';
import { startFakeShopify, type FakeShopify, type FakeShopifyOptions } from './server';

export const TEST_SHOP = 'acme.myshopify.com';
export const TEST_TOKEN = 'shpat_test_0123456789abcdef';
export const TEST_SECRET = 'shpss_test_secret';
export const TEST_STOREFRONT_TOKEN = 'shpsf_test_storefront_0123456789';
export const TEST_API_VERSION = '2025-07';

export interface ShopifyHarness {
  clock: FakeClock;
  fake: FakeShopify;
  config: ShopifyClientConfig;
  /** A real-library admin client for TEST_SHOP, on the virtual clock, with jitter fixed at its maximum. */
  client(deps?: AdminClientDeps, config?: Partial<ShopifyClientConfig>): AdminClient;
  close(): Promise<void>;
}

/** A fake Shopify on 127.0.0.1 plus routing of the real library to it; close() undoes both. */
export async function startShopifyHarness(options: Partial<FakeShopifyOptions> = {}): Promise<ShopifyHarness> {
  const clock = new FakeClock();
  const fake = await startFakeShopify({
    accessToken: TEST_TOKEN,
    storefrontAccessToken: TEST_STOREFRONT_TOKEN,
    now: () => clock.now(),
    ...options,
  });
  const unroute = routeShopifyTo(fake.url);
  const config: ShopifyClientConfig = {
    shop: TEST_SHOP,
    accessToken: TEST_TOKEN,
    apiSecretKey: TEST_SECRET,
    apiVersion: TEST_API_VERSION,
    timeoutMs: 5000,
  };
  return {
    clock,
    fake,
    config,
    client: (deps = {}, overrides = {}) =>
      createAdminClient({ ...config, ...overrides }, { clock, ...deps, retry: { random: () => 1, ...deps.retry } }),
    async close() {
      unroute();
      await fake.close();
    },
  };
}
