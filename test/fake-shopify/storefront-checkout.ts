import type { FakeOrder, FakeStore } from './store';

/** "12.5" -> 1250n, exactly. */
function cents(amount: string): bigint {
  const [whole, fraction = ''] = amount.split('.');
  return BigInt(whole) * 100n + BigInt((fraction + '00').slice(0, 2));
}
const decimal = (c: bigint) => `${c / 100n}.${String(c % 100n).padStart(2, '0')}`;

/**
 * The buyer pays at a Storefront cart's checkout: Shopify places an order of the cart's lines at the
 * variants' prices, copies the cart's attributes onto it (`customAttributes`) with the cart's token,
 * and the cart is gone (its `cart(id:)` answers null). Answers the order.
 */
export function completeStorefrontCheckout(store: FakeStore, cartId: string, now: string): FakeOrder {
  const cart = store.carts.find((c) => c.id === cartId);
  if (!cart) throw new Error(`the fake shop has no cart ${cartId}`);
  const n = Math.max(0, ...store.orders.map((o) => Number(o.id.split('/').pop()))) + 1;
  const lines = cart.lines.map((line, i) => {
    const product = store.products.find((p) => p.variants.some((v) => v.id === line.merchandiseId))!;
    const variant = product.variants.find((v) => v.id === line.merchandiseId)!;
    return {
      id: `gid://shopify/LineItem/${n * 100 + i + 1}`,
      title: product.title,
      sku: variant.sku,
      quantity: line.quantity,
      variantId: variant.id,
      productId: product.id,
      unitPrice: variant.price,
    };
  });
  const total = lines.reduce((sum, l) => sum + cents(l.unitPrice) * BigInt(l.quantity), 0n);
  const email = cart.buyerIdentity.email;
  const order: FakeOrder = {
    id: `gid://shopify/Order/${n}`,
    name: `#${1000 + n}`,
    email,
    createdAt: now,
    updatedAt: now,
    processedAt: now,
    cancelledAt: null,
    displayFinancialStatus: 'PAID',
    displayFulfillmentStatus: 'UNFULFILLED',
    currencyCode: store.shop.currencyCode,
    totalPrice: decimal(total),
    customerId: (email && store.customers.find((c) => c.email === email)?.id) || null,
    lineItems: lines,
    customAttributes: cart.attributes.map((a) => ({ ...a })),
    cartToken: cart.token,
  };
  store.orders.push(order);
  store.carts = store.carts.filter((c) => c !== cart);
  return order;
}

const numericId = (gid: string | null) => (gid ? Number(gid.split('/').pop()) : null);

/** The `orders/create` webhook body Shopify sends for the order (REST shape: `cart_token`, `note_attributes`). */
export function orderWebhookBody(order: FakeOrder): Record<string, unknown> {
  return {
    id: numericId(order.id),
    admin_graphql_api_id: order.id,
    name: order.name,
    email: order.email,
    currency: order.currencyCode,
    financial_status: order.displayFinancialStatus.toLowerCase(),
    fulfillment_status: null,
    subtotal_price: order.totalPrice,
    total_price: order.totalPrice,
    created_at: order.createdAt,
    updated_at: order.updatedAt,
    cancelled_at: order.cancelledAt,
    customer: order.customerId ? { id: numericId(order.customerId) } : null,
    cart_token: order.cartToken ?? null,
    note_attributes: (order.customAttributes ?? []).map((a) => ({ name: a.key, value: a.value })),
    line_items: order.lineItems.map((l) => ({
      id: numericId(l.id),
      title: l.title,
      sku: l.sku,
      quantity: l.quantity,
      price: l.unitPrice,
      product_id: numericId(l.productId),
      variant_id: numericId(l.variantId),
    })),
  };
}
