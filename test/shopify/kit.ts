import { createHmac } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { PluginRuntime, Tenant } from '../../src/sdk';
import { BreakerRegistry } from '../../connectors/shopify/circuit-breaker';
import type { FetchLike } from '../../connectors/shopify/jsonl';
import type { SyncDeps } from '../../connectors/shopify/sync-runner';
import { TEST_API_VERSION, TEST_SECRET, TEST_SHOP, TEST_TOKEN, type ShopifyHarness } from '../fake-shopify/harness';
import { fixtureTenantsFor } from '../kit/gateway';

export const SHOPIFY_PLUGINS = ['core', 'catalog', 'inventory', 'customers', 'carts', 'orders', 'shopify'];
process.env.TEST_SHOPIFY_TOKEN = TEST_TOKEN;
process.env.TEST_SHOPIFY_SECRET = TEST_SECRET;

/**
 * Fixture tenants with every Shopify suite plugin; alpha is connected to the fake shop, beta is not.
 * `settings` adds lines to alpha's `settings.shopify` (`writes: write-through`).
 */
export function shopifyTenants(settings: string[] = [], plugins: readonly string[] = SHOPIFY_PLUGINS): string {
  const dir = fixtureTenantsFor(plugins);
  appendFileSync(
    join(dir, 'alpha.yaml'),
    `settings:\n  shopify:\n    shop: ${TEST_SHOP}\n    accessTokenEnv: TEST_SHOPIFY_TOKEN\n    apiSecretEnv: TEST_SHOPIFY_SECRET\n    apiVersion: '${TEST_API_VERSION}'\n` +
      settings.map((line) => `    ${line}\n`).join(''),
  );
  return dir;
}

/** Sync dependencies on the harness's virtual clock, with a fresh breaker per call. */
export function syncDeps(h: ShopifyHarness, extra: SyncDeps = {}): SyncDeps {
  return { clock: h.clock, breakers: new BreakerRegistry(h.clock), retry: { random: () => 1 }, batchSize: 2, ...extra };
}

export function tenantOf(runtime: PluginRuntime, id: string): Tenant {
  const tenant = runtime.tenants().find((t) => t.id === id);
  if (!tenant) throw new Error(`no tenant ${id}`);
  return tenant;
}

/**
 * A webhook delivery as Shopify sends it, signed with `secret` (null: no signature header), triggered
 * at `triggeredAt` (default: the real time now; null: no header).
 */
export async function deliver(
  url: string,
  topic: string,
  payload: unknown,
  options: { eventId: string; secret?: string | null; hmac?: string; shop?: string; triggeredAt?: string | null },
) {
  const body = JSON.stringify(payload);
  const secret = options.secret === undefined ? TEST_SECRET : options.secret;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-shopify-topic': topic,
    'x-shopify-shop-domain': options.shop ?? TEST_SHOP,
    'x-shopify-event-id': options.eventId,
    'x-shopify-webhook-id': `w-${options.eventId}`,
    'x-shopify-api-version': TEST_API_VERSION,
  };
  const triggeredAt = options.triggeredAt === undefined ? new Date().toISOString() : options.triggeredAt;
  if (triggeredAt !== null) headers['x-shopify-triggered-at'] = triggeredAt;
  if (options.hmac) headers['x-shopify-hmac-sha256'] = options.hmac;
  else if (secret) headers['x-shopify-hmac-sha256'] = createHmac('sha256', secret).update(body).digest('base64');
  const res = await fetch(`${url}/plugins/shopify/webhooks`, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

const TENANT_TABLES = [
  'products',
  'product_variants',
  'collections',
  'collection_products',
  'locations',
  'inventory_levels',
  'customers',
  'orders',
  'order_line_items',
];

/** A digest of every retail row of the tenant: equal digests mean nothing was written. */
export async function tenantChecksum(runtime: PluginRuntime, tenantId: string): Promise<string> {
  return runtime.withTenant(tenantId, async (trx) => {
    const parts: string[] = [];
    for (const table of TENANT_TABLES) {
      const { rows } = await sql<{ digest: string | null; n: string }>`
        select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest, count(*) as n
        from ${sql.table(table)} t where tenant_id = ${tenantId}`.execute(trx);
      parts.push(`${table}:${rows[0].n}:${rows[0].digest}`);
    }
    return parts.join(',');
  });
}

/** Rows of a table that came from Shopify for the tenant. */
export async function shopifyRows(runtime: PluginRuntime, tenantId: string, table: string): Promise<number> {
  return runtime.withTenant(tenantId, async (trx) => {
    const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(table)}
      where tenant_id = ${tenantId} and source = 'shopify'`.execute(trx);
    return Number(rows[0].n);
  });
}

/** Serves the first `lines` lines of each bulk download, then drops the connection. */
export function cutDownloads(lines: number): FetchLike {
  return async (url) => {
    const text = await (await fetch(url)).text();
    const kept = `${text.split('\n').slice(0, lines).join('\n')}\n`;
    let sent = false;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sent) {
          sent = true;
          return controller.enqueue(new TextEncoder().encode(kept));
        }
        // Let the reader consume what was sent before the connection drops.
        await new Promise((resolve) => setTimeout(resolve, 100));
        controller.error(new Error('connection reset'));
      },
    });
    return new Response(body, { status: 200 });
  };
}
