import {
  type CheckoutCall,
  type CheckoutOutcome,
  type DraftTaxLine,
  type OrderDraft,
  type PluginRuntime,
  type UserError,
} from '../../src/sdk';
import type { AdminClient } from './admin-client';
import { toOrder } from './map-graphql';
import { LINE_ITEM_FIELDS, ORDER_FIELDS } from './resource-fields';
import { connectedShop } from './settings';
import { SOURCE, type ShopifyDb, type ShopifyTrx } from './tables';
import { upsertOrders } from './upsert-orders';
import { idsOf } from './upsert-products';
import { writeClient } from './write-client';
import { claimIntent, intentDone, intentOf, releaseIntent, restartIntent, type WriteIntent } from './write-intents';
import { mapUserErrors, type ShopifyUserError } from './write-user-errors';

import type { Kysely } from 'kysely';

type Node = Record<string, unknown>;

/** A checkout whose attempt died before Shopify answered is taken over after this long. */
export const CHECKOUT_TAKEOVER_MS = 120_000;

const ORDER_SELECTION = `${ORDER_FIELDS}
  subtotalPriceSet { shopMoney { amount currencyCode } }
  lineItems(first: 100) { nodes { ${LINE_ITEM_FIELDS} discountedTotalSet { shopMoney { amount currencyCode } } } }`;

const ORDER_CREATE = `mutation OrderCreate($order: OrderCreateOrderInput!, $options: OrderCreateOptionsInput) {
  orderCreate(order: $order, options: $options) { order { ${ORDER_SELECTION} } userErrors { field message code } } }`;

/** The order Shopify made for a cart, found by the tag every checkout order carries. */
const PLACED = `query Placed($query: String!) { orders(first: 1, query: $query) { nodes { ${ORDER_SELECTION} } } }`;

const ORDER = `query Order($id: ID!) { node(id: $id) { ... on Order { ${ORDER_SELECTION} } } }`;

/** The tag naming the cart an order was placed from (Shopify's search finds orders by tag). */
export const cartTag = (cartId: string) => `gateway-cart-${cartId}`;

/** '19' (percent) -> '0.19' (Shopify's rate), exactly. */
function rateOf(percent: string): string {
  const [whole, frac = ''] = percent.split('.');
  const digits = `${whole.padStart(3, '0')}${frac}`;
  const cut = digits.length - frac.length - 2;
  return `${digits.slice(0, cut).replace(/^0+(?=\d)/, '')}.${digits.slice(cut)}`.replace(/\.?0+$/, '') || '0';
}

const money = (amount: string, currencyCode: string) => ({ shopMoney: { amount, currencyCode } });
const taxLines = (lines: readonly DraftTaxLine[], currency: string) =>
  lines.map((t) => ({ title: t.title, rate: rateOf(t.percent), priceSet: money(t.amount, currency) }));
/** The sum of decimal strings of one currency, in minor units. */
const sum = (amounts: readonly string[]) => amounts.reduce((s, a) => s + BigInt(a.replace('.', '')), 0n).toString();

