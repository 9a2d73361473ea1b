import { sql } from 'kysely';
import { SOURCE, type ShopifyTrx } from './tables';
import { gidOf } from './map-webhook';

type Payload = Record<string, unknown>;

/** customers/data_request: recorded for the shop owner to answer (Shopify expects it within 30 days). */
export async function recordDataRequest(trx: ShopifyTrx, tenantId: string, shop: string, p: Payload) {
  await trx
    .insertInto('shopify_data_requests')
    .values({
      tenant_id: tenantId,
      shop,
      customer_external_id: gidOf('Customer', p.customer),
      orders_requested: (Array.isArray(p.orders_requested) ? p.orders_requested : []).map((id) => gidOf('Order', id)!),
    })
    .execute();
}

/**
 * customers/redact: the customer's personal data is replaced in our tables (the row stays, so order
 * history keeps its totals): email becomes a placeholder, names and phone are cleared, and the email
 * copied onto their orders (and the orders Shopify lists) is removed. The customer's version moves to
 * the redaction's trigger time, so a customer update from before it cannot bring the data back.
 */
export async function redactCustomer(trx: ShopifyTrx, tenantId: string, p: Payload, asOf: Date | null): Promise<void> {
  const customerId = gidOf('Customer', p.customer);
  const orderIds = (Array.isArray(p.orders_to_redact) ? p.orders_to_redact : []).map((id) => gidOf('Order', id)!);
  if (customerId) {
    const rows = await trx
      .updateTable('customers')
      .set({
        email: sql`'redacted-' || id || '@redacted.invalid'`,
        first_name: null,
        last_name: null,
        phone: null,
        updated_at: sql`now()`,
        shopify_updated_at: sql`greatest(shopify_updated_at, coalesce(${asOf}::timestamptz, now()))`,
      })
      .where('tenant_id', '=', tenantId)
      .where('source', '=', SOURCE)
      .where('external_id', '=', customerId)
      .returning('id')
      .execute();
    if (rows.length > 0) {
      await trx
        .updateTable('orders')
        .set({ email: null })
        .where('tenant_id', '=', tenantId)
        .where(
          'customer_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute();
    }
  }
  if (orderIds.length > 0) {
    await trx
      .updateTable('orders')
      .set({ email: null })
      .where('tenant_id', '=', tenantId)
      .where('source', '=', SOURCE)
      .where('external_id', 'in', orderIds)
      .execute();
  }
}

/**
 * shop/redact: every row the sync brought from this shop is deleted (orders and their lines, stock,
 * products with variants and memberships, collections, locations, customers), with the sync state,
 * data requests, tombstones and the queued webhook payloads other than `keepEventId` (the one being
 * processed). Rows created in the gateway itself (source null) stay.
 */
export async function redactShop(trx: ShopifyTrx, tenantId: string, keepEventId: string): Promise<void> {
  const deleteSourced = (table: 'orders' | 'products' | 'collections' | 'locations' | 'customers') =>
    sql`delete from ${sql.table(table)} where tenant_id = ${tenantId} and source = ${SOURCE}`.execute(trx);
  await deleteSourced('orders');
  await trx
    .deleteFrom('inventory_levels')
    .where('tenant_id', '=', tenantId)
    .where(
      'location_id',
      'in',
      trx.selectFrom('locations').select('id').where('tenant_id', '=', tenantId).where('source', '=', SOURCE),
    )
    .execute();
  await deleteSourced('products');
  await deleteSourced('collections');
  await deleteSourced('locations');
  await deleteSourced('customers');
  await trx.deleteFrom('shopify_sync_state').where('tenant_id', '=', tenantId).execute();
  await trx.deleteFrom('shopify_data_requests').where('tenant_id', '=', tenantId).execute();
  await trx.deleteFrom('shopify_tombstones').where('tenant_id', '=', tenantId).execute();
  await trx
    .deleteFrom('shopify_webhook_events')
    .where('tenant_id', '=', tenantId)
    .where('id', '!=', keepEventId)
    .execute();
  await trx.updateTable('shopify_webhook_events').set({ payload: '{}' }).where('id', '=', keepEventId).execute();
}
