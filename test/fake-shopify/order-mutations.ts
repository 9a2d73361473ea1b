import type { FakeContext } from './schema';
import type { FakeOrder, FakeStore } from './store';

/**
 * The fake shop's orderCreate, fulfilment (fulfillment orders + fulfillmentCreate) and collection
 * membership mutations, with Shopify's names and payload shapes and the userErrors tests aim at: an
 * unknown variant, not enough stock, a cancelled or fulfilled order, an unknown collection or product.
 */
export const orderMutationTypeDefs = /* GraphQL */ `
  type OrderCreateUserError {
    field: [String!]
    message: String!
    code: String
  }
  input MoneyInput {
    amount: Decimal!
    currencyCode: String!
  }
  input MoneyBagInput {
    shopMoney: MoneyInput!
  }
  input TaxLineInput {
    title: String!
    rate: Decimal!
    priceSet: MoneyBagInput!
  }
  input OrderCreateLineItemInput {
    variantId: ID
    quantity: Int!
    title: String
    priceSet: MoneyBagInput
    taxLines: [TaxLineInput!]
  }
  input MailingAddressInput {
    firstName: String
    lastName: String
    company: String
    address1: String
    address2: String
    city: String
    provinceCode: String
    zip: String
    countryCode: String
    phone: String
  }
  input OrderCreateShippingLineInput {
    title: String!
    code: String
    priceSet: MoneyBagInput!
    taxLines: [TaxLineInput!]
  }
  input OrderCreateFixedDiscountCodeInput {
    code: String!
    amountSet: MoneyBagInput
  }
  input OrderCreateDiscountCodeInput {
    itemFixedDiscountCode: OrderCreateFixedDiscountCodeInput
  }
  input OrderCreateUpsertCustomerInput {
    email: String
  }
  input OrderCreateCustomerInput {
    toUpsert: OrderCreateUpsertCustomerInput
  }
  input OrderCreateOrderInput {
    currency: String
    email: String
    customer: OrderCreateCustomerInput
    financialStatus: String
    taxesIncluded: Boolean
    sourceIdentifier: String
    sourceName: String
    tags: [String!]
    lineItems: [OrderCreateLineItemInput!]
    shippingAddress: MailingAddressInput
    shippingLines: [OrderCreateShippingLineInput!]
    discountCode: OrderCreateDiscountCodeInput
  }
  input OrderCreateOptionsInput {
    inventoryBehaviour: String
    sendReceipt: Boolean
  }
  type OrderCreatePayload {
    order: Order
    userErrors: [OrderCreateUserError!]!
  }
  type FulfillmentOrderLineItem {
    id: ID!
    remainingQuantity: Int!
    lineItem: LineItem!
  }
  type FulfillmentOrderLineItemConnection {
    nodes: [FulfillmentOrderLineItem!]!
  }
  type FulfillmentOrder {
    id: ID!
    status: String!
    lineItems(first: Int): FulfillmentOrderLineItemConnection!
  }
  type FulfillmentOrderConnection {
    nodes: [FulfillmentOrder!]!
  }
  extend type Order {
    tags: [String!]!
    fulfillmentOrders(first: Int): FulfillmentOrderConnection!
  }
  input FulfillmentOrderLineItemInput {
    id: ID!
    quantity: Int!
  }
  input FulfillmentOrderLineItemsInput {
    fulfillmentOrderId: ID!
    fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]
  }
  input FulfillmentTrackingInput {
    number: String
    company: String
    url: String
  }
  input FulfillmentInput {
    lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!
    trackingInfo: FulfillmentTrackingInput
    notifyCustomer: Boolean
  }
  type Fulfillment {
    id: ID!
    status: String!
  }
  type FulfillmentCreatePayload {
    fulfillment: Fulfillment
    userErrors: [UserError!]!
  }
  type CollectionAddProductsV2UserError {
    field: [String!]
    message: String!
    code: String
  }
  type CollectionAddProductsV2Payload {
    job: Job
    userErrors: [CollectionAddProductsV2UserError!]!
  }
  type CollectionRemoveProductsPayload {
    job: Job
    userErrors: [UserError!]!
  }
  extend type Mutation {
    orderCreate(order: OrderCreateOrderInput!, options: OrderCreateOptionsInput): OrderCreatePayload
    fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload
    collectionAddProductsV2(id: ID!, productIds: [ID!]!): CollectionAddProductsV2Payload
    collectionRemoveProducts(id: ID!, productIds: [ID!]!): CollectionRemoveProductsPayload
  }
`;

type Input = Record<string, unknown>;
const error = (field: string[], message: string, code?: string) => ({ field, message, code });
const num = (id: string) => Number(id.split('/').pop());
const cents = (amount: unknown) => Math.round(Number(amount) * 100);
const amountOf = (bag: unknown) =>
  ((bag as { shopMoney?: { amount?: unknown } } | undefined)?.shopMoney?.amount ?? 0) as string;
