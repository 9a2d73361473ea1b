import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import type { FakeCart, FakeStore } from './store';

/**
 * A subset of Shopify's Storefront API: the cart, its line, buyer identity and discount code
 * and attribute mutations, with Shopify's names, input and payload shapes, and userErrors for unknown variants,
 * lines and carts. Lines of one variant merge, as Shopify's do.
 */
const typeDefs = /* GraphQL */ `
  scalar URL
  scalar CountryCode
  type ProductVariant {
    id: ID!
    title: String!
  }
  union Merchandise = ProductVariant
  interface BaseCartLine {
    id: ID!
    quantity: Int!
    merchandise: Merchandise!
  }
  type CartLine implements BaseCartLine {
    id: ID!
    quantity: Int!
    merchandise: Merchandise!
  }
  type BaseCartLineConnection {
    nodes: [BaseCartLine!]!
  }
  type MailingAddress {
    firstName: String
    lastName: String
    company: String
    address1: String
    address2: String
    city: String
    provinceCode: String
    zip: String
    countryCodeV2: CountryCode
    phone: String
  }
  union DeliveryAddress = MailingAddress
  type CartBuyerIdentity {
    email: String
    phone: String
    countryCode: CountryCode
    deliveryAddressPreferences: [DeliveryAddress!]!
  }
  type CartDiscountCode {
    code: String!
    applicable: Boolean!
  }
  type Attribute {
    key: String!
    value: String
  }
  input AttributeInput {
    key: String!
    value: String!
  }
  type Cart {
    id: ID!
    checkoutUrl: URL!
    note: String
    totalQuantity: Int!
    lines(first: Int): BaseCartLineConnection!
    buyerIdentity: CartBuyerIdentity!
    discountCodes: [CartDiscountCode!]!
    attributes: [Attribute!]!
  }
  type CartUserError {
    field: [String!]
    message: String!
    code: String
  }
  input CartLineInput {
    merchandiseId: ID!
    quantity: Int
  }
  input CartLineUpdateInput {
    id: ID!
    quantity: Int
  }
  input MailingAddressInput {
    firstName: String
    lastName: String
    company: String
    address1: String
    address2: String
    city: String
    province: String
    zip: String
    country: String
    phone: String
  }
  input DeliveryAddressInput {
    deliveryAddress: MailingAddressInput
  }
  input CartBuyerIdentityInput {
    email: String
    phone: String
    countryCode: CountryCode
    deliveryAddressPreferences: [DeliveryAddressInput!]
  }
  input CartInput {
    lines: [CartLineInput!]
    buyerIdentity: CartBuyerIdentityInput
    discountCodes: [String!]
    attributes: [AttributeInput!]
    note: String
  }
  type CartPayload {
    cart: Cart
    userErrors: [CartUserError!]!
  }
  type Query {
    cart(id: ID!): Cart
  }
  type Mutation {
    cartCreate(input: CartInput): CartPayload
    cartLinesAdd(cartId: ID!, lines: [CartLineInput!]!): CartPayload
    cartLinesUpdate(cartId: ID!, lines: [CartLineUpdateInput!]!): CartPayload
    cartLinesRemove(cartId: ID!, lineIds: [ID!]!): CartPayload
    cartBuyerIdentityUpdate(cartId: ID!, buyerIdentity: CartBuyerIdentityInput!): CartPayload
    cartDiscountCodesUpdate(cartId: ID!, discountCodes: [String!]): CartPayload
    cartAttributesUpdate(cartId: ID!, attributes: [AttributeInput!]!): CartPayload
  }
`;

export interface StorefrontContext {
  store: FakeStore;
}

type LineInput = { merchandiseId: string; quantity?: number | null };
type BuyerInput = {
  email?: string | null;
  phone?: string | null;
  countryCode?: string | null;
  deliveryAddressPreferences?: { deliveryAddress?: Record<string, string | null> | null }[] | null;
};
type UserError = { field: string[]; message: string; code: string };

let nextId = 1;

const variantOf = (store: FakeStore, id: string) =>
  store.products.flatMap((p) => p.variants).find((v) => v.id === id) ?? null;

function cartOf(store: FakeStore, id: string): FakeCart | undefined {
  return store.carts.find((c) => c.id === id);
}

/** Unknown variants refuse the whole call, as Shopify's do (nothing is added). */
function unknownLines(store: FakeStore, lines: readonly LineInput[], prefix: string[]): UserError[] {
  return lines.flatMap((line, i) =>
    variantOf(store, line.merchandiseId)
      ? []
      : [
          {
            field: [...prefix, String(i), 'merchandiseId'],
            message: `The merchandise with id ${line.merchandiseId} does not exist.`,
            code: 'INVALID',
          },
        ],
  );
}

function addLines(cart: FakeCart, lines: readonly LineInput[]) {
  for (const line of lines) {
    const existing = cart.lines.find((l) => l.merchandiseId === line.merchandiseId);
    if (existing) existing.quantity += line.quantity ?? 1;
    else
      cart.lines.push({
        id: `gid://shopify/CartLine/${nextId++}?cart=${cart.token}`,
        merchandiseId: line.merchandiseId,
        quantity: line.quantity ?? 1,
      });
  }
}

function setBuyer(cart: FakeCart, input: BuyerInput) {
  const address = input.deliveryAddressPreferences?.[0]?.deliveryAddress;
  cart.buyerIdentity = {
    email: input.email ?? null,
    phone: input.phone ?? null,
    countryCode: input.countryCode ?? null,
    deliveryAddressPreferences: address ? [address] : [],
  };
}

