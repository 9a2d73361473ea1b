/** The soak's two shops, written to a temporary tenants folder, with the secrets their files name. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface SoakTenants {
  dir: string;
  /** Environment variables the tenant files refer to (storefront tokens, JWT secrets). */
  secrets: Record<string, string>;
  /** Storefront tokens, one per shop. */
  tokens: string[];
}

/** Budgets large enough that the soak measures the gateway, not the rate limiter. */
export function writeSoakTenants(): SoakTenants {
  const dir = mkdtempSync(join(tmpdir(), 'rg-soak-tenants-'));
  const secrets: Record<string, string> = {};
  const tokens: string[] = [];
  for (const [id, currency] of [
    ['soak-a', 'USD'],
    ['soak-b', 'EUR'],
  ]) {
    const env = id.replace('-', '_').toUpperCase();
    secrets[`${env}_STOREFRONT_TOKEN`] = `${id}-storefront-token-0123456789`;
    secrets[`${env}_JWT_SECRET`] = `${id}-jwt-secret-0123456789abcdef0123456789`;
    tokens.push(secrets[`${env}_STOREFRONT_TOKEN`]);
    writeFileSync(
      join(dir, `${id}.yaml`),
      [
        `id: ${id}`,
        `name: Soak ${id}`,
        `currency: ${currency}`,
        'plugins: [catalog, inventory, customers, carts, orders]',
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
  return { dir, secrets, tokens };
}
