import { sql, type Kysely } from 'kysely';
import { encodeGlobalId } from '../../../src/sdk';
import { emitEvent, type OutboxEvent } from '../../../src/sdk/db';
import type { Allocation } from './reserve';
import type { CheckoutLine } from './lines';

export interface OrderHeader {
  tenantId: string;
  cartId: string;
  idempotencyKey: string;
  email: string | null;
  currency: string;
  subtotal: string;
  total: string;
}

interface CustomerWritten {
  id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  orders_count: number;
  amount_spent: string;
  updated_at: Date | string;
  created: boolean;
}

/**
 * Finds or creates the buyer's customer by email, in one upsert (concurrent checkouts of one email
 * queue on the row); a customer it creates emits CUSTOMERS_CREATE (the customers plugin's payload keys)
 * in the checkout's transaction. The order counts in the customer's statistics only once it is paid.
 */
export async function upsertCustomer(trx: Kysely<unknown>, header: OrderHeader): Promise<string | null> {
  if (!header.email) return null;
  const { rows } = await sql<CustomerWritten>`
    insert into customers (tenant_id, email) values (${header.tenantId}, ${header.email})
    on conflict (tenant_id, email) do update set updated_at = now()
    returning id, email, first_name, last_name, phone, orders_count, amount_spent, updated_at,
              (xmax = 0) as created`.execute(trx);
  const c = rows[0];
  if (c.created) {
    await emitEvent(trx, header.tenantId, 'CUSTOMERS_CREATE', {
      id: encodeGlobalId('Customer', c.id),
      email: c.email,
      firstName: c.first_name,
      lastName: c.last_name,
      phone: c.phone,
      ordersCount: c.orders_count,
      amountSpent: c.amount_spent,
      updatedAt: new Date(c.updated_at).toISOString(),
    });
  }
  return c.id;
}

/** INVENTORY_LEVELS_UPDATE for each level checkout took stock from (the inventory plugin's payload keys). */
export function stockTakenEvents(allocations: readonly Allocation[]): OutboxEvent[] {
  return allocations.map((a) => ({
    topic: 'INVENTORY_LEVELS_UPDATE',
    payload: {
      variantId: encodeGlobalId('ProductVariant', a.variantId),
      locationId: encodeGlobalId('Location', a.locationId),
      available: a.availableAfter,
      delta: -a.quantity,
      reason: 'checkout',
      updatedAt: new Date(a.updatedAt).toISOString(),
    },
  }));
}

/** The order row as checkout placed it (the orders plugin's `orders` table, every column). */
export type PlacedOrder = Record<string, unknown> & { id: string; cart_id: string | null };

/**
 * Places the order in one statement: the tenant's next number (1001, 1002, ...), the order, its line
 * items and allocations, and the stock history. Returns the order row as inserted; the rest of checkout
 * does not write it again.
 */
export async function insertOrder(
  trx: Kysely<unknown>,
  header: OrderHeader,
  customerId: string | null,
  lines: readonly CheckoutLine[],
  allocations: readonly Allocation[],
): Promise<PlacedOrder> {
  const t = header.tenantId;
  const items = lines.map(
    (l) =>
      sql`(${l.product_id}::bigint, ${l.variant_id}::bigint, ${l.title}::text, ${l.variant_title}::text,
           ${l.sku}::text, ${l.quantity}::int, ${l.price}::numeric, ${l.line_total}::numeric)`,
  );
  const taken = allocations.map(
    (a) => sql`(${a.variantId}::bigint, ${a.locationId}::bigint, ${a.quantity}::int, ${a.availableAfter}::int)`,
  );
  // Allocations and history only when stock was taken (untracked items take none).
  const stock =
    taken.length === 0
      ? sql``
      : sql`, taken (variant_id, location_id, quantity, available_after) as (values ${sql.join(taken)}),
        allocated as (
          insert into order_allocations (tenant_id, order_id, variant_id, location_id, quantity)
          select ${t}::text, placed.id, taken.variant_id, taken.location_id, taken.quantity from placed, taken),
        history as (
          insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
          select ${t}::text, taken.variant_id, taken.location_id, -taken.quantity, 'checkout', taken.available_after
            from taken)`;
  const { rows } = await sql<PlacedOrder>`
    with counter as (
      insert into order_counters (tenant_id, last_number) values (${t}, 1001)
      on conflict (tenant_id) do update set last_number = order_counters.last_number + 1
      returning last_number),
    placed as (
      insert into orders (tenant_id, number, cart_id, idempotency_key, customer_id, email, currency_code, subtotal, total)
      select ${t}::text, counter.last_number, ${header.cartId}::text, ${header.idempotencyKey}::text,
             ${customerId}::bigint, ${header.email}::text, ${header.currency}::text, ${header.subtotal}::numeric,
             ${header.total}::numeric
        from counter
      returning *),
    items as (
      insert into order_line_items
        (tenant_id, order_id, product_id, variant_id, title, variant_title, sku, quantity, unit_price, total)
      select ${t}::text, placed.id, i.product_id, i.variant_id, i.title, i.variant_title, i.sku, i.quantity, i.unit_price, i.total
        from placed,
             (values ${sql.join(items)}) as i(product_id, variant_id, title, variant_title, sku, quantity, unit_price, total))
    ${stock}
    select * from placed`.execute(trx);
  return rows[0];
}

/** Raises products' units sold (the BEST_SELLING sort), in product order. */
export async function countSales(trx: Kysely<unknown>, tenantId: string, lines: readonly CheckoutLine[]) {
  const sold = new Map<string, number>();
  for (const l of lines) sold.set(l.product_id, (sold.get(l.product_id) ?? 0) + l.quantity);
  const values = [...sold].sort(([a], [b]) => Number(a) - Number(b)).map(([id, q]) => sql`(${id}::bigint, ${q}::int)`);
  await sql`update products p set total_sold = p.total_sold + s.quantity
      from (values ${sql.join(values)}) as s(id, quantity)
     where p.tenant_id = ${tenantId} and p.id = s.id`.execute(trx);
}
