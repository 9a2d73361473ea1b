import { z } from 'zod';
import { GatewayError, pluginSettings, type Tenant } from '../../src/sdk';
import { isSupportedApiVersion, SUPPORTED_API_VERSIONS } from './api-version';
import type { ShopifyClientConfig } from './client';

export const SYNC_RESOURCES = ['products', 'inventory', 'customers', 'orders'] as const;
export type SyncResource = (typeof SYNC_RESOURCES)[number];

/** Default of `webhookMaxAgeSeconds`: a delivery triggered longer ago than this is refused as a replay. */
export const WEBHOOK_MAX_AGE_SECONDS = 3600;

/** `mirror`: synced records are read-only here; `write-through`: their mutations go to Shopify first. */
export const WRITE_MODES = ['mirror', 'write-through'] as const;
export type WriteMode = (typeof WRITE_MODES)[number];

/** `gateway`: checkoutComplete places the order; `shopify`: carts are mirrored to Shopify's own checkout. */
export const CHECKOUT_MODES = ['gateway', 'shopify'] as const;
export type CheckoutMode = (typeof CHECKOUT_MODES)[number];

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable (UPPER_SNAKE_CASE)');

/**
 * `settings.shopify` of a tenant file. Empty means "no shop connected". Secrets are never in the
 * file: it names the environment variables that hold them.
 */
export const shopifyTenantConfig = z
  .object({
    shop: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/, 'must be the permanent <name>.myshopify.com domain')
      .optional(),
    accessTokenEnv: envName.optional(),
    apiSecretEnv: envName.optional(),
    apiVersion: z
      .string()
      .refine(isSupportedApiVersion, { message: `must be one of ${SUPPORTED_API_VERSIONS.join(', ')}` })
      .default(SUPPORTED_API_VERSIONS[SUPPORTED_API_VERSIONS.length - 1]),
    resources: z
      .array(z.enum(SYNC_RESOURCES))
      .nonempty()
      .default([...SYNC_RESOURCES]),
    webhookMaxAgeSeconds: z.number().int().min(60).max(86_400).default(WEBHOOK_MAX_AGE_SECONDS),
    /** How mutations of records that came from the shop are handled (docs/shopify.md, Writes). */
    writes: z.enum(WRITE_MODES).default('mirror'),
    /** Where storefront carts check out (docs/shopify.md, Shopify's checkout). */
    checkout: z.enum(CHECKOUT_MODES).default('gateway'),
    /** Names the variable holding the Storefront API private access token (needed by `checkout: shopify`). */
    storefrontAccessTokenEnv: envName.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (!value.shop) return;
    for (const key of ['accessTokenEnv', 'apiSecretEnv'] as const) {
      if (!value[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required when shop is set' });
    }
    if (value.checkout === 'shopify' && !value.storefrontAccessTokenEnv) {
      const message = 'is required when checkout is shopify';
      ctx.addIssue({ code: 'custom', path: ['storefrontAccessTokenEnv'], message });
    }
  });

export type ShopifySettings = z.infer<typeof shopifyTenantConfig>;

export interface ConnectedShop {
  shop: string;
  apiVersion: string;
  resources: readonly SyncResource[];
  accessTokenEnv: string;
  apiSecretEnv: string;
  webhookMaxAgeSeconds: number;
  writes: WriteMode;
  checkout: CheckoutMode;
  storefrontAccessTokenEnv: string | undefined;
}

/** The tenant's shop when it has one configured (and the plugin enabled), else undefined. */
export function connectedShop(tenant: Tenant): ConnectedShop | undefined {
  if (!tenant.plugins.has('shopify')) return undefined;
  const s = pluginSettings<ShopifySettings>(tenant, 'shopify');
  if (!s?.shop || !s.accessTokenEnv || !s.apiSecretEnv) return undefined;
  return {
    shop: s.shop,
    apiVersion: s.apiVersion,
    resources: s.resources,
    accessTokenEnv: s.accessTokenEnv,
    apiSecretEnv: s.apiSecretEnv,
    webhookMaxAgeSeconds: s.webhookMaxAgeSeconds ?? WEBHOOK_MAX_AGE_SECONDS,
    writes: s.writes ?? 'mirror',
    checkout: s.checkout ?? 'gateway',
    storefrontAccessTokenEnv: s.storefrontAccessTokenEnv,
  };
}

/** Client configuration with the secrets read from the environment at the moment of use. */
export function clientConfigOf(shop: ConnectedShop, env: NodeJS.ProcessEnv = process.env): ShopifyClientConfig {
  const accessToken = env[shop.accessTokenEnv];
  const apiSecretKey = env[shop.apiSecretEnv];
  if (!accessToken || !apiSecretKey) {
    throw new GatewayError(
      'TENANT_UNAVAILABLE',
      `Set ${shop.accessTokenEnv} and ${shop.apiSecretEnv} to connect ${shop.shop}`,
    );
  }
  return { shop: shop.shop, accessToken, apiSecretKey, apiVersion: shop.apiVersion };
}

/** The Storefront API private access token, read from the environment at the moment of use. */
export function storefrontTokenOf(shop: ConnectedShop, env: NodeJS.ProcessEnv = process.env): string {
  const token = shop.storefrontAccessTokenEnv ? env[shop.storefrontAccessTokenEnv] : undefined;
  if (!token) {
    const name = shop.storefrontAccessTokenEnv ?? 'storefrontAccessTokenEnv';
    throw new GatewayError('TENANT_UNAVAILABLE', `Set ${name} to check out in ${shop.shop}`);
  }
  return token;
}
