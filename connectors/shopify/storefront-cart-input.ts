import type { DraftAddress, MirroredCart } from '../../src/sdk';
import { CART_ATTRIBUTE } from './checked-out-carts';

/** A Storefront API cart as the mirror reads it (`cart(id:)` and every mutation's `cart`). */
export interface StorefrontCart {
  id: string;
  checkoutUrl: string;
  lines: { nodes: { id: string; quantity: number; merchandise: { id?: string } }[] };
  buyerIdentity: {
    email: string | null;
    phone: string | null;
    countryCode: string | null;
    deliveryAddressPreferences: Partial<Record<string, string | null>>[];
  };
  discountCodes: { code: string }[];
  attributes: { key: string; value: string | null }[];
}

const ADDRESS_FIELDS = 'firstName lastName company address1 address2 city provinceCode zip countryCodeV2 phone';

export const CART_FIELDS = `id checkoutUrl
  lines(first: 250) { nodes { id quantity merchandise { ... on ProductVariant { id } } } }
  buyerIdentity { email phone countryCode deliveryAddressPreferences { ... on MailingAddress { ${ADDRESS_FIELDS} } } }
  discountCodes { code }
  attributes { key value }`;

export const CART_QUERY = `query MirroredCart($id: ID!) { cart(id: $id) { ${CART_FIELDS} } }`;

const PAYLOAD = `cart { ${CART_FIELDS} } userErrors { field code message }`;

export const CART_CREATE = `mutation MirrorCartCreate($input: CartInput!) { cartCreate(input: $input) { ${PAYLOAD} } }`;

/** Our cart as Shopify's inputs: lines by Shopify variant id, the buyer with the delivery address. */
export interface WantedCart {
  /** Shopify variant id -> quantity, in our lines' order. */
  lines: Map<string, number>;
  buyerIdentity: {
    email: string | null;
    phone: string | null;
    countryCode: string | null;
    deliveryAddressPreferences: { deliveryAddress: Record<string, string | null> }[];
  };
  discountCodes: string[];
  /** The cart attributes Shopify copies onto the order: our cart's id, so the order finds its cart. */
  attributes: { key: string; value: string }[];
}

function mailingAddress(a: DraftAddress): Record<string, string | null> {
  return {
    firstName: a.firstName,
    lastName: a.lastName,
    company: a.company,
    address1: a.address1,
    address2: a.address2,
    city: a.city,
    province: a.provinceCode,
    zip: a.zip,
    country: a.countryCode,
    phone: a.phone,
  };
}

export function wantedCart(cart: MirroredCart, variants: ReadonlyMap<string, string>): WantedCart {
  return {
    lines: new Map(cart.lines.map((l) => [variants.get(l.variantId)!, l.quantity])),
    buyerIdentity: {
      email: cart.email,
      phone: cart.phone,
      countryCode: cart.countryCode,
      deliveryAddressPreferences: cart.deliveryAddress
        ? [{ deliveryAddress: mailingAddress(cart.deliveryAddress) }]
        : [],
    },
    discountCodes: cart.discountCodes,
    attributes: [{ key: CART_ATTRIBUTE, value: cart.id }],
  };
}

export function createInput(wanted: WantedCart, note: string | null) {
  return {
    input: {
      lines: [...wanted.lines].map(([merchandiseId, quantity]) => ({ merchandiseId, quantity })),
      buyerIdentity: wanted.buyerIdentity,
      discountCodes: wanted.discountCodes,
      attributes: wanted.attributes,
      ...(note ? { note } : {}),
    },
  };
}

/** The buyer as comparable text: what we would send, and what Shopify answered, in one shape. */
function buyerKey(b: WantedCart['buyerIdentity'] | StorefrontCart['buyerIdentity']): string {
  const address = b.deliveryAddressPreferences[0];
  const a =
    address && 'deliveryAddress' in address ? (address.deliveryAddress as Record<string, string | null>) : address;
  const fields = a
    ? [a.firstName, a.lastName, a.company, a.address1, a.address2, a.city, a.province ?? a.provinceCode, a.zip]
        .concat([a.country ?? a.countryCodeV2, a.phone])
        .map((v) => v ?? null)
    : null;
  return JSON.stringify([b.email ?? null, b.phone ?? null, b.countryCode ?? null, fields]);
}

