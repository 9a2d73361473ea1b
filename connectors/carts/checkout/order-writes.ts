import { sql, type Kysely } from 'kysely';
import { encodeGlobalId } from '../../../src/sdk';
import { emitEvent, emitEvents } from '../../../src/sdk/db';
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
export function emitStockTaken(trx: Kysely<unknown>, tenantId: string, allocations: readonly Allocation[]) {
  return emitEvents(
    trx,
    tenantId,
    allocations.map((a) => ({
      topic: 'INVENTORY_LEVELS_UPDATE',
      payload: {
        variantId: encodeGlobalId('ProductVariant', a.variantId),
        locationId: encodeGlobalId('Location', a.locationId),
        available: a.availableAfter,
        delta: -a.quantity,
        reason: 'checkout',
        updatedAt: new Date(a.updatedAt).toISOString(),
      },
    })),
  );
}

/** The tenant's next order number (1001, 1002, ...). */
async function nextOrderNumber(trx: Kysely<unknown>, tenantId: string): Promise<number> {
  const { rows } = await sql<{ last_number: number }>`
    insert into order_counters (tenant_id, last_number) values (${tenantId}, 1001)
    on conflict (tenant_id) do update set last_number = order_counters.last_number + 1
    returning last_number`.execute(trx);
  return rows[0].last_number;
}

/** Inserts the order, its line items and allocations, and the stock history. Returns the order id. */
export async function insertOrder(
  trx: Kysely<unknown>,
  header: OrderHeader,
  customerId: string | null,
  lines: readonly CheckoutLine[],
  allocations: readonly Allocation[],
): Promise<string> {
  const t = header.tenantId;
  const number = await nextOrderNumber(trx, t);
  const { rows } = await sql<{ id: string }>`
    insert into orders (tenant_id, number, cart_id, idempotency_key, customer_id, email, currency_code, subtotal, total)
    values (${t}, ${number}, ${header.cartId}, ${header.idempotencyKey}, ${customerId}, ${header.email},
            ${header.currency}, ${header.subtotal}, ${header.total})
    returning id`.execute(trx);
  const orderId = rows[0].id;
  const items = lines.map(
    (l) =>
      sql`(${t}, ${orderId}::bigint, ${l.product_id}::bigint, ${l.variant_id}::bigint, ${l.title}, ${l.variant_title},
           ${l.sku}, ${l.quantity}::int, ${l.price}::numeric, ${l.line_total}::numeric)`,
  );
  await sql`insert into order_line_items
      (tenant_id, order_id, product_id, variant_id, title, variant_title, sku, quantity, unit_price, total)
    values ${sql.join(items)}`.execute(trx);
  if (allocations.length > 0) {
    const taken = allocations.map(
      (a) => sql`(${t}, ${orderId}::bigint, ${a.variantId}::bigint, ${a.locationId}::bigint, ${a.quantity}::int)`,
    );
    await sql`insert into order_allocations (tenant_id, order_id, variant_id, location_id, quantity)
      values ${sql.join(taken)}`.execute(trx);
    const history = allocations.map(
      (a) =>
        sql`(${t}, ${a.variantId}::bigint, ${a.locationId}::bigint, ${-a.quantity}::int, 'checkout', ${a.availableAfter}::int)`,
    );
    await sql`insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
      values ${sql.join(history)}`.execute(trx);
  }
  return orderId;
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
