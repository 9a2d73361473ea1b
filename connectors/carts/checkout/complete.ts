import { sql, type Kysely } from 'kysely';
import type { TenantDb } from '../../../src/sdk';
import { lockCart } from '../carts';
import { formatMinor } from '../../../src/sdk/money';
import type { CartRow, CartTables } from '../tables';
import { buyerIdentityErrors, type UserError } from '../validation';
import type { CheckoutLimits } from '../pricing/loaders';
import { checkoutLines, type CheckoutLine } from './lines';
import { emitEvents } from '../../../src/sdk/db';
import { orderCreatedEvent } from './order-event';
import { countSales, insertOrder, stockTakenEvents, upsertCustomer } from './order-writes';
import { claimDiscounts, codeErrors, deliveryErrors, quoteForCheckout, snapshotPricing } from './pricing';
import { reserveStock } from './reserve';
import type { OrderPricingRow } from './order-pricing';

/** The order as the orders plugin's `Order` type resolves it: a row of its `orders` table. */
export type OrderRecord = Record<string, unknown> & { id: string; cart_id: string | null };
/** `pricing`: the order's pricing snapshot as written, when this call placed the order. */
export type CheckoutResult = { order: OrderRecord | null; userErrors: UserError[]; pricing?: OrderPricingRow };

const MAX_KEY_LENGTH = 100;
const UNIQUE_VIOLATION = '23505';

class Refused extends Error {
  constructor(readonly userErrors: UserError[]) {
    super('refused');
  }
}
const refuse = (field: string[], code: UserError['code'], message: string) => new Refused([{ field, code, message }]);

export async function orderBy(
  conn: Kysely<unknown>,
  tenantId: string,
  column: 'id' | 'idempotency_key',
  value: string,
) {
  const { rows } = await sql<OrderRecord>`
    select * from orders where tenant_id = ${tenantId} and ${sql.ref(column)} = ${value}`.execute(conn);
  return rows[0] ?? null;
}

/** An order already placed with this key: the same answer again, unless the key was used for another cart. */
export function replay(order: OrderRecord, cartId: string): CheckoutResult {
  return order.cart_id === cartId
    ? { order, userErrors: [] }
    : {
        order: null,
        userErrors: [{ field: ['idempotencyKey'], code: 'TAKEN', message: 'The key was used for another cart' }],
      };
}

export interface CheckoutInput {
  cartId: string | null;
  idempotencyKey: string;
  email?: string | null;
}

export function inputErrors(input: CheckoutInput): UserError[] {
  const key = input.idempotencyKey.trim();
  if (!key) return [{ field: ['idempotencyKey'], code: 'BLANK', message: 'idempotencyKey is required' }];
  if (key.length > MAX_KEY_LENGTH) {
    return [
      { field: ['idempotencyKey'], code: 'TOO_LONG', message: `idempotencyKey is longer than ${MAX_KEY_LENGTH}` },
    ];
  }
  const errors = buyerIdentityErrors({ email: input.email }, []);
  if (!input.cartId) errors.push({ field: ['cartId'], code: 'NOT_FOUND', message: 'Cart not found' });
  return errors;
}

/**
 * The shop's checkout limits (`settings.carts.checkout`) the cart breaks, as MAXIMUM_EXCEEDED: a line's
 * units at `['lines', i, 'quantity']` (lines in checkout order, as NOT_ENOUGH_STOCK names them), the
 * number of lines and the units in all at `['cartId']`.
 */
export function limitErrors(lines: readonly CheckoutLine[], limits: CheckoutLimits): UserError[] {
  const errors: UserError[] = [];
  const { maxLineQuantity, maxCartLines, maxCartQuantity } = limits;
  for (const [i, line] of lines.entries()) {
    if (maxLineQuantity !== undefined && line.quantity > maxLineQuantity) {
      errors.push({
        field: ['lines', String(i), 'quantity'],
        code: 'MAXIMUM_EXCEEDED',
        message: `At most ${maxLineQuantity} of an item per checkout`,
      });
    }
  }
  if (maxCartLines !== undefined && lines.length > maxCartLines) {
    errors.push({ field: ['cartId'], code: 'MAXIMUM_EXCEEDED', message: `At most ${maxCartLines} lines per checkout` });
  }
  const units = lines.reduce((sum, l) => sum + l.quantity, 0);
  if (maxCartQuantity !== undefined && units > maxCartQuantity) {
    errors.push({
      field: ['cartId'],
      code: 'MAXIMUM_EXCEEDED',
      message: `At most ${maxCartQuantity} items per checkout`,
    });
  }
  return errors;
}

