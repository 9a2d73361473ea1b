import { sql } from 'kysely';
import { sumDecimals } from '../../src/sdk';
import { fromExcluded } from '../../src/sdk/db';
import { completeCheckedOutCarts } from './checked-out-carts';
import { orderNumber, type OrderRecord } from './records';
import { SOURCE, type ShopifyTrx } from './tables';
import { idsOf } from './upsert-products';
import { notOlder } from './versions';

/**
 * Writes orders with their line items in the caller's transaction. Links to customers, products
 * and variants are made when we have them (else null, as for a deleted product). The order number
 * is Shopify's (`#1001` -> 1001), and the tenant's counter moves past it so local orders never clash.
 * An order older than the stored version is skipped with its line items.
 */
export async function upsertOrders(trx: ShopifyTrx, tenantId: string, orders: OrderRecord[]): Promise<number> {
  if (orders.length === 0) return 0;
  const lines = orders.flatMap((o) => o.lineItems);
  const [customers, products, variants] = await Promise.all([
    idsOf(
      trx,
      tenantId,
      'customers',
      orders.map((o) => o.customerId),
    ),
    idsOf(
      trx,
      tenantId,
      'products',
      lines.map((l) => l.productId),
    ),
    idsOf(
      trx,
      tenantId,
      'product_variants',
      lines.map((l) => l.variantId),
    ),
  ]);
  const numbers = await numbersFor(trx, tenantId, orders);
  const rows = await trx
    .insertInto('orders')
    .values(
      orders.map((o) => ({
        tenant_id: tenantId,
        source: SOURCE,
        external_id: o.externalId,
        number: numbers.get(o.externalId)!,
        customer_id: (o.customerId && customers.get(o.customerId)) || null,
        email: o.email?.toLowerCase() ?? null,
        status: o.cancelledAt ? 'CANCELLED' : 'OPEN',
        financial_status: o.financialStatus,
        fulfillment_status: o.fulfillmentStatus,
        currency_code: o.currencyCode,
        subtotal: o.subtotal ?? sumDecimals(o.lineItems.map((l) => l.total)),
        total: o.total,
        cancelled_at: o.cancelledAt,
        created_at: o.createdAt,
        updated_at: o.updatedAt,
        shopify_updated_at: o.updatedAt,
      })),
    )
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'source', 'external_id'])
        .doUpdateSet(
          fromExcluded([
            'customer_id',
            'email',
            'status',
            'financial_status',
            'fulfillment_status',
            'subtotal',
            'total',
            'cancelled_at',
            'updated_at',
            'shopify_updated_at',
          ]),
        )
        .where(notOlder('orders')),
    )
    .returning(['id', 'external_id'])
    .execute();
  const orderIds = new Map(rows.map((r) => [r.external_id!, r.id]));
  // Also for orders skipped as older: a cart they name is completed once, whichever copy comes first.
  await completeCheckedOutCarts(trx, tenantId, orders);
  if (orderIds.size === 0) return 0;

  const lineRows = orders
    .filter((o) => orderIds.has(o.externalId))
    .flatMap((o) =>
      o.lineItems
        .filter((l) => l.quantity > 0)
        .map((l) => ({
          tenant_id: tenantId,
          source: SOURCE,
          external_id: l.externalId,
          order_id: orderIds.get(o.externalId)!,
          product_id: (l.productId && products.get(l.productId)) || null,
          variant_id: (l.variantId && variants.get(l.variantId)) || null,
          title: l.title,
          sku: l.sku,
          quantity: l.quantity,
          unit_price: l.unitPrice,
          total: l.total,
        })),
    );
  await trx
    .deleteFrom('order_line_items')
    .where('tenant_id', '=', tenantId)
    .where('order_id', 'in', [...orderIds.values()])
    .where('source', '=', SOURCE)
    .$if(lineRows.length > 0, (q) =>
      q.where(
        'external_id',
        'not in',
        lineRows.map((l) => l.external_id),
      ),
    )
    .execute();
  if (lineRows.length > 0) {
    await trx
      .insertInto('order_line_items')
      .values(lineRows)
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'source', 'external_id'])
          .doUpdateSet(fromExcluded(['product_id', 'variant_id', 'title', 'sku', 'quantity', 'unit_price', 'total'])),
      )
      .execute();
  }
  return orderIds.size;
}

/** Existing numbers for known orders; Shopify's number (or the next free one) for new ones. */
async function numbersFor(trx: ShopifyTrx, tenantId: string, orders: OrderRecord[]): Promise<Map<string, number>> {
  const known = await trx
    .selectFrom('orders')
    .select(['external_id', 'number'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', SOURCE)
    .where(
      'external_id',
      'in',
      orders.map((o) => o.externalId),
    )
    .execute();
  const numbers = new Map(known.map((k) => [k.external_id!, k.number]));
  const counter = await trx
    .selectFrom('order_counters')
    .select('last_number')
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  let next = counter?.last_number ?? 1000;
  for (const o of orders) {
    if (numbers.has(o.externalId)) continue;
    const n = orderNumber(o.name) ?? ++next;
    numbers.set(o.externalId, n);
    next = Math.max(next, n);
  }
  await trx
    .insertInto('order_counters')
    .values({ tenant_id: tenantId, last_number: next })
    .onConflict((oc) =>
      oc
        .column('tenant_id')
        .doUpdateSet({ last_number: sql`greatest(order_counters.last_number, excluded.last_number)` }),
    )
    .execute();
  return numbers;
}
