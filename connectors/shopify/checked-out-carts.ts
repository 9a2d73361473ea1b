import type { OrderRecord } from './records';
import { SOURCE, type ShopifyTrx } from './tables';

/**
 * The cart attribute naming our cart on its Storefront copy. Shopify copies a cart's attributes onto
 * the order its checkout places (REST `note_attributes`, Admin GraphQL `Order.customAttributes`, in
 * every API version), so an order arriving by webhook or sync names the cart it came from. The
 * underscore marks it as the app's own, not the buyer's.
 */
export const CART_ATTRIBUTE = '_gateway_cart';

/** Our carts' ids are short random tokens; a longer value is not one of ours. */
const MAX_CART_ID_LENGTH = 200;

/** Our cart id among an order's attributes (`{ key|name, value }`), or null. */
export function cartIdOf(attributes: unknown): string | null {
  if (!Array.isArray(attributes)) return null;
  for (const a of attributes as Record<string, unknown>[]) {
    const key = a?.key ?? a?.name;
    const value = a?.value;
    if (key === CART_ATTRIBUTE && typeof value === 'string' && value !== '' && value.length <= MAX_CART_ID_LENGTH) {
      return value;
    }
  }
  return null;
}

/**
 * Completes the carts that orders placed at Shopify's checkout name, as our own checkout does: status
 * `COMPLETED`, the cart linked to the order and the order to the cart. Only an active cart of the
 * tenant that has a Storefront copy changes, so a duplicate delivery, a webhook then a sync, or an
 * order naming a cart it does not own changes nothing.
 */
export async function completeCheckedOutCarts(
  trx: ShopifyTrx,
  tenantId: string,
  orders: readonly OrderRecord[],
): Promise<number> {
  const linked = orders.filter((o) => o.cartId);
  if (linked.length === 0) return 0;
  const ids = await trx
    .selectFrom('orders')
    .select(['id', 'external_id'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', SOURCE)
    .where(
      'external_id',
      'in',
      linked.map((o) => o.externalId),
    )
    .execute();
  const orderIds = new Map(ids.map((r) => [r.external_id!, r.id]));
  let completed = 0;
  for (const order of linked) {
    const orderId = orderIds.get(order.externalId);
    if (!orderId) continue;
    const cart = await trx
      .updateTable('carts')
      .set({ status: 'COMPLETED', order_id: orderId, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', order.cartId!)
      .where('status', '=', 'ACTIVE')
      .where('external_cart_id', 'is not', null)
      .returning('id')
      .executeTakeFirst();
    if (!cart) continue;
    await trx
      .updateTable('orders')
      .set({ cart_id: cart.id })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', orderId)
      .where('cart_id', 'is', null)
      .execute();
    completed += 1;
  }
  return completed;
}