/** Minor units back to a decimal string with the draft's decimals (the amounts all share them). */
function decimal(minor: string, like: string): string {
  const decimals = like.split('.')[1]?.length ?? 0;
  if (decimals === 0) return minor;
  const negative = minor.startsWith('-');
  const digits = (negative ? minor.slice(1) : minor).padStart(decimals + 1, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * The draft as Shopify's `orderCreate` input: variants by their Shopify ids, at the price the buyer
 * saw; taxes per line and on shipping; the line discounts as one fixed discount (named by the codes)
 * and shipping at its discounted price; payment pending (Shopify collects it); stock decremented by
 * Shopify, obeying its inventory policy.
 */
export function orderInput(draft: OrderDraft, variants: ReadonlyMap<string, string>) {
  const c = draft.currency;
  const lineDiscount = sum(draft.lines.map((l) => l.discount));
  const codes = draft.discounts.map((d) => d.code ?? d.title).join(', ');
  return {
    order: {
      currency: c,
      email: draft.email,
      customer: draft.email ? { toUpsert: { email: draft.email } } : undefined,
      financialStatus: 'PENDING',
      taxesIncluded: draft.taxesIncluded,
      sourceIdentifier: draft.idempotencyKey,
      sourceName: 'retail-gateway',
      tags: [cartTag(draft.cartId)],
      lineItems: draft.lines.map((l) => ({
        variantId: variants.get(l.variantId),
        quantity: l.quantity,
        priceSet: money(l.unitPrice, c),
        taxLines: taxLines(l.taxLines, c),
      })),
      shippingAddress: draft.shippingAddress ?? undefined,
      shippingLines: draft.shippingLines.map((s) => ({
        title: s.title,
        code: s.code,
        priceSet: money(subtract(s.price, s.discount), c),
        taxLines: taxLines(s.taxLines, c),
      })),
      discountCode:
        lineDiscount !== '0'
          ? { itemFixedDiscountCode: { code: codes, amountSet: money(decimal(lineDiscount, draft.total), c) } }
          : undefined,
    },
    options: { inventoryBehaviour: 'DECREMENT_OBEYING_POLICY', sendReceipt: false },
  };
}

function subtract(a: string, b: string): string {
  return decimal((BigInt(a.replace('.', '')) - BigInt(b.replace('.', ''))).toString(), a);
}

/** Shopify's refusals on our checkout's fields: a line's stock or variant, else the cart. */
function checkoutErrors(errors: readonly ShopifyUserError[]): UserError[] {
  return mapUserErrors(
    errors,
    (path) => {
      const i = path.indexOf('lineItems');
      return i >= 0 && path[i + 1] !== undefined ? ['lines', path[i + 1], 'quantity'] : undefined;
    },
    ['cartId'],
  ).map((e, i) => ({
    ...e,
    code: /INVENTORY|STOCK/i.test(errors[i].code ?? '') ? 'NOT_ENOUGH_STOCK' : e.code,
  }));
}

/** Shopify ids of our variants (absent: a variant created here). */
export async function shopifyVariants(trx: ShopifyTrx, tenantId: string, ids: readonly string[]) {
  const rows = await trx
    .selectFrom('product_variants')
    .select(['id', 'external_id'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', SOURCE)
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.external_id!]));
}

const managed = (field: string[], message: string): CheckoutOutcome => ({
  orderId: null,
  userErrors: [{ field, code: 'MANAGED_EXTERNALLY', message }],
});

/**
 * Checkout of a cart holding Shopify's products (every cart, with `checkout: shopify`: refused, as
 * the buyer checks out at `Cart.checkoutUrl`). `mirror`: refused (the shop sells them through its
 * own checkout). `write-through`: the order is created in Shopify (`orderCreate`) and written here
 * from its answer, with the cart completed; Shopify owns payment, fulfilment and stock from then on,
 * so no stock is reserved here (Shopify decrements it, and its webhooks bring the levels back).
 * A cart with none of Shopify's products checks out here as usual (null).
 */
export function shopifyCheckout(runtime: PluginRuntime) {
  return async (call: CheckoutCall): Promise<CheckoutOutcome | null> => {
    const { ctx } = call;
    const shop = connectedShop(ctx.tenant);
    if (!shop) return null;
    // Shopify's own checkout sells every cart of such a shop; the order comes back by webhook.
    if (shop.checkout === 'shopify') {
      return managed(['cartId'], "This shop checks out in Shopify: send the buyer to the cart's checkoutUrl");
    }
    const tenantId = ctx.tenant.id;
    // Everything before Shopify's answer runs on connections of its own (see write-through.ts).
    const prepared = await runtime.withTenant<unknown, Awaited<ReturnType<CheckoutCall['prepare']>>>(tenantId, (db) =>
      call.prepare(db),
    );
    if ('userErrors' in prepared) return { orderId: null, userErrors: prepared.userErrors };
    if ('orderId' in prepared) return { orderId: prepared.orderId, userErrors: [] };
    const { draft } = prepared;
    const variants = await runtime.withTenant<ShopifyDb, Map<string, string>>(tenantId, (trx) =>
      shopifyVariants(
        trx,
        tenantId,
        draft.lines.map((l) => l.variantId),
      ),
    );
    if (variants.size === 0) return null;
    if (shop.writes === 'mirror') {
      return managed(['cartId'], 'This cart holds products managed in Shopify: check out in Shopify');
    }
    const ours = draft.lines.findIndex((l) => !variants.has(l.variantId));
    if (ours >= 0) {
      return managed(
        ['lines', String(ours), 'merchandise'],
        'A cart of products managed in Shopify is checked out there: this product cannot join it',
      );
    }
    const placed = await placeInShopify(runtime, call, draft, variants);
    if ('userErrors' in placed) return { orderId: null, userErrors: placed.userErrors };
    // Our copy from Shopify's answer, with what the cart keeps, in the request's transaction.
    return ctx.db.atomic<ShopifyDb, CheckoutOutcome>(async (trx: ShopifyTrx) => {
      await upsertOrders(trx, tenantId, [toOrder(placed.order)]);
      const orderId = (await idsOf(trx, tenantId, 'orders', [String(placed.order.id)])).get(String(placed.order.id))!;
      const userErrors = await call.complete(trx as unknown as Kysely<unknown>, orderId, draft);
      return { orderId: userErrors.length > 0 ? null : orderId, userErrors };
    });
  };
}

/**
 * Creates the order in Shopify once per cart. The intent (`checkout:<cart>`) is committed first; then:
 * - `done`: Shopify has the order (a local write failed after its answer): it is read again;
 * - `pending`: another attempt is under way, or died without Shopify's answer: Shopify is searched for
 *   the cart's order; found, it is used; not found, the attempt is refused (NOT_ALLOWED) unless it is
 *   older than CHECKOUT_TAKEOVER_MS, then this one takes over;
 * - a failed call (network, 5xx) may have created the order: Shopify is searched before answering
 *   UPSTREAM_*; the intent is released only when Shopify says it has no such order.
 */
async function placeInShopify(
  runtime: PluginRuntime,
  call: CheckoutCall,
  draft: OrderDraft,
  variants: ReadonlyMap<string, string>,
): Promise<{ order: Node } | { userErrors: UserError[] }> {
  const { ctx } = call;
  const intent: WriteIntent = {
    tenantId: ctx.tenant.id,
    key: `checkout:${draft.cartId}`,
    mutation: 'checkoutComplete',
    externalId: draft.cartId,
  };
  const admin = writeClient(ctx.tenant, { retryFailures: false });
  const claim = await claimIntent(runtime, intent);
  if (claim !== 'new') {
    const state = await intentOf(runtime, intent);
    if (state?.status === 'done' && state.resultId) {
      const order = await orderById(admin, state.resultId);
      if (order) return { order };
    }
    const found = await findPlaced(admin, draft.cartId);
    if (found) {
      await intentDone(runtime, intent, String(found.id));
      return { order: found };
    }
    if (state && Date.now() - state.createdAt.getTime() < CHECKOUT_TAKEOVER_MS) {
      return {
        userErrors: [{ field: ['cartId'], code: 'NOT_ALLOWED', message: 'This cart is already being checked out' }],
      };
    }
    await restartIntent(runtime, intent);
  }
  let payload: Node;
  try {
    const data = await admin.query<{ orderCreate: Node | null }>(ORDER_CREATE, orderInput(draft, variants));
    payload = data.orderCreate ?? {};
  } catch (error) {
    // The answer may be lost while Shopify made the order: ask before letting the client retry.
    const found = await findPlaced(admin, draft.cartId).catch(() => undefined);
    if (found) {
      await intentDone(runtime, intent, String(found.id));
      return { order: found };
    }
    if (found === null) await releaseIntent(runtime, intent);
    throw error;
  }
  const refused = (payload.userErrors ?? []) as ShopifyUserError[];
  const order = payload.order as Node | null | undefined;
  if (refused.length > 0 || !order) {
    await releaseIntent(runtime, intent);
    return { userErrors: checkoutErrors(refused) };
  }
  await intentDone(runtime, intent, String(order.id));
  return { order };
}

async function findPlaced(admin: AdminClient, cartId: string): Promise<Node | null> {
  const data = await admin.query<{ orders: { nodes: Node[] } }>(PLACED, { query: `tag:'${cartTag(cartId)}'` });
  return data.orders.nodes[0] ?? null;
}

async function orderById(admin: AdminClient, id: string): Promise<Node | null> {
  const data = await admin.query<{ node: Node | null }>(ORDER, { id });
  return data.node;
}