const noCart = (): { cart: null; userErrors: UserError[] } => ({
  cart: null,
  userErrors: [{ field: ['cartId'], message: 'The specified cart does not exist.', code: 'INVALID' }],
});

/** Runs `change` on the cart named by `cartId`, unless it does not exist. */
function onCart(
  store: FakeStore,
  cartId: string,
  change: (cart: FakeCart) => UserError[],
): { cart: FakeCart | null; userErrors: UserError[] } {
  const cart = cartOf(store, cartId);
  if (!cart) return noCart();
  const userErrors = change(cart);
  return { cart, userErrors };
}

const resolvers = {
  BaseCartLine: { __resolveType: () => 'CartLine' },
  Merchandise: { __resolveType: () => 'ProductVariant' },
  DeliveryAddress: { __resolveType: () => 'MailingAddress' },
  MailingAddress: {
    provinceCode: (a: Record<string, string | null>) => a.province ?? null,
    countryCodeV2: (a: Record<string, string | null>) => a.country ?? null,
  },
  CartLine: {
    merchandise: (line: { merchandiseId: string }, _: unknown, ctx: StorefrontContext) =>
      variantOf(ctx.store, line.merchandiseId) ?? { id: line.merchandiseId, title: 'Deleted' },
  },
  Cart: {
    checkoutUrl: (cart: FakeCart, _: unknown, ctx: StorefrontContext) =>
      `https://${ctx.store.shop.myshopifyDomain}/cart/c/${cart.token}?key=fake`,
    totalQuantity: (cart: FakeCart) => cart.lines.reduce((n, l) => n + l.quantity, 0),
    lines: (cart: FakeCart) => ({ nodes: cart.lines }),
    discountCodes: (cart: FakeCart) => cart.discountCodes.map((code) => ({ code, applicable: false })),
  },
  Query: {
    cart: (_: unknown, args: { id: string }, ctx: StorefrontContext) => cartOf(ctx.store, args.id) ?? null,
  },
  Mutation: {
    cartCreate: (
      _: unknown,
      args: { input?: { lines?: LineInput[] } & Record<string, unknown> },
      ctx: StorefrontContext,
    ) => {
      const input = args.input ?? {};
      const refused = unknownLines(ctx.store, input.lines ?? [], ['input', 'lines']);
      if (refused.length > 0) return { cart: null, userErrors: refused };
      const token = `c1-fake${nextId++}`;
      const cart: FakeCart = {
        id: `gid://shopify/Cart/${token}?key=fake`,
        token,
        lines: [],
        buyerIdentity: { email: null, phone: null, countryCode: null, deliveryAddressPreferences: [] },
        discountCodes: (input.discountCodes as string[] | undefined) ?? [],
        note: (input.note as string | undefined) ?? null,
        attributes: (input.attributes as FakeCart['attributes'] | undefined) ?? [],
      };
      addLines(cart, input.lines ?? []);
      if (input.buyerIdentity) setBuyer(cart, input.buyerIdentity);
      ctx.store.carts.push(cart);
      return { cart, userErrors: [] };
    },
    cartLinesAdd: (_: unknown, args: { cartId: string; lines: LineInput[] }, ctx: StorefrontContext) =>
      onCart(ctx.store, args.cartId, (cart) => {
        const refused = unknownLines(ctx.store, args.lines, ['lines']);
        if (refused.length === 0) addLines(cart, args.lines);
        return refused;
      }),
    cartLinesUpdate: (
      _: unknown,
      args: { cartId: string; lines: { id: string; quantity?: number | null }[] },
      ctx: StorefrontContext,
    ) =>
      onCart(ctx.store, args.cartId, (cart) => {
        const refused = args.lines.flatMap((l, i) =>
          cart.lines.some((line) => line.id === l.id)
            ? []
            : [{ field: ['lines', String(i), 'id'], message: 'The merchandise line does not exist.', code: 'INVALID' }],
        );
        if (refused.length > 0) return refused;
        for (const l of args.lines) cart.lines.find((line) => line.id === l.id)!.quantity = l.quantity ?? 1;
        cart.lines = cart.lines.filter((line) => line.quantity > 0);
        return [];
      }),
    cartLinesRemove: (_: unknown, args: { cartId: string; lineIds: string[] }, ctx: StorefrontContext) =>
      onCart(ctx.store, args.cartId, (cart) => {
        cart.lines = cart.lines.filter((line) => !args.lineIds.includes(line.id));
        return [];
      }),
    cartBuyerIdentityUpdate: (
      _: unknown,
      args: { cartId: string; buyerIdentity: BuyerInput },
      ctx: StorefrontContext,
    ) =>
      onCart(ctx.store, args.cartId, (cart) => {
        setBuyer(cart, args.buyerIdentity);
        return [];
      }),
    cartDiscountCodesUpdate: (
      _: unknown,
      args: { cartId: string; discountCodes?: string[] | null },
      ctx: StorefrontContext,
    ) =>
      onCart(ctx.store, args.cartId, (cart) => {
        cart.discountCodes = args.discountCodes ?? [];
        return [];
      }),
    cartAttributesUpdate: (
      _: unknown,
      args: { cartId: string; attributes: FakeCart['attributes'] },
      ctx: StorefrontContext,
    ) =>
      onCart(ctx.store, args.cartId, (cart) => {
        cart.attributes = args.attributes;
        return [];
      }),
  },
};

export function buildStorefrontSchema(): GraphQLSchema {
  return makeExecutableSchema({ typeDefs, resolvers });
}
