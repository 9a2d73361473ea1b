/**
 * The baseline's checkout (scenario i), five pages in plain SQL: each cart page is one statement (the
 * change and everything its price needs), and the completion is one transaction writing the same rows
 * as the gateway's: order, line items, allocations and stock history, the stock taken, the customer,
 * the discount's use, the pricing snapshot, units sold, the completed cart and the outbox events.
 */
import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { toMinor } from '../../src/sdk/money';
import { moneyOf, priceOf, type Price } from './checkout-price';
import { cartGid, FACTS, localCartId, localId, type Answer, type Facts } from './checkout-facts';

type Variables = Record<string, unknown>;

/** One statement: the cart changed by `set` ($3 its value), then its facts; null when it is not an active cart. */
async function changeCart(pool: pg.Pool, tenant: string, cartId: unknown, set: string, value: unknown) {
  const { rows } = await pool.query<Facts>(
    `with c as (update carts set ${set} = $3, updated_at = now()
       where tenant_id = $1 and id = $2 and status = 'ACTIVE' returning *) ${FACTS}`,
    [tenant, localCartId(cartId), value],
  );
  return rows[0] ?? null;
}

const payload = (field: string, value: unknown, statements: number): Answer => ({
  body: JSON.stringify({ data: { [field]: value } }),
  statements,
});
const notFound = (field: string) =>
  payload(field, { cart: null, userErrors: [{ field: ['cartId'], code: 'NOT_FOUND', message: 'Cart not found' }] }, 1);

/** CartCost's fields, by the amount of Price each shows. */
const COST_FIELDS = {
  subtotal: 'subtotalAmount',
  discount: 'totalDiscountAmount',
  shipping: 'totalShippingAmount',
  tax: 'totalTaxAmount',
  total: 'totalAmount',
} as const;

function cost(price: Price, currency: string, fields: (keyof typeof COST_FIELDS)[]) {
  return Object.fromEntries(fields.map((f) => [COST_FIELDS[f], moneyOf(price[f], currency)]));
}

/** Step 1: a cart with its lines and buyer, in one statement. */
export async function createCart(pool: pg.Pool, tenant: string, currency: string, v: Variables): Promise<Answer> {
  const input = v.input as {
    lines: { merchandiseId: string; quantity: number }[];
    buyerIdentity: { email: string; countryCode: string };
  };
  const token = randomBytes(18).toString('base64url');
  const { rows } = await pool.query<{ quantity: number; subtotal: string }>(
    `with c as (insert into carts (id, tenant_id, email, country_code) values ($2, $1, $3, $4) returning id),
     l as (insert into cart_lines (tenant_id, cart_id, variant_id, quantity)
       select $1, (select id from c), v.id, w.quantity
         from unnest($5::bigint[], $6::int[]) w(variant_id, quantity)
         join product_variants v on v.tenant_id = $1 and v.id = w.variant_id
       returning variant_id, quantity)
     select coalesce(sum(l.quantity), 0)::int as quantity, coalesce(sum(v.price * l.quantity), 0)::text as subtotal
       from l join product_variants v on v.tenant_id = $1 and v.id = l.variant_id`,
    [
      tenant,
      token,
      input.buyerIdentity.email.toLowerCase(),
      input.buyerIdentity.countryCode,
      input.lines.map((l) => localId(l.merchandiseId)),
      input.lines.map((l) => l.quantity),
    ],
  );
  const [{ quantity, subtotal }] = rows;
  const cart = {
    id: cartGid(token),
    totalQuantity: quantity,
    // Prices are stored unscaled (a whole price is kept as "57"): answered in the currency's digits.
    cost: { subtotalAmount: moneyOf(toMinor(subtotal, currency), currency) },
  };
  return payload('cartCreate', { cart, userErrors: [] }, 1);
}

/** Step 2: the delivery address, answered with the options it offers. */
export async function setAddress(pool: pg.Pool, tenant: string, currency: string, v: Variables): Promise<Answer> {
  const a = v.address as Record<string, string | undefined>;
  const stored = {
    firstName: a.firstName ?? null,
    lastName: a.lastName ?? null,
    company: a.company ?? null,
    address1: a.address1,
    address2: a.address2 ?? null,
    city: a.city,
    provinceCode: a.province ?? null,
    zip: a.zip ?? null,
    countryCode: a.country,
    phone: a.phone ?? null,
  };
  const facts = await changeCart(pool, tenant, v.cartId, 'delivery_address', JSON.stringify(stored));
  if (!facts) return notFound('cartDeliveryAddressUpdate');
  const deliveryOptions = priceOf(facts, currency).options.map((o) => ({
    handle: o.handle,
    title: o.title,
    estimatedCost: moneyOf(o.amount, currency),
    minDeliveryDays: o.minDeliveryDays,
    maxDeliveryDays: o.maxDeliveryDays,
  }));
  return payload('cartDeliveryAddressUpdate', { cart: { deliveryOptions }, userErrors: [] }, 1);
}

/** Step 3: the delivery option, answered with the cost. */
export async function setOption(pool: pg.Pool, tenant: string, currency: string, v: Variables): Promise<Answer> {
  const facts = await changeCart(pool, tenant, v.cartId, 'delivery_option_handle', v.handle);
  if (!facts) return notFound('cartSelectedDeliveryOptionUpdate');
  const price = priceOf(facts, currency);
  const cart = {
    selectedDeliveryOption: price.selected ? { handle: price.selected.handle } : null,
    cost: cost(price, currency, ['shipping', 'tax', 'total']),
  };
  return payload('cartSelectedDeliveryOptionUpdate', { cart, userErrors: [] }, 1);
}

/** Step 4: the discount codes, answered with whether each applies and the cost. */
export async function setCodes(pool: pg.Pool, tenant: string, currency: string, v: Variables): Promise<Answer> {
  const facts = await changeCart(pool, tenant, v.cartId, 'discount_codes', v.codes);
  if (!facts) return notFound('cartDiscountCodesUpdate');
  const price = priceOf(facts, currency);
  const cart = {
    discountCodes: price.codes,
    cost: cost(price, currency, ['subtotal', 'discount', 'shipping', 'tax', 'total']),
  };
  return payload('cartDiscountCodesUpdate', { cart, userErrors: [] }, 1);
}

export { completeCheckout } from './checkout-complete';