/** One Storefront mutation of the changes that bring Shopify's cart to ours. */
export interface CartOperation {
  root:
    | 'cartLinesRemove'
    | 'cartLinesUpdate'
    | 'cartLinesAdd'
    | 'cartBuyerIdentityUpdate'
    | 'cartDiscountCodesUpdate'
    | 'cartAttributesUpdate';
  /** The argument beside `cartId`, and its GraphQL type. */
  arg: string;
  type: string;
  value: unknown;
}

/** What differs between Shopify's cart and ours, as Storefront mutations (none when they agree). */
export function operationsFor(current: StorefrontCart, wanted: WantedCart): CartOperation[] {
  const ops: CartOperation[] = [];
  const have = new Map(current.lines.nodes.map((l) => [l.merchandise.id ?? '', l]));
  const remove = current.lines.nodes.filter((l) => !wanted.lines.has(l.merchandise.id ?? '')).map((l) => l.id);
  const update = [...wanted.lines]
    .filter(([variant, quantity]) => have.has(variant) && have.get(variant)!.quantity !== quantity)
    .map(([variant, quantity]) => ({ id: have.get(variant)!.id, quantity }));
  const add = [...wanted.lines]
    .filter(([variant]) => !have.has(variant))
    .map(([merchandiseId, quantity]) => ({ merchandiseId, quantity }));
  if (remove.length > 0) ops.push({ root: 'cartLinesRemove', arg: 'lineIds', type: '[ID!]!', value: remove });
  if (update.length > 0)
    ops.push({ root: 'cartLinesUpdate', arg: 'lines', type: '[CartLineUpdateInput!]!', value: update });
  if (add.length > 0) ops.push({ root: 'cartLinesAdd', arg: 'lines', type: '[CartLineInput!]!', value: add });
  if (buyerKey(current.buyerIdentity) !== buyerKey(wanted.buyerIdentity)) {
    const value = wanted.buyerIdentity;
    ops.push({ root: 'cartBuyerIdentityUpdate', arg: 'buyerIdentity', type: 'CartBuyerIdentityInput!', value });
  }
  const codes = current.discountCodes.map((c) => c.code.toUpperCase());
  if (JSON.stringify(codes) !== JSON.stringify(wanted.discountCodes.map((c) => c.toUpperCase()))) {
    const value = wanted.discountCodes;
    ops.push({ root: 'cartDiscountCodesUpdate', arg: 'discountCodes', type: '[String!]!', value });
  }
  // A copy made before carts carried the attribute gets it (ours are the cart's only attributes).
  const attributes = (current.attributes ?? []).map((a) => [a.key, a.value]);
  if (JSON.stringify(attributes) !== JSON.stringify(wanted.attributes.map((a) => [a.key, a.value]))) {
    const value = wanted.attributes;
    ops.push({ root: 'cartAttributesUpdate', arg: 'attributes', type: '[AttributeInput!]!', value });
  }
  return ops;
}

/** The operations as one document (mutations run in order), each root aliased `op<i>`. */
export function operationsDocument(cartId: string, ops: readonly CartOperation[]) {
  const vars = ops.map((op, i) => `$v${i}: ${op.type}`).join(', ');
  const fields = ops.map((op, i) => `op${i}: ${op.root}(cartId: $cartId, ${op.arg}: $v${i}) { ${PAYLOAD} }`);
  return {
    document: `mutation MirrorCart($cartId: ID!, ${vars}) {\n  ${fields.join('\n  ')}\n}`,
    variables: Object.fromEntries([['cartId', cartId], ...ops.map((op, i) => [`v${i}`, op.value])]),
  };
}
