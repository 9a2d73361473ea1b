import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { shopifyTenantConfig } from '../../connectors/shopify/settings';
import { validateTenantFile } from '../../src/tenants/load';

const FILE = `id: alpha
name: Alpha
currency: USD
plugins: [shopify]
storefront:
  tokenEnv: ALPHA_STOREFRONT_TOKEN
admin:
  issuer: retail-gateway
  audience: retail-gateway-admin
  hs256SecretEnv: ALPHA_JWT_SECRET
settings:
  shopify:
    shop: alpha.myshopify.com
    accessTokenEnv: ALPHA_SHOPIFY_TOKEN
    apiSecretEnv: ALPHA_SHOPIFY_SECRET
    checkout: shopify
    storefrontAccessTokenEnv: ALPHA_SHOPIFY_STOREFRONT_TOKEN
`;

const strong = () => randomBytes(24).toString('hex');

describe("settings.shopify.storefrontAccessTokenEnv (Shopify's checkout)", () => {
  const env = {
    ALPHA_STOREFRONT_TOKEN: strong(),
    ALPHA_JWT_SECRET: strong(),
    ALPHA_SHOPIFY_TOKEN: strong(),
    ALPHA_SHOPIFY_SECRET: strong(),
    ALPHA_SHOPIFY_STOREFRONT_TOKEN: 'short-storefront-token',
  };
  const options = {
    plugins: new Map([['shopify', shopifyTenantConfig]]),
    alwaysOn: new Set<string>(),
    adminScopes: new Set<string>(),
    env,
  };
  const file = join('/tenants', 'alpha.yaml');

  it('is a secret like the others: a weak value disables the tenant in production', () => {
    expect(validateTenantFile(file, FILE, options)).toHaveProperty('entry');
    expect(validateTenantFile(file, FILE, { ...options, refuseWeakSecrets: true })).toEqual({
      problems: ['(file): ALPHA_SHOPIFY_STOREFRONT_TOKEN is shorter than 32 characters'],
      raw: expect.anything(),
    });
    const strongEnv = { ...env, ALPHA_SHOPIFY_STOREFRONT_TOKEN: strong() };
    expect(validateTenantFile(file, FILE, { ...options, env: strongEnv, refuseWeakSecrets: true })).toHaveProperty(
      'entry',
    );
  });

  it('is required by checkout: shopify, with the path of the missing field', () => {
    const text = FILE.replace(/ {4}storefrontAccessTokenEnv.*\n/, '');
    const result = validateTenantFile(file, text, options);
    expect(result).toMatchObject({
      problems: [
        expect.stringMatching(/settings\.shopify\.storefrontAccessTokenEnv: is required when checkout is shopify/),
      ],
    });
  });
});
