import type { FakeContext } from './schema';
import type { FakeProduct, FakeStore, FakeVariant } from './store';

/**
 * Admin API write mutations of the fake shop, with Shopify's names, inputs and payload shapes, and
 * the userErrors the tests aim at: a blank title, a negative price, an unknown record or location.
 */
export const mutationTypeDefs = /* GraphQL */ `
  type UserError {
    field: [String!]
    message: String!
  }
  type ProductVariantsBulkUpdateUserError {
    field: [String!]
    message: String!
    code: String
  }
  type InventoryUserError {
    field: [String!]
    message: String!
    code: String
  }
  input ProductUpdateInput {
    id: ID!
    title: String
    handle: String
    descriptionHtml: String
    vendor: String
    productType: String
    tags: [String!]
    status: ProductStatus
  }
  type ProductUpdatePayload {
    product: Product
    userErrors: [UserError!]!
  }
  input InventoryItemInput {
    sku: String
  }
  input ProductVariantsBulkInput {
    id: ID
    price: Decimal
    compareAtPrice: Decimal
    inventoryItem: InventoryItemInput
  }
  type ProductVariantsBulkUpdatePayload {
    product: Product
    productVariants: [ProductVariant!]
    userErrors: [ProductVariantsBulkUpdateUserError!]!
  }
  input InventoryChangeInput {
    delta: Int!
    inventoryItemId: ID!
    locationId: ID!
  }
  input InventoryAdjustQuantitiesInput {
    name: String!
    reason: String!
    changes: [InventoryChangeInput!]!
  }
  input InventoryQuantityInput {
    inventoryItemId: ID!
    locationId: ID!
    quantity: Int!
  }
  input InventorySetQuantitiesInput {
    name: String!
    reason: String!
    ignoreCompareQuantity: Boolean
    quantities: [InventoryQuantityInput!]!
  }
  type InventoryChange {
    name: String!
    delta: Int!
    quantityAfterChange: Int
    item: InventoryItem
    location: Location
  }
  type InventoryAdjustmentGroup {
    createdAt: DateTime!
    reason: String!
    changes: [InventoryChange!]!
  }
  type InventoryAdjustQuantitiesPayload {
    inventoryAdjustmentGroup: InventoryAdjustmentGroup
    userErrors: [InventoryUserError!]!
  }
  type InventorySetQuantitiesPayload {
    inventoryAdjustmentGroup: InventoryAdjustmentGroup
    userErrors: [InventoryUserError!]!
  }
  input CustomerInput {
    id: ID
    firstName: String
    lastName: String
    email: String
    phone: String
  }
  type CustomerUpdatePayload {
    customer: Customer
    userErrors: [UserError!]!
  }
  enum OrderCancelReason {
    CUSTOMER
    DECLINED
    FRAUD
    INVENTORY
    OTHER
    STAFF
  }
  type Job {
    id: ID!
    done: Boolean!
  }
  type OrderCancelUserError {
    field: [String!]
    message: String!
    code: String
  }
  type OrderCancelPayload {
    job: Job
    orderCancelUserErrors: [OrderCancelUserError!]!
  }
  input CollectionInput {
    id: ID
    title: String
    handle: String
    descriptionHtml: String
  }
  type CollectionUpdatePayload {
    collection: Collection
    userErrors: [UserError!]!
  }
  extend type Mutation {
    customerUpdate(input: CustomerInput!): CustomerUpdatePayload
    orderCancel(
      orderId: ID!
      reason: OrderCancelReason!
      refund: Boolean!
      restock: Boolean!
      notifyCustomer: Boolean
    ): OrderCancelPayload
    collectionUpdate(input: CollectionInput!): CollectionUpdatePayload
    productUpdate(product: ProductUpdateInput!): ProductUpdatePayload
    productVariantsBulkUpdate(productId: ID!, variants: [ProductVariantsBulkInput!]!): ProductVariantsBulkUpdatePayload
    inventoryAdjustQuantities(input: InventoryAdjustQuantitiesInput!): InventoryAdjustQuantitiesPayload
    inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
  }
`;

