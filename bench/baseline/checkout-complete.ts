/**
 * The baseline's checkout completion (step 5 of scenario i): one transaction of four statements: the
 * cart locked with its facts; the variants' stock levels locked; the stock taken; then one statement
 * writing order, customer, line items, allocations, stock history, discount use, pricing snapshot,
 * units sold, the completed cart and the outbox events. A refusal rolls everything back.
 */
import type pg from 'pg';
import { formatMinor } from '../../src/sdk/money';
import { moneyOf, priceOf, type CartFacts } from './checkout-price';
import { FACTS, localCartId, type Answer, type Facts } from './checkout-facts';

const gid = (type: string, id: string) => Buffer.from(`gid://retail/${type}/${id}`).toString('base64url');

interface Taken {
  variant_id: string;
  location_id: string;
  quantity: number;
  available: number;
  updated_at: string;
}

const refused = (code: string, message: string): Answer => ({
  body: JSON.stringify({
    data: { checkoutComplete: { order: null, userErrors: [{ field: ['cartId'], code, message }] } },
  }),
  statements: 0,
});

/** The most stocked location of each tracked line's variant that holds the whole quantity (null when one has none). */
function pick(levels: { variant_id: string; location_id: string; available: number }[], lines: Facts['lines']) {
  const picks = [];
  for (const l of lines) {
    // A variant without stock levels is not tracked: always available, nothing taken.
    if (!levels.some((x) => x.variant_id === l.variant_id)) continue;
    const [best] = levels
      .filter((x) => x.variant_id === l.variant_id && x.available >= l.quantity)
      .sort((a, b) => b.available - a.available);
    if (!best) return null;
    picks.push({ ...best, quantity: l.quantity });
  }
  return picks;
}

const WRITE = `
with counter as (
  insert into order_counters (tenant_id, last_number) values ($1, 1001)
  on conflict (tenant_id) do update set last_number = order_counters.last_number + 1 returning last_number
), customer as (
  insert into customers (tenant_id, email) values ($1, $3) on conflict (tenant_id, email) do update set updated_at = now()
  returning id, email, (xmax = 0) as created, updated_at
), o as (
  insert into orders (tenant_id, number, cart_id, idempotency_key, customer_id, email, currency_code, subtotal, total)
  select $1, counter.last_number, $2, $4, customer.id, $3, $5, $6::numeric, $7::numeric from counter, customer
  returning id, number, status, financial_status, fulfillment_status, created_at
), items as (
  insert into order_line_items (tenant_id, order_id, product_id, variant_id, title, variant_title, sku, quantity, unit_price, total)
  select $1, o.id, x.product_id, x.variant_id, x.title, x.variant_title, x.sku, x.quantity, x.price, x.line_total
    from o, jsonb_to_recordset($8::jsonb) as x(product_id bigint, variant_id bigint, title text, variant_title text,
      sku text, quantity int, price numeric, line_total numeric)
  returning 1
), allocations as (
  insert into order_allocations (tenant_id, order_id, variant_id, location_id, quantity)
  select $1, o.id, t.variant_id, t.location_id, t.quantity
    from o, jsonb_to_recordset($9::jsonb) as t(variant_id bigint, location_id bigint, quantity int, available int)
  returning 1
), history as (
  insert into inventory_adjustments (tenant_id, variant_id, location_id, delta, reason, quantity_after)
  select $1, t.variant_id, t.location_id, -t.quantity, 'checkout', t.available
    from jsonb_to_recordset($9::jsonb) as t(variant_id bigint, location_id bigint, quantity int, available int)
  returning 1
), claimed as (
  update discounts set usage_count = usage_count + 1
   where tenant_id = $1 and id = any($10::bigint[]) and active and (usage_limit is null or usage_count < usage_limit)
  returning id, once_per_customer
), used as (
  insert into discount_usages (tenant_id, discount_id, order_id, email)
  select $1, claimed.id, o.id, case when claimed.once_per_customer then $3 end from claimed, o
  on conflict do nothing returning 1
), pricing as (
  insert into order_pricing (order_id, tenant_id, shipping_address, shipping_lines, tax_lines, discount_applications,
    subtotal, total_shipping, total_tax, total_discounts, total, taxes_included)
  select o.id, $1, $11::jsonb, $12::jsonb, $13::jsonb, $14::jsonb, $6::numeric, $15::numeric, $16::numeric,
    $17::numeric, $7::numeric, false from o
  returning 1
), sold as (
  update products p set total_sold = p.total_sold + s.quantity
    from (select x.product_id, sum(x.quantity) as quantity
            from jsonb_to_recordset($8::jsonb) as x(product_id bigint, quantity int) group by 1) s
   where p.tenant_id = $1 and p.id = s.product_id
  returning 1
), completed as (
  update carts set status = 'COMPLETED', order_id = (select id from o), updated_at = now()
   where tenant_id = $1 and id = $2 returning 1
), events as (
  insert into gateway_events (tenant_id, topic, payload)
  select $1, 'ORDERS_CREATE', jsonb_build_object('id', $18::text || o.id, 'name', '#' || o.number, 'email', $3::text,
      'status', o.status, 'financialStatus', o.financial_status, 'fulfillmentStatus', o.fulfillment_status,
      'currencyCode', $5::text, 'subtotal', $6::text, 'total', $7::text, 'createdAt', o.created_at, 'lineItems', $8::jsonb)
    from o
  union all
  select $1, 'INVENTORY_LEVELS_UPDATE', jsonb_build_object('variantId', t.variant_id, 'locationId', t.location_id,
      'available', t.available, 'delta', -t.quantity, 'reason', 'checkout', 'updatedAt', now())
    from jsonb_to_recordset($9::jsonb) as t(variant_id bigint, location_id bigint, quantity int, available int)
  union all
  select $1, 'CUSTOMERS_CREATE', jsonb_build_object('id', customer.id, 'email', customer.email, 'updatedAt', customer.updated_at)
    from customer where customer.created
  returning 1
)
select o.id::text, o.number, (select count(*) from claimed)::int as claimed,
  (select count(*) from items) + (select count(*) from allocations) + (select count(*) from history)
  + (select count(*) from used) + (select count(*) from pricing) + (select count(*) from sold)
  + (select count(*) from completed) + (select count(*) from events) as written
from o`;

