import { sql, type Kysely } from 'kysely';
import type { CheckoutCall, DraftTaxLine, GatewayContext, OrderDraft, PreparedCheckout } from '../../../src/sdk';
import { formatMinor } from '../../../src/sdk/money';
import { lockCart } from '../carts';
import type { TaxLine } from '../pricing/calculate';
import type { CartQuote } from '../pricing/quote';
import type { CheckoutLimits } from '../pricing/loaders';
import type { CartRow, CartTables } from '../tables';
import { inputErrors, limitErrors, orderBy, replay, type CheckoutInput } from './complete';
import { checkoutLines, type CheckoutLine } from './lines';
import type { UserError } from '../validation';
import { emitOrderCreated } from './order-event';
import { countSales } from './order-writes';
import { claimDiscounts, codeErrors, deliveryErrors, quoteForCheckout, snapshotPricing } from './pricing';

const refused = (field: string[], code: UserError['code'], message: string): PreparedCheckout => ({
  userErrors: [{ field, code, message }],
});

interface Options {
  currency: string;
  taxesIncluded: boolean;
  /** The shop's checkout limits, as for a checkout of its own. */
  limits: CheckoutLimits;
  /**
   * Whether the caller may check out this cart (a signed-in shopper's cart is theirs only), asked on
   * the connection `prepare` reads on: the embedded database's single one is the system's then.
   */
  mayUse(cart: CartRow, db: Kysely<unknown>): Promise<boolean>;
}

/**
 * A checkout offered to a system of record (`checkoutElsewhere`): `prepare` checks and prices the cart
 * as `completeCheckout` does, without writing or reserving stock; `complete` writes, beside the order
 * the system placed, what the cart keeps: the cart completed and linked, the pricing snapshot, the
 * discounts' uses, the products' sales and the ORDERS_CREATE event.
 */
export function checkoutCall(ctx: GatewayContext, input: CheckoutInput, options: Options): CheckoutCall {
  const tenantId = ctx.tenant.id;
  const key = input.idempotencyKey.trim();
  let prepared: { cart: CartRow; quote: CartQuote; lines: CheckoutLine[] } | undefined;

  async function prepare(db: Kysely<unknown>): Promise<PreparedCheckout> {
    const errors = inputErrors(input);
    if (errors.length > 0) return { userErrors: errors };
    const cartId = input.cartId!;
    const placed = await orderBy(db, tenantId, 'idempotency_key', key);
    if (placed) {
      const again = replay(placed, cartId);
      return again.order ? { orderId: again.order.id } : { userErrors: again.userErrors };
    }
    const { rows } = await sql<CartRow>`select * from carts where tenant_id = ${tenantId} and id = ${cartId}`.execute(
      db,
    );
    const cart = rows[0];
    if (!cart || !(await options.mayUse(cart, db))) return refused(['cartId'], 'NOT_FOUND', 'Cart not found');
    if (cart.status === 'COMPLETED') return refused(['cartId'], 'ALREADY_COMPLETED', 'The cart is already checked out');
    const lines = await checkoutLines(db, tenantId, cartId);
    if (lines.length === 0) return refused(['cartId'], 'CART_EMPTY', 'The cart has no lines');
    const gone = lines.findIndex((l) => !l.for_sale);
    if (gone >= 0) return refused(['lines', String(gone), 'merchandise'], 'NOT_FOUND', 'An item is no longer for sale');
    const overLimit = limitErrors(lines, options.limits);
    if (overLimit.length > 0) return { userErrors: overLimit };
    const email = input.email?.trim().toLowerCase() || cart.email;
    const quote = await quoteForCheckout(db, tenantId, cart, lines, email, options.currency, options.taxesIncluded);
    const undeliverable = [...deliveryErrors(cart, quote), ...codeErrors(quote)];
    if (undeliverable.length > 0) return { userErrors: undeliverable };
    prepared = { cart: { ...cart, email }, quote, lines };
    return {
      draft: draftOf(cart, email, key, options.currency, quote, lines),
    };
  }

  async function complete(trx: Kysely<unknown>, orderId: string, draft: OrderDraft): Promise<UserError[]> {
    if (!prepared) throw new Error('complete before prepare');
    const { cart, quote, lines } = prepared;
    const locked = await lockCart(trx as Kysely<CartTables>, tenantId, cart.id);
    if (locked?.status === 'COMPLETED') {
      // A concurrent attempt with the same cart completed it first, with the same order.
      const order = locked.order_id ? await orderBy(trx, tenantId, 'id', locked.order_id) : null;
      if (order?.idempotency_key === key) return [];
      return [{ field: ['cartId'], code: 'ALREADY_COMPLETED', message: 'The cart is already checked out' }];
    }
    await sql`update orders set cart_id = ${cart.id}, idempotency_key = ${key}
      where tenant_id = ${tenantId} and id = ${orderId}`.execute(trx);
    await snapshotPricing(trx, tenantId, orderId, cart, quote, draft.currency);
    // The system has the order: a discount that ran out meanwhile is counted, not refused.
    await claimDiscounts(trx, tenantId, orderId, cart.email, quote);
    await countSales(trx, tenantId, lines);
    await sql`update carts set status = 'COMPLETED', order_id = ${orderId}, updated_at = now()
      where tenant_id = ${tenantId} and id = ${cart.id}`.execute(trx);
    const order = await orderBy(trx, tenantId, 'id', orderId);
    if (order) await emitOrderCreated(trx, tenantId, order, lines);
    return [];
  }

  return { ctx, cartId: input.cartId ?? '', idempotencyKey: key, prepare, complete };
}

function draftOf(
  cart: CartRow,
  email: string | null,
  key: string,
  currency: string,
  quote: CartQuote,
  lines: CheckoutLine[],
): OrderDraft {
  const m = (minor: bigint) => formatMinor(minor, currency);
  const taxes = (t: readonly TaxLine[]): DraftTaxLine[] =>
    t.map((x) => ({ title: x.title, percent: x.percent, amount: m(x.amount) }));
  const { price, selected } = quote;
  return {
    cartId: cart.id,
    idempotencyKey: key,
    email,
    currency,
    taxesIncluded: price.taxesIncluded,
    lines: price.lines.map((l) => {
      const line = lines.find((p) => p.id === l.id)!;
      return {
        variantId: line.variant_id,
        quantity: line.quantity,
        title: line.variant_title ? `${line.title} - ${line.variant_title}` : line.title,
        unitPrice: line.price,
        discount: m(l.discount),
        taxLines: taxes(l.taxLines),
      };
    }),
    shippingAddress: cart.delivery_address,
    shippingLines: selected
      ? [
          {
            code: selected.handle,
            title: selected.title,
            price: m(price.shipping),
            discount: m(price.shippingDiscount),
            taxLines: taxes(price.shippingTaxLines),
          },
        ]
      : [],
    discounts: price.applications.map((a) => {
      const d = quote.applied.get(a.discountId)!;
      return { title: d.title, code: d.code, amount: m(a.amount) };
    }),
    subtotal: m(price.subtotal),
    totalTax: m(price.totalTax),
    total: m(price.total),
  };
}