type Input = Record<string, unknown>;
const error = (field: string[], message: string, code?: string) => ({ field, message, code });

/** A record's new updatedAt: the fake's now, but always after the version it had. */
function bump(ctx: FakeContext, previous: string): string {
  return new Date(Math.max(ctx.now(), Date.parse(previous) + 1000)).toISOString();
}

function productUpdate(_: unknown, { product: input }: { product: Input }, ctx: FakeContext) {
  const product = ctx.store.products.find((p) => p.id === input.id);
  if (!product) return { product: null, userErrors: [error(['product', 'id'], 'Product does not exist')] };
  if (typeof input.title === 'string' && input.title.trim() === '') {
    return { product: null, userErrors: [error(['product', 'title'], "Title can't be blank")] };
  }
  const fields = ['title', 'handle', 'descriptionHtml', 'vendor', 'productType', 'tags', 'status'] as const;
  for (const f of fields) if (input[f] != null) (product as unknown as Input)[f] = input[f];
  product.updatedAt = bump(ctx, product.updatedAt);
  return { product, userErrors: [] };
}

function productVariantsBulkUpdate(_: unknown, args: { productId: string; variants: Input[] }, ctx: FakeContext) {
  const product = ctx.store.products.find((p) => p.id === args.productId);
  if (!product) return { userErrors: [error(['productId'], 'Product does not exist', 'PRODUCT_DOES_NOT_EXIST')] };
  const errors = args.variants.flatMap((v, i) => {
    if (!product.variants.some((x) => x.id === v.id)) {
      return [error(['variants', String(i), 'id'], 'Product variant does not exist', 'PRODUCT_VARIANT_DOES_NOT_EXIST')];
    }
    return v.price != null && Number(v.price) < 0
      ? [
          error(
            ['variants', String(i), 'price'],
            'Price must be greater than or equal to 0',
            'GREATER_THAN_OR_EQUAL_TO',
          ),
        ]
      : [];
  });
  if (errors.length > 0) return { product: null, productVariants: null, userErrors: errors };
  const changed = args.variants.map((v) =>
    updateVariant(
      ctx,
      product.variants.find((x) => x.id === v.id)!,
      v,
    ),
  );
  product.updatedAt = bump(ctx, product.updatedAt);
  return { product, productVariants: changed, userErrors: [] };
}

function updateVariant(ctx: FakeContext, variant: FakeVariant, input: Input): FakeVariant {
  if (typeof input.price === 'string') variant.price = input.price;
  if (input.compareAtPrice !== undefined) variant.compareAtPrice = input.compareAtPrice as string | null;
  const sku = (input.inventoryItem as Input | null)?.sku;
  if (sku !== undefined) variant.sku = sku as string | null;
  variant.updatedAt = bump(ctx, variant.updatedAt);
  return variant;
}

/** Applies stock changes to `available`, or answers the userErrors of the first bad one. */
function changeStock(
  ctx: FakeContext,
  reason: string,
  changes: { inventoryItemId: string; locationId: string; quantity: (current: number) => number }[],
  listField: string,
) {
  const s = ctx.store;
  const errors = changes.flatMap((c, i) => {
    if (!s.locations.some((l) => l.id === c.locationId)) {
      return [
        error(
          ['input', listField, String(i), 'locationId'],
          'The specified location could not be found.',
          'INVALID_LOCATION',
        ),
      ];
    }
    return variantsOf(s).some((v) => v.inventoryItemId === c.inventoryItemId)
      ? []
      : [
          error(
            ['input', listField, String(i), 'inventoryItemId'],
            'The specified inventory item could not be found.',
            'INVALID_INVENTORY_ITEM',
          ),
        ];
  });
  if (errors.length > 0) return { inventoryAdjustmentGroup: null, userErrors: errors };
  const createdAt = new Date(ctx.now()).toISOString();
  const applied = changes.map((c) => {
    let level = s.inventoryLevels.find((l) => l.inventoryItemId === c.inventoryItemId && l.locationId === c.locationId);
    if (!level) {
      level = {
        id: `gid://shopify/InventoryLevel/${s.inventoryLevels.length + 1}`,
        inventoryItemId: c.inventoryItemId,
        locationId: c.locationId,
        quantities: {},
        updatedAt: createdAt,
      };
      s.inventoryLevels.push(level);
    }
    const before = level.quantities.available ?? 0;
    level.quantities.available = c.quantity(before);
    level.updatedAt = bump(ctx, level.updatedAt);
    return {
      name: 'available',
      delta: level.quantities.available - before,
      quantityAfterChange: level.quantities.available,
      item: { id: c.inventoryItemId },
      location: s.locations.find((l) => l.id === c.locationId),
      updatedAt: level.updatedAt,
    };
  });
  const latest = applied
    .map((a) => a.updatedAt)
    .sort()
    .pop()!;
  return { inventoryAdjustmentGroup: { createdAt: latest, reason, changes: applied }, userErrors: [] };
}

