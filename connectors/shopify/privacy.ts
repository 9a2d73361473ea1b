import { sql, type Kysely } from 'kysely';
import type { PersonalData, Tenant } from '../../src/sdk';
import { SOURCE, type ShopifyTrx } from './tables';
import { gidOf } from './map-webhook';

type Payload = Record<string, unknown>;

/** The engine's privacy path (every plugin's personal data) and the tenant it runs for. */
export interface PrivacyPath {
  personalData: PersonalData;
  tenant: Tenant;
}

/** The gateway's customers a Shopify customer id names (synced from the shop). */
async function customersOf(trx: ShopifyTrx, tenantId: string, p: Payload) {
  const externalId = gidOf('Customer', p.customer);
  if (!externalId) return [];
  return trx
    .selectFrom('customers')
    .select(['id', 'email'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', SOURCE)
    .where('external_id', '=', externalId)
    .forUpdate()
    .execute();
}

/**
 * customers/data_request: recorded for the shop owner to answer (Shopify expects it within 30 days),
 * with the export the gateway's privacy path makes of the customer (the same as customerDataExport's).
 */
export async function recordDataRequest(trx: ShopifyTrx, shop: string, p: Payload, privacy: PrivacyPath) {
  const tenantId = privacy.tenant.id;
  const exports: Record<string, unknown>[] = [];
  for (const c of await customersOf(trx, tenantId, p)) {
    const subject = { customerId: c.id, email: c.email };
    const request = { kind: 'export' as const, subject, requestedBy: 'shopify:customers/data_request' };
    exports.push(await privacy.personalData.export(trx as unknown as Kysely<unknown>, privacy.tenant, request));
  }
  await trx
    .insertInto('shopify_data_requests')
    .values({
      tenant_id: tenantId,
      shop,
      customer_external_id: gidOf('Customer', p.customer),
      orders_requested: (Array.isArray(p.orders_requested) ? p.orders_requested : []).map((id) => gidOf('Order', id)!),
      export: exports.length > 0 ? JSON.stringify(exports) : null,
    })
    .execute();
}

/**
 * customers/redact: the customer is erased through the gateway's privacy path, as customerErase does
 * (their row stays, blank, so order history keeps its totals; the email on their orders is removed),
 * and so is the email of the orders Shopify lists. The customer's version moves to the redaction's
 * trigger time, so a customer update from before it cannot bring the data back.
 */
export async function redactCustomer(trx: ShopifyTrx, p: Payload, asOf: Date | null, privacy: PrivacyPath) {
  const tenantId = privacy.tenant.id;
  const orderIds = (Array.isArray(p.orders_to_redact) ? p.orders_to_redact : []).map((id) => gidOf('Order', id)!);
  for (const c of await customersOf(trx, tenantId, p)) {
    const subject = { customerId: c.id, email: c.email };
    const request = { kind: 'erase' as const, subject, requestedBy: 'shopify:customers/redact' };
    await privacy.personalData.erase(trx as unknown as Kysely<unknown>, privacy.tenant, request);
    await trx
      .updateTable('customers')
      .set({ shopify_updated_at: sql`greatest(shopify_updated_at, coalesce(${asOf}::timestamptz, now()))` })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', c.id)
      .execute();
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
