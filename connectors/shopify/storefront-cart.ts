import type { CartMirror, CartMirrorCall, CartMirrorOutcome, CheckoutUserError } from '../../src/sdk';
import type { AdminClient } from './admin-client';
import { shopifyVariants } from './checkout';
import { connectedShop } from './settings';
import {
  CART_CREATE,
  CART_QUERY,
  createInput,
  operationsDocument,
  operationsFor,
  wantedCart,
  type CartOperation,
  type StorefrontCart,
} from './storefront-cart-input';
import { storefrontClient } from './storefront-client';
import type { ShopifyTrx } from './tables';
import { mapUserErrors, type ShopifyUserError } from './write-user-errors';

interface CartPayload {
  cart: StorefrontCart | null;
  userErrors: ShopifyUserError[];
}

/** Our input path for Shopify's `lines.<i>...` of a list of lines (others: the cart). */
function linesField(variants: readonly (string | undefined)[], fieldOf: (variantId: string) => string[]) {
  return (path: readonly string[]) => {
    const i = path.indexOf('lines');
    const variant = i >= 0 ? variants[Number(path[i + 1])] : undefined;
    return variant ? fieldOf(variant) : undefined;
  };
}

/**
 * Carts of a tenant with `checkout: shopify` live in Shopify too (a Storefront API cart), so the
 * buyer checks out in Shopify at `Cart.checkoutUrl`. Every write of our cart first reads Shopify's
 * cart, then sends the mutations that make it equal to ours (lines by Shopify variant id, buyer and
 * delivery address, discount codes). Reading first is what repairs a write whose local commit failed
 * after Shopify answered: the next write finds Shopify's cart ahead of ours and brings it back.
 */
export function shopifyCartMirror(): CartMirror {
  return {
    mirrors: (ctx) => connectedShop(ctx.tenant)?.checkout === 'shopify',
    mirror: mirrorToShopify,
  };
}

async function mirrorToShopify(call: CartMirrorCall): Promise<CartMirrorOutcome> {
  const { ctx, cart, fieldOf } = call;
  const ours = cart.lines.map((l) => l.variantId);
  const variants =
    ours.length > 0 ? await shopifyVariants(call.trx as unknown as ShopifyTrx, ctx.tenant.id, ours) : new Map();
  const foreign = ours.filter((id) => !variants.has(id));
  if (foreign.length > 0) {
    const message = "This shop checks out in Shopify: only Shopify's products can join the cart";
    return { userErrors: foreign.map((id) => ({ field: fieldOf(id), code: 'MANAGED_EXTERNALLY', message })) };
  }
  const byShopifyId = new Map([...variants].map(([our, theirs]) => [theirs, our]));
  const ourVariant = (shopifyId: string | undefined) => (shopifyId ? byShopifyId.get(shopifyId) : undefined);
  const wanted = wantedCart(cart, variants);
  const reader = storefrontClient(ctx.tenant, ctx.clientAddress);
  const writer = storefrontClient(ctx.tenant, ctx.clientAddress, { retryFailures: false });
  const current = cart.externalId ? await readCart(reader, cart.externalId) : null;
  if (!current) {
    // None yet, or Shopify no longer has it (expired, or checked out there): a new one with our state.
    const input = createInput(wanted, cart.note);
    const data = await writer.query<{ cartCreate: CartPayload }>(CART_CREATE, input);
    const lines = input.input.lines.map((l) => ourVariant(l.merchandiseId));
    return outcomeOf([data.cartCreate], [linesField(lines, fieldOf)]);
  }
  const ops = operationsFor(current, wanted);
  if (ops.length === 0) return { externalId: current.id, checkoutUrl: current.checkoutUrl };
  const { document, variables } = operationsDocument(current.id, ops);
  const data = await writer.query<Record<string, CartPayload>>(document, variables);
  const fields = ops.map((op) => fieldMap(op, ourVariant, fieldOf));
  return outcomeOf(
    ops.map((_, i) => data[`op${i}`]),
    fields,
    current,
  );
}

function fieldMap(
  op: CartOperation,
  ourVariant: (shopifyId: string | undefined) => string | undefined,
  fieldOf: (variantId: string) => string[],
) {
  if (op.root !== 'cartLinesAdd') return () => undefined;
  const lines = (op.value as { merchandiseId: string }[]).map((l) => ourVariant(l.merchandiseId));
  return linesField(lines, fieldOf);
}

/**
 * Shopify's answers as the mirror's outcome: its refusals (then our change is undone; Shopify's cart
 * may hold the mutations before the refused one, which the next write's read sets right).
 */
function outcomeOf(
  payloads: readonly (CartPayload | undefined)[],
  fields: readonly ((path: readonly string[]) => string[] | undefined)[],
  before?: StorefrontCart,
): CartMirrorOutcome {
  const userErrors: CheckoutUserError[] = payloads.flatMap((p, i) =>
    mapUserErrors(p?.userErrors ?? [], fields[i], ['cartId']),
  );
  const last = [...payloads].reverse().find((p) => p?.cart)?.cart ?? before;
  if (userErrors.length > 0 || !last) {
    return { userErrors: userErrors.length > 0 ? userErrors : [unanswered] };
  }
  return { externalId: last.id, checkoutUrl: last.checkoutUrl };
}

const unanswered: CheckoutUserError = {
  field: ['cartId'],
  code: 'INVALID',
  message: 'Shopify did not return the cart',
};

async function readCart(client: AdminClient, id: string): Promise<StorefrontCart | null> {
  const data = await client.query<{ cart: StorefrontCart | null }>(CART_QUERY, { id });
  return data.cart;
}