const variantsOf = (s: FakeStore) => s.products.flatMap((p) => p.variants.map((v) => ({ product: p, variant: v })));
const stamp = (ctx: FakeContext, previous?: string) =>
  new Date(Math.max(ctx.now(), previous ? Date.parse(previous) + 1000 : 0)).toISOString();

function orderCreate(
  _: unknown,
  { order: input, options }: { order: Input; options?: Input | null },
  ctx: FakeContext,
) {
  const s = ctx.store;
  const lines = (input.lineItems ?? []) as Input[];
  const found = lines.map((l) => variantsOf(s).find((x) => x.variant.id === l.variantId));
  const missing = found.findIndex((f) => !f);
  if (missing >= 0) {
    return {
      order: null,
      userErrors: [error(['order', 'lineItems', String(missing), 'variantId'], 'Variant does not exist', 'INVALID')],
    };
  }
  const levelsOf = (item: string) => s.inventoryLevels.filter((l) => l.inventoryItemId === item);
  if (options?.inventoryBehaviour === 'DECREMENT_OBEYING_POLICY') {
    const short = lines.findIndex(
      (l, i) =>
        levelsOf(found[i]!.variant.inventoryItemId).reduce((n, x) => n + (x.quantities.available ?? 0), 0) <
        Number(l.quantity),
    );
    if (short >= 0) {
      return {
        order: null,
        userErrors: [
          error(['order', 'lineItems', String(short), 'quantity'], 'Not enough inventory', 'INVENTORY_CLAIM_FAILED'),
        ],
      };
    }
    lines.forEach((l, i) => {
      let left = Number(l.quantity);
      for (const level of levelsOf(found[i]!.variant.inventoryItemId)) {
        const take = Math.min(left, level.quantities.available ?? 0);
        level.quantities.available = (level.quantities.available ?? 0) - take;
        level.updatedAt = stamp(ctx, level.updatedAt);
        left -= take;
      }
    });
  }
  const email = (input.customer as { toUpsert?: { email?: string } } | undefined)?.toUpsert?.email ?? null;
  let customer = email ? s.customers.find((c) => c.email === email) : undefined;
  const now = stamp(ctx);
  if (email && !customer) {
    customer = {
      id: `gid://shopify/Customer/${Math.max(0, ...s.customers.map((c) => num(c.id))) + 1}`,
      firstName: null,
      lastName: null,
      email,
      phone: null,
      state: 'DISABLED',
      tags: [],
      numberOfOrders: '0',
      amountSpent: { amount: '0.00', currencyCode: s.shop.currencyCode },
      createdAt: now,
      updatedAt: now,
    };
    s.customers.push(customer);
  }
  const n = Math.max(0, ...s.orders.map((o) => num(o.id))) + 1;
  const taxes = (list: unknown) => ((list ?? []) as Input[]).reduce((t, x) => t + cents(amountOf(x.priceSet)), 0);
  const itemsTotal = lines.reduce((t, l) => t + cents(amountOf(l.priceSet)) * Number(l.quantity), 0);
  const shipping = ((input.shippingLines ?? []) as Input[]).reduce((t, x) => t + cents(amountOf(x.priceSet)), 0);
  const tax =
    lines.reduce((t, l) => t + taxes(l.taxLines), 0) +
    ((input.shippingLines ?? []) as Input[]).reduce((t, x) => t + taxes(x.taxLines), 0);
  const discount = cents(
    amountOf(
      (input.discountCode as { itemFixedDiscountCode?: { amountSet?: unknown } } | undefined)?.itemFixedDiscountCode
        ?.amountSet,
    ),
  );
  const total = itemsTotal - discount + shipping + (input.taxesIncluded ? 0 : tax);
  const order: FakeOrder = {
    id: `gid://shopify/Order/${n}`,
    name: `#${1000 + n}`,
    email,
    createdAt: now,
    updatedAt: now,
    processedAt: now,
    cancelledAt: null,
    displayFinancialStatus: (input.financialStatus as string | undefined) ?? 'PENDING',
    displayFulfillmentStatus: 'UNFULFILLED',
    currencyCode: (input.currency as string | undefined) ?? s.shop.currencyCode,
    totalPrice: (total / 100).toFixed(2),
    customerId: customer?.id ?? null,
    lineItems: lines.map((l, i) => ({
      id: `gid://shopify/LineItem/${n * 100 + i + 1}`,
      title: found[i]!.product.title,
      sku: found[i]!.variant.sku,
      quantity: Number(l.quantity),
      variantId: found[i]!.variant.id,
      productId: found[i]!.product.id,
      unitPrice: String(amountOf(l.priceSet)),
    })),
    tags: (input.tags ?? []) as string[],
    sourceIdentifier: (input.sourceIdentifier ?? null) as string | null,
    created: input,
  };
  s.orders.push(order);
  return { order, userErrors: [] };
}

