import { connectedShop, shopifyTenantConfig, clientConfigOf, storefrontTokenOf } from './settings';
import type { Tenant } from '../../src/sdk';

const issues = (value: unknown) => {
  const result = shopifyTenantConfig.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('settings.shopify', () => {
  const good = {
    shop: 'acme.myshopify.com',
    accessTokenEnv: 'ACME_TOKEN',
    apiSecretEnv: 'ACME_SECRET',
    apiVersion: '2025-07',
  };

  it('accepts a pinned supported version and defaults the resources to all, the webhook window to an hour', () => {
    expect(shopifyTenantConfig.parse(good)).toEqual({
      ...good,
      resources: ['products', 'inventory', 'customers', 'orders'],
      webhookMaxAgeSeconds: 3600,
      writes: 'mirror',
      checkout: 'gateway',
    });
    expect(shopifyTenantConfig.parse({ ...good, webhookMaxAgeSeconds: 600 }).webhookMaxAgeSeconds).toBe(600);
    expect(shopifyTenantConfig.parse({ ...good, writes: 'write-through' }).writes).toBe('write-through');
    expect(issues({})).toEqual([]);
  });

  it('refuses unsupported versions, other domains, secrets in place of variable names, unknown keys', () => {
    expect(issues({ ...good, apiVersion: '2023-01' })[0]).toMatch(/^apiVersion: must be one of 2025-04/);
    expect(issues({ ...good, apiVersion: 'unstable' })).toHaveLength(1);
    expect(issues({ ...good, shop: 'acme.com' })).toEqual(['shop: must be the permanent <name>.myshopify.com domain']);
    expect(issues({ ...good, accessTokenEnv: 'shpat_0123' })).toEqual([
      'accessTokenEnv: must name an environment variable (UPPER_SNAKE_CASE)',
    ]);
    expect(issues({ shop: good.shop })).toEqual([
      'accessTokenEnv: is required when shop is set',
      'apiSecretEnv: is required when shop is set',
    ]);
    expect(issues({ ...good, accessToken: 'x' })).toHaveLength(1);
    expect(issues({ ...good, resources: ['products', 'refunds'] })).toHaveLength(1);
    expect(issues({ ...good, webhookMaxAgeSeconds: 0 })).toHaveLength(1);
    expect(issues({ ...good, webhookMaxAgeSeconds: '1h' })).toHaveLength(1);
    expect(issues({ ...good, writes: 'two-way' })).toEqual([
      'writes: Invalid option: expected one of "mirror"|"write-through"',
    ]);
  });

  it('reads the secrets from the named variables only when asked, and says which are missing', () => {
    const tenant = {
      plugins: new Set(['shopify']),
      settings: { shopify: shopifyTenantConfig.parse(good) },
    } as unknown as Tenant;
    const shop = connectedShop(tenant)!;
    expect(shop.writes).toBe('mirror');
    expect(clientConfigOf(shop, { ACME_TOKEN: 't', ACME_SECRET: 's' })).toEqual({
      shop: 'acme.myshopify.com',
      accessToken: 't',
      apiSecretKey: 's',
      apiVersion: '2025-07',
    });
    expect(() => clientConfigOf(shop, {})).toThrow('Set ACME_TOKEN and ACME_SECRET to connect acme.myshopify.com');
    expect(connectedShop({ ...tenant, plugins: new Set() })).toBeUndefined();
  });

  it("takes Shopify's checkout only with the variable naming the Storefront API token", () => {
    const shopifyCheckout = { ...good, checkout: 'shopify', storefrontAccessTokenEnv: 'ACME_STOREFRONT_TOKEN' };
    expect(issues(shopifyCheckout)).toEqual([]);
    expect(issues({ ...good, checkout: 'shopify' })).toEqual([
      'storefrontAccessTokenEnv: is required when checkout is shopify',
    ]);
    expect(issues({ ...shopifyCheckout, storefrontAccessTokenEnv: 'shpat_abc' })).toEqual([
      'storefrontAccessTokenEnv: must name an environment variable (UPPER_SNAKE_CASE)',
    ]);
    expect(issues({ ...good, checkout: 'hosted' })).toEqual([
      'checkout: Invalid option: expected one of "gateway"|"shopify"',
    ]);
    const tenant = {
      plugins: new Set(['shopify']),
      settings: { shopify: shopifyTenantConfig.parse(shopifyCheckout) },
    } as unknown as Tenant;
    const shop = connectedShop(tenant)!;
    expect(shop.checkout).toBe('shopify');
    expect(storefrontTokenOf(shop, { ACME_STOREFRONT_TOKEN: 'sf' })).toBe('sf');
    expect(() => storefrontTokenOf(shop, {})).toThrow('Set ACME_STOREFRONT_TOKEN to check out in acme.myshopify.com');
  });
});