/** Step 5: the order, from the cart's lines, price, delivery and codes as the steps before left them. */
export async function completeCheckout(
  pool: pg.Pool,
  tenant: string,
  currency: string,
  v: Record<string, unknown>,
): Promise<Answer> {
  const client = await pool.connect();
  let statements = 2; // begin and commit (or rollback)
  try {
    await client.query('begin');
    const run = async <T extends pg.QueryResultRow>(text: string, values: unknown[]) => {
      statements += 1;
      return (await client.query<T>(text, values)).rows;
    };
    const stop = async (answer: Answer) => {
      await client.query('rollback');
      return { ...answer, statements };
    };
    const cartId = localCartId(v.cartId);
    const [facts] = await run<Facts>(
      `with c as (select * from carts where tenant_id = $1 and id = $2 for update) ${FACTS}`,
      [tenant, cartId],
    );
    if (!facts || facts.cart.status !== 'ACTIVE') return stop(refused('NOT_FOUND', 'Cart not found'));
    if (facts.lines.length === 0) return stop(refused('CART_EMPTY', 'The cart has no lines'));
    const price = priceOf(facts, currency);
    if (!price.selected) return stop(refused('DELIVERY_REQUIRED', 'Choose a delivery address and a delivery option'));
    if (price.codes.some((c) => !c.applicable))
      return stop(refused('DISCOUNT_NOT_APPLICABLE', 'A code does not apply'));
    const levels = await run<{ variant_id: string; location_id: string; available: number }>(
      `select variant_id::text, location_id::text, available from inventory_levels
        where tenant_id = $1 and variant_id = any($2::bigint[]) order by variant_id, location_id for update`,
      [tenant, facts.lines.map((l) => l.variant_id)],
    );
    const picks = pick(levels, facts.lines);
    if (!picks) return stop(refused('NOT_ENOUGH_STOCK', 'Not enough stock'));
    const taken = await run<Taken>(
      `update inventory_levels l set available = l.available - t.quantity, updated_at = now()
         from unnest($2::bigint[], $3::bigint[], $4::int[]) as t(variant_id, location_id, quantity)
        where l.tenant_id = $1 and l.variant_id = t.variant_id and l.location_id = t.location_id
        returning l.variant_id::text, l.location_id::text, t.quantity, l.available`,
      [tenant, picks.map((p) => p.variant_id), picks.map((p) => p.location_id), picks.map((p) => p.quantity)],
    );
    const m = (minor: bigint) => formatMinor(minor, currency);
    const email = facts.cart.email;
    const [order] = await run<{ id: string; number: number; claimed: number }>(WRITE, [
      tenant,
      cartId,
      email,
      String(v.key),
      currency,
      m(price.subtotal),
      m(price.total),
      JSON.stringify(facts.lines.map((l) => ({ ...l, price: l.price, line_total: l.line_total }))),
      JSON.stringify(taken),
      price.applied.map((a) => a.discount.id),
      JSON.stringify(facts.cart.delivery_address),
      JSON.stringify([
        {
          handle: price.selected.handle,
          title: price.selected.title,
          price: m(price.shipping),
          discountedPrice: m(price.shipping - shippingDiscountOf(price)),
          tax: m(price.shippingTax),
        },
      ]),
      JSON.stringify(price.taxLines.filter((t) => t.amount > 0n).map((t) => ({ ...t, amount: m(t.amount) }))),
      JSON.stringify(
        price.applied.map(({ discount: d, amount }) => ({
          title: d.title,
          code: d.code,
          kind: d.kind,
          value: d.value,
          amount: m(amount),
        })),
      ),
      m(price.shipping),
      m(price.tax),
      m(price.discount),
      'gid://retail/Order/',
    ]);
    if (order.claimed !== price.applied.length)
      return stop(refused('DISCOUNT_NOT_APPLICABLE', 'A code no longer applies'));
    await client.query('commit');
    const answer = {
      order: {
        id: gid('Order', order.id),
        name: `#${order.number}`,
        totalPrice: moneyOf(price.total, currency),
        totalTax: moneyOf(price.tax, currency),
        totalDiscounts: moneyOf(price.discount, currency),
        totalShippingPrice: moneyOf(price.shipping, currency),
      },
      userErrors: [],
    };
    return { body: JSON.stringify({ data: { checkoutComplete: answer } }), statements };
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The part of shipping a free-shipping code took. */
const shippingDiscountOf = (price: ReturnType<typeof priceOf>) =>
  price.applied.filter((a) => a.discount.kind === 'FREE_SHIPPING').reduce((s, a) => s + a.amount, 0n);

export type { CartFacts };