/**
 * Turns a cart into an order in one atomic step: stock reserved, order and line items written with
 * today's titles and prices, customer found or created by email, sales counted, cart completed.
 * Idempotent per key: a retry (also one racing the first call) gets the same order. Any refusal
 * (empty cart, unavailable item, not enough stock) leaves nothing written. `mayUse`: whether the caller
 * may check out the cart, asked of the locked row (another shopper's cart looks like no cart).
 */
export async function completeCheckout(
  db: TenantDb,
  currency: string,
  input: CheckoutInput,
  options: { taxesIncluded?: boolean; limits?: CheckoutLimits; mayUse?: (cart: CartRow) => boolean } = {},
): Promise<CheckoutResult> {
  const errors = inputErrors(input);
  if (errors.length > 0) return { order: null, userErrors: errors };
  const cartId = input.cartId!;
  const key = input.idempotencyKey.trim();
  try {
    return await db.atomic<unknown, CheckoutResult>(async (trx) => {
      const cart = await lockCart(trx as Kysely<CartTables>, db.tenantId, cartId);
      if (cart && options.mayUse && !options.mayUse(cart)) throw refuse(['cartId'], 'NOT_FOUND', 'Cart not found');
      // A key already used answers with its order (or TAKEN for another cart), whatever the cart's state.
      const placed = await orderBy(trx, db.tenantId, 'idempotency_key', key);
      if (placed) return replay(placed, cartId);
      if (!cart) throw refuse(['cartId'], 'NOT_FOUND', 'Cart not found');
      if (cart.status === 'COMPLETED') {
        // A concurrent retry with this key waited on the cart lock: answer with the order it placed.
        const order = cart.order_id ? await orderBy(trx, db.tenantId, 'id', cart.order_id) : null;
        if (order?.idempotency_key === key) return { order, userErrors: [] };
        throw refuse(['cartId'], 'ALREADY_COMPLETED', 'The cart is already checked out');
      }
      const lines = await checkoutLines(trx, db.tenantId, cartId);
      if (lines.length === 0) throw refuse(['cartId'], 'CART_EMPTY', 'The cart has no lines');
      const overLimit = limitErrors(lines, options.limits ?? {});
      if (overLimit.length > 0) throw new Refused(overLimit);
      const gone = lines.findIndex((l) => !l.for_sale);
      if (gone >= 0) throw refuse(['lines', String(gone), 'merchandise'], 'NOT_FOUND', 'An item is no longer for sale');
      const email = input.email?.trim().toLowerCase() || cart.email;
      // Priced as the storefront showed it; a cart that needs delivery needs an address and an option.
      const quote = await quoteForCheckout(
        trx,
        db.tenantId,
        cart,
        lines,
        email,
        currency,
        options.taxesIncluded ?? false,
      );
      const undeliverable = [...deliveryErrors(cart, quote), ...codeErrors(quote)];
      if (undeliverable.length > 0) throw new Refused(undeliverable);
      const reserved = await reserveStock(
        trx,
        db.tenantId,
        lines.map((l) => ({ variantId: l.variant_id, quantity: l.quantity })),
      );
      if ('shortIndex' in reserved) {
        throw refuse(['lines', String(reserved.shortIndex), 'quantity'], 'NOT_ENOUGH_STOCK', 'Not enough stock');
      }
      const header = {
        tenantId: db.tenantId,
        cartId,
        idempotencyKey: key,
        email,
        currency,
        subtotal: formatMinor(quote.price.subtotal, currency),
        total: formatMinor(quote.price.total, currency),
      };
      const customerId = await upsertCustomer(trx, header);
      const order = await insertOrder(trx, header, customerId, lines, reserved.allocations);
      const orderId = order.id;
      const discountErrors = await claimDiscounts(trx, db.tenantId, orderId, email, quote);
      if (discountErrors.length > 0) throw new Refused(discountErrors);
      const pricing = await snapshotPricing(trx, db.tenantId, orderId, cart, quote, currency);
      await countSales(trx, db.tenantId, lines);
      await sql`update carts set status = 'COMPLETED', order_id = ${orderId}, updated_at = now()
        where tenant_id = ${db.tenantId} and id = ${cartId}`.execute(trx);
      // The order's event and the stock it took, in one write to the outbox.
      await emitEvents(trx, db.tenantId, [orderCreatedEvent(order, lines), ...stockTakenEvents(reserved.allocations)]);
      return { order, userErrors: [], pricing };
    });
  } catch (error) {
    if (error instanceof Refused) return { order: null, userErrors: error.userErrors };
    // The same key placed an order concurrently for another cart: the unique key refused this one.
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
      const order = await orderBy(await db.get<unknown>(), db.tenantId, 'idempotency_key', key);
      if (order) return replay(order, cartId);
    }
    throw error;
  }
}
