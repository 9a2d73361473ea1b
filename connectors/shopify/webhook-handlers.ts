import { sql } from 'kysely';
import {
  customerFromWebhook,
  gidOf,
  inventoryLevelFromWebhook,
  orderFromWebhook,
  productFromWebhook,
} from './map-webhook';
import { recordDataRequest, redactCustomer, redactShop, type PrivacyPath } from './privacy';
import type { ShopifyTrx } from './tables';
import { upsertCustomers } from './upsert-customers';
import { upsertInventoryLevels } from './upsert-inventory';
import { upsertOrders } from './upsert-orders';
import { deleteProduct, upsertProducts } from './upsert-products';
import { bodyFitsTopic } from './webhook-bodies';
import type { QueuedWebhook } from './webhook-queue';

type Handler = (trx: ShopifyTrx, event: QueuedWebhook, privacy: PrivacyPath) => Promise<void>;

/** Topics that change catalog, stock, customers or orders: ignored once the app is uninstalled. */
const DATA: Record<string, Handler> = {
  'products/create': (trx, e) =>
    upsertProducts(trx, e.tenant_id, [productFromWebhook(e.payload)]).then(() => undefined),
  'products/update': (trx, e) =>
    upsertProducts(trx, e.tenant_id, [productFromWebhook(e.payload)]).then(() => undefined),
  'products/delete': (trx, e) =>
    deleteProduct(trx, e.tenant_id, gidOf('Product', e.payload.id)!, e.triggered_at).then(() => undefined),
  'inventory_levels/update': async (trx, e) => {
    const level = inventoryLevelFromWebhook(e.payload);
    if (level) await upsertInventoryLevels(trx, e.tenant_id, [level]);
  },
  'orders/create': (trx, e) => upsertOrders(trx, e.tenant_id, [orderFromWebhook(e.payload)]).then(() => undefined),
  'orders/updated': (trx, e) => upsertOrders(trx, e.tenant_id, [orderFromWebhook(e.payload)]).then(() => undefined),
  'customers/create': (trx, e) =>
    upsertCustomers(trx, e.tenant_id, [customerFromWebhook(e.payload)]).then(() => undefined),
  'customers/update': (trx, e) =>
    upsertCustomers(trx, e.tenant_id, [customerFromWebhook(e.payload)]).then(() => undefined),
};

/** Lifecycle and the mandatory privacy topics: always handled. */
const ALWAYS: Record<string, Handler> = {
  'app/uninstalled': async (trx, e) => {
    await trx
      .updateTable('shopify_connections')
      .set({ status: 'uninstalled', uninstalled_at: sql`now()`, updated_at: sql`now()` })
      .where('tenant_id', '=', e.tenant_id)
      .execute();
    await trx
      .updateTable('shopify_sync_runs')
      .set({
        status: 'failed',
        errors: JSON.stringify(['UPSTREAM_UNAVAILABLE: the app was uninstalled']),
        finished_at: sql`now()`,
      })
      .where('tenant_id', '=', e.tenant_id)
      .where('status', '=', 'queued')
      .execute();
  },
  'customers/data_request': (trx, e, privacy) => recordDataRequest(trx, e.shop, e.payload, privacy),
  'customers/redact': (trx, e, privacy) => redactCustomer(trx, e.payload, e.triggered_at, privacy),
  'shop/redact': (trx, e) => redactShop(trx, e.tenant_id, e.id),
};

/**
 * Applies one queued webhook in the caller's transaction. Unknown topics, and bodies that do not fit
 * their topic (queued before the route checked them), are acknowledged and dropped.
 */
export async function handleWebhook(
  trx: ShopifyTrx,
  event: QueuedWebhook,
  privacy: PrivacyPath,
): Promise<'applied' | 'ignored'> {
  if (!bodyFitsTopic(event.topic, event.payload)) return 'ignored';
  const always = ALWAYS[event.topic];
  if (always) return always(trx, event, privacy).then(() => 'applied');
  const data = DATA[event.topic];
  if (!data) return 'ignored';
  const connection = await trx
    .selectFrom('shopify_connections')
    .select('status')
    .where('tenant_id', '=', event.tenant_id)
    .executeTakeFirst();
  if (connection?.status === 'uninstalled') return 'ignored';
  await data(trx, event, privacy);
  return 'applied';
}