const remaining = (o: FakeOrder, lineId: string, quantity: number) => quantity - (o.fulfilled?.[lineId] ?? 0);
const foId = (o: FakeOrder) => `gid://shopify/FulfillmentOrder/${num(o.id)}`;
const foLineId = (lineId: string) => `gid://shopify/FulfillmentOrderLineItem/${num(lineId)}`;

/** One fulfillment order per order, with every line item (Shopify splits them by location). */
export function fulfillmentOrders(o: FakeOrder) {
  const open = !o.cancelledAt && o.lineItems.some((l) => remaining(o, l.id, l.quantity) > 0);
  return {
    nodes: [
      {
        id: foId(o),
        status: o.cancelledAt ? 'CLOSED' : open ? 'OPEN' : 'CLOSED',
        lineItems: {
          nodes: o.lineItems.map((l) => ({
            id: foLineId(l.id),
            remainingQuantity: o.cancelledAt ? 0 : remaining(o, l.id, l.quantity),
            lineItem: l,
          })),
        },
      },
    ],
  };
}

function fulfillmentCreate(_: unknown, { fulfillment }: { fulfillment: Input }, ctx: FakeContext) {
  const groups = fulfillment.lineItemsByFulfillmentOrder as Input[];
  const first = groups[0];
  const order = ctx.store.orders.find((o) => first && foId(o) === first.fulfillmentOrderId);
  const fail = (message: string, field = ['fulfillment', 'lineItemsByFulfillmentOrder']) => ({
    fulfillment: null,
    userErrors: [error(field, message)],
  });
  if (!order) return fail('Fulfillment order does not exist.');
  if (order.cancelledAt) return fail('Fulfillment order is closed.');
  const asked =
    ((first.fulfillmentOrderLineItems ?? null) as Input[] | null) ??
    order.lineItems.map((l) => ({ id: foLineId(l.id), quantity: remaining(order, l.id, l.quantity) }));
  const plan = asked.map((a) => ({
    line: order.lineItems.find((l) => foLineId(l.id) === a.id),
    quantity: Number(a.quantity),
  }));
  const bad = plan.findIndex(
    (p) => !p.line || p.quantity < 1 || p.quantity > remaining(order, p.line.id, p.line.quantity),
  );
  if (bad >= 0 || plan.every((p) => p.quantity === 0))
    return fail('Invalid fulfillment order line item quantity requested.');
  order.fulfilled ??= {};
  for (const p of plan) order.fulfilled[p.line!.id] = (order.fulfilled[p.line!.id] ?? 0) + p.quantity;
  const done = order.lineItems.every((l) => remaining(order, l.id, l.quantity) === 0);
  order.displayFulfillmentStatus = done ? 'FULFILLED' : 'PARTIALLY_FULFILLED';
  order.updatedAt = stamp(ctx, order.updatedAt);
  order.fulfillments ??= [];
  const tracking = fulfillment.trackingInfo as { number?: string } | null | undefined;
  const created = {
    id: `gid://shopify/Fulfillment/${num(order.id) * 100 + order.fulfillments.length + 1}`,
    trackingNumber: tracking?.number ?? null,
  };
  order.fulfillments.push(created);
  return { fulfillment: { id: created.id, status: 'SUCCESS' }, userErrors: [] };
}

function membership(add: boolean) {
  return (_: unknown, args: { id: string; productIds: string[] }, ctx: FakeContext) => {
    const s = ctx.store;
    const collection = s.collections.find((c) => c.id === args.id);
    if (!collection) return { job: null, userErrors: [error(['id'], 'Collection does not exist', 'INVALID')] };
    const bad = args.productIds.findIndex((id) => !s.products.some((p) => p.id === id));
    if (bad >= 0)
      return { job: null, userErrors: [error(['productIds', String(bad)], 'Product does not exist', 'INVALID')] };
    for (const id of args.productIds) {
      const product = s.products.find((p) => p.id === id)!;
      const member = product.collectionIds.includes(collection.id);
      if (add && !member) product.collectionIds.push(collection.id);
      if (!add && member) product.collectionIds = product.collectionIds.filter((c) => c !== collection.id);
      product.updatedAt = stamp(ctx, product.updatedAt);
    }
    return { job: { id: `gid://shopify/Job/c${num(collection.id)}-${s.orders.length}`, done: false }, userErrors: [] };
  };
}

export const orderMutationResolvers = {
  Mutation: {
    orderCreate,
    fulfillmentCreate,
    collectionAddProductsV2: membership(true),
    collectionRemoveProducts: membership(false),
  },
  Order: {
    tags: (o: FakeOrder) => o.tags ?? [],
    fulfillmentOrders: (o: FakeOrder) => fulfillmentOrders(o),
  },
};