const variantsOf = (s: FakeStore) => s.products.flatMap((p: FakeProduct) => p.variants);

function customerUpdate(_: unknown, { input }: { input: Input }, ctx: FakeContext) {
  const customer = ctx.store.customers.find((c) => c.id === input.id);
  if (!customer) return { customer: null, userErrors: [error(['id'], 'Customer does not exist')] };
  if (typeof input.email === 'string' && !input.email.includes('@')) {
    return { customer: null, userErrors: [error(['email'], 'Email is invalid')] };
  }
  for (const f of ['firstName', 'lastName', 'email', 'phone'] as const) {
    if (typeof input[f] === 'string') customer[f] = input[f];
  }
  customer.updatedAt = bump(ctx, customer.updatedAt);
  return { customer, userErrors: [] };
}

function orderCancel(_: unknown, args: { orderId: string }, ctx: FakeContext) {
  const order = ctx.store.orders.find((o) => o.id === args.orderId);
  if (!order) return { job: null, orderCancelUserErrors: [error(['orderId'], 'Order does not exist', 'NOT_FOUND')] };
  if (order.cancelledAt) {
    return { job: null, orderCancelUserErrors: [error(['orderId'], 'Order has already been cancelled', 'INVALID')] };
  }
  order.updatedAt = bump(ctx, order.updatedAt);
  order.cancelledAt = order.updatedAt;
  return { job: { id: `gid://shopify/Job/${order.id.split('/').pop()}`, done: true }, orderCancelUserErrors: [] };
}

function collectionUpdate(_: unknown, { input }: { input: Input }, ctx: FakeContext) {
  const collection = ctx.store.collections.find((c) => c.id === input.id);
  if (!collection) return { collection: null, userErrors: [error(['input', 'id'], 'Collection does not exist')] };
  if (typeof input.title === 'string' && input.title.trim() === '') {
    return { collection: null, userErrors: [error(['input', 'title'], "Title can't be blank")] };
  }
  if (typeof input.title === 'string') collection.title = input.title;
  if (typeof input.handle === 'string') collection.handle = input.handle;
  collection.updatedAt = bump(ctx, collection.updatedAt);
  return { collection, userErrors: [] };
}

export const mutationResolvers = {
  productUpdate,
  customerUpdate,
  orderCancel,
  collectionUpdate,
  productVariantsBulkUpdate,
  inventoryAdjustQuantities: (
    _: unknown,
    { input }: { input: { reason: string; changes: Input[] } },
    ctx: FakeContext,
  ) =>
    changeStock(
      ctx,
      input.reason,
      input.changes.map((c) => ({
        inventoryItemId: String(c.inventoryItemId),
        locationId: String(c.locationId),
        quantity: (current) => current + Number(c.delta),
      })),
      'changes',
    ),
  inventorySetQuantities: (
    _: unknown,
    { input }: { input: { reason: string; quantities: Input[] } },
    ctx: FakeContext,
  ) =>
    changeStock(
      ctx,
      input.reason,
      input.quantities.map((q) => ({
        inventoryItemId: String(q.inventoryItemId),
        locationId: String(q.locationId),
        quantity: () => Number(q.quantity),
      })),
      'quantities',
    ),
};
