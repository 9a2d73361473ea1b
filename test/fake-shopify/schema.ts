import { makeExecutableSchema } from '@graphql-tools/schema';
import type { GraphQLSchema } from 'graphql';
import { connection, type ConnectionArgs } from './connection';
import { mutationResolvers, mutationTypeDefs } from './mutations';
import { orderMutationResolvers, orderMutationTypeDefs } from './order-mutations';
import type { FakeInventoryLevel, FakeStore, FakeVariant } from './store';

/** What resolvers see: the store, whether this is a bulk run, and the bulk operations of the shop. */
export interface FakeContext {
  store: FakeStore;
  bulk: boolean;
  startBulk(query: string): unknown;
  findBulk(id: string): unknown;
  currentBulk(): unknown;
  /** The fake's clock (ms): write mutations stamp records with it. */
  now(): number;
}

const conn = (t: string) => `
  type ${t}Connection { nodes: [${t}!]! edges: [${t}Edge!]! pageInfo: PageInfo! }
  type ${t}Edge { node: ${t}! cursor: String! }`;
const page = 'first: Int, after: String';
const search = `${page}, query: String, reverse: Boolean`;

/** A subset of Shopify's Admin schema: the fields the connector's queries select, same names and types. */
const typeDefs = /* GraphQL */ `
  scalar DateTime
  scalar Decimal
  scalar URL
  scalar HTML
  scalar UnsignedInt64
  interface Node { id: ID! }
  type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
  type MoneyV2 { amount: Decimal! currencyCode: String! }
  type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
  type Shop { id: ID! name: String! myshopifyDomain: String! currencyCode: String! }
  enum ProductStatus { ACTIVE DRAFT ARCHIVED }
  enum ProductSortKeys { ID TITLE UPDATED_AT CREATED_AT }
  enum CustomerSortKeys { ID NAME UPDATED_AT CREATED_AT }
  enum OrderSortKeys { ID PROCESSED_AT UPDATED_AT CREATED_AT }
  enum CustomerState { DISABLED INVITED ENABLED DECLINED }
  enum BulkOperationStatus { CREATED RUNNING COMPLETED CANCELING CANCELED FAILED EXPIRED }
  enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }
  type SelectedOption { name: String! value: String! }
  type Product implements Node {
    id: ID! title: String! handle: String! status: ProductStatus! vendor: String! productType: String!
    tags: [String!]! descriptionHtml: HTML! createdAt: DateTime! updatedAt: DateTime!
    variants(${page}): ProductVariantConnection! collections(${page}): CollectionConnection!
    metafields(${page}): MetafieldConnection!
  }
  type Metafield implements Node { id: ID! namespace: String! key: String! type: String! value: String! updatedAt: DateTime! }
  type ProductVariant implements Node {
    id: ID! title: String! sku: String barcode: String price: Decimal! compareAtPrice: Decimal position: Int!
    inventoryQuantity: Int selectedOptions: [SelectedOption!]! inventoryItem: InventoryItem! product: Product!
    createdAt: DateTime! updatedAt: DateTime! metafields(${page}): MetafieldConnection!
  }
  type Collection implements Node { id: ID! title: String! handle: String! updatedAt: DateTime! }
  type InventoryItem implements Node {
    id: ID! sku: String tracked: Boolean! updatedAt: DateTime! inventoryLevels(${page}): InventoryLevelConnection!
  }
  type LocationAddress { address1: String city: String provinceCode: String countryCode: String zip: String }
  type Location implements Node {
    id: ID! name: String! isActive: Boolean! address: LocationAddress! createdAt: DateTime! updatedAt: DateTime!
    inventoryLevels(${page}): InventoryLevelConnection!
  }
  type InventoryQuantity { name: String! quantity: Int! }
  type InventoryLevel implements Node {
    id: ID! item: InventoryItem! location: Location! quantities(names: [String!]!): [InventoryQuantity!]!
    updatedAt: DateTime!
  }
  type CustomerEmailAddress { emailAddress: String }
  type CustomerPhoneNumber { phoneNumber: String! }
  type Customer implements Node {
    id: ID! firstName: String lastName: String displayName: String! state: CustomerState! tags: [String!]!
    numberOfOrders: UnsignedInt64! amountSpent: MoneyV2! createdAt: DateTime! updatedAt: DateTime!
    defaultEmailAddress: CustomerEmailAddress defaultPhoneNumber: CustomerPhoneNumber
  }
  type LineItem implements Node {
    id: ID! title: String! sku: String quantity: Int! variant: ProductVariant product: Product
    originalUnitPriceSet: MoneyBag! discountedTotalSet: MoneyBag!
  }
  type Order implements Node {
    id: ID! name: String! email: String createdAt: DateTime! updatedAt: DateTime! processedAt: DateTime!
    cancelledAt: DateTime displayFinancialStatus: String displayFulfillmentStatus: String! currencyCode: String!
    customer: Customer totalPriceSet: MoneyBag! subtotalPriceSet: MoneyBag totalTaxSet: MoneyBag
    lineItems(${page}): LineItemConnection!
    customAttributes: [Attribute!]!
  }
  type Attribute { key: String! value: String }
  type BulkOperation implements Node {
    id: ID! status: BulkOperationStatus! errorCode: BulkOperationErrorCode createdAt: DateTime!
    completedAt: DateTime objectCount: UnsignedInt64! rootObjectCount: UnsignedInt64! fileSize: UnsignedInt64
    url: URL partialDataUrl: URL query: String! type: String!
  }
  type BulkOperationUserError { field: [String!] message: String! code: String }
  type BulkOperationRunQueryPayload { bulkOperation: BulkOperation userErrors: [BulkOperationUserError!]! }
  ${['Metafield', 'Product', 'ProductVariant', 'Collection', 'InventoryItem', 'Location', 'InventoryLevel', 'Customer', 'LineItem', 'Order'].map(conn).join('\n')}
  type Query {
    shop: Shop!
    node(id: ID!): Node
    products(${search}, sortKey: ProductSortKeys): ProductConnection!
    customers(${search}, sortKey: CustomerSortKeys): CustomerConnection!
    orders(${search}, sortKey: OrderSortKeys): OrderConnection!
    locations(${page}): LocationConnection!
    productVariants(${search}): ProductVariantConnection!
    inventoryItems(${search}): InventoryItemConnection!
    currentBulkOperation: BulkOperation
  }
  type Mutation { bulkOperationRunQuery(query: String!, groupObjects: Boolean): BulkOperationRunQueryPayload }
`;

type Args = ConnectionArgs & Record<string, unknown>;
const byId = <T extends { id: string }>(list: readonly T[], id: string | null) => list.find((x) => x.id === id) ?? null;
const money = (amount: string, currencyCode: string) => ({ amount, currencyCode });
const bag = (amount: string, currencyCode: string) => ({
  shopMoney: money(amount, currencyCode),
  presentmentMoney: money(amount, currencyCode),
});

/** Inventory items are not stored: each variant has one, updated when it or one of its levels was. */
function inventoryItem(store: FakeStore, variant: FakeVariant) {
  const levels = store.inventoryLevels.filter((l) => l.inventoryItemId === variant.inventoryItemId);
  const updatedAt = [variant.updatedAt, ...levels.map((l) => l.updatedAt)].sort().pop()!;
  return { id: variant.inventoryItemId, sku: variant.sku, tracked: true, updatedAt };
}
const variants = (store: FakeStore) => store.products.flatMap((p) => p.variants);
const itemById = (store: FakeStore, id: string) => {
  const v = variants(store).find((x) => x.inventoryItemId === id);
  return v ? inventoryItem(store, v) : null;
};

function findNode(ctx: FakeContext, id: string): unknown {
  const s = ctx.store;
  const type = /^gid:\/\/shopify\/(\w+)\//.exec(id)?.[1];
  switch (type) {
    case 'Product':
      return byId(s.products, id);
    case 'ProductVariant':
      return byId(variants(s), id);
    case 'Collection':
      return byId(s.collections, id);
    case 'Location':
      return byId(s.locations, id);
    case 'InventoryItem':
      return itemById(s, id);
    case 'Customer':
      return byId(s.customers, id);
    case 'Order':
      return byId(s.orders, id);
    case 'BulkOperation':
      return ctx.findBulk(id);
    default:
      return null;
  }
}

export function buildFakeSchema(): GraphQLSchema {
  return makeExecutableSchema<FakeContext>({
    typeDefs: [typeDefs, mutationTypeDefs, orderMutationTypeDefs],
    resolvers: {
      Node: { __resolveType: (obj: { id: string }) => /^gid:\/\/shopify\/(\w+)\//.exec(obj.id)?.[1] ?? null },
      Query: {
        shop: (_: unknown, __: Args, ctx: FakeContext) => ctx.store.shop,
        node: (_: unknown, { id }: { id: string }, ctx: FakeContext) => findNode(ctx, id),
        products: (_: unknown, a: Args, ctx: FakeContext) => connection(ctx.store.products, a, ctx),
        customers: (_: unknown, a: Args, ctx: FakeContext) => connection(ctx.store.customers, a, ctx),
        orders: (_: unknown, a: Args, ctx: FakeContext) => connection(ctx.store.orders, a, ctx),
        locations: (_: unknown, a: Args, ctx: FakeContext) => connection(ctx.store.locations, a, ctx),
        productVariants: (_: unknown, a: Args, ctx: FakeContext) => connection(variants(ctx.store), a, ctx),
        inventoryItems: (_: unknown, a: Args, ctx: FakeContext) =>
          connection(
            variants(ctx.store).map((v) => inventoryItem(ctx.store, v)),
            a,
            ctx,
          ),
        currentBulkOperation: (_: unknown, __: Args, ctx: FakeContext) => ctx.currentBulk(),
      },
      Mutation: {
        bulkOperationRunQuery: (_: unknown, { query }: { query: string }, ctx: FakeContext) => ctx.startBulk(query),
        ...mutationResolvers,
        ...orderMutationResolvers.Mutation,
      },
      Product: {
        variants: (p: FakeStore['products'][number], a: Args, ctx: FakeContext) => connection(p.variants, a, ctx),
        metafields: (p: FakeStore['products'][number], a: Args, ctx: FakeContext) =>
          connection(p.metafields ?? [], a, ctx),
        collections: (p: FakeStore['products'][number], a: Args, ctx: FakeContext) =>
          connection(
            ctx.store.collections.filter((c) => p.collectionIds.includes(c.id)),
            a,
            ctx,
          ),
      },
      ProductVariant: {
        metafields: (v: FakeVariant, a: Args, ctx: FakeContext) => connection(v.metafields ?? [], a, ctx),
        inventoryItem: (v: FakeVariant, _: Args, ctx: FakeContext) => inventoryItem(ctx.store, v),
        product: (v: FakeVariant, _: Args, ctx: FakeContext) => ctx.store.products.find((p) => p.variants.includes(v)),
      },
      InventoryItem: {
        inventoryLevels: (i: { id: string }, a: Args, ctx: FakeContext) =>
          connection(
            ctx.store.inventoryLevels.filter((l) => l.inventoryItemId === i.id),
            a,
            ctx,
          ),
      },
      Location: {
        inventoryLevels: (loc: { id: string }, a: Args, ctx: FakeContext) =>
          connection(
            ctx.store.inventoryLevels.filter((l) => l.locationId === loc.id),
            a,
            ctx,
          ),
      },
      InventoryLevel: {
        item: (l: FakeInventoryLevel, _: Args, ctx: FakeContext) => itemById(ctx.store, l.inventoryItemId),
        location: (l: FakeInventoryLevel, _: Args, ctx: FakeContext) => byId(ctx.store.locations, l.locationId),
        quantities: (l: FakeInventoryLevel, { names }: { names: string[] }) =>
          names.map((name) => ({ name, quantity: l.quantities[name] ?? 0 })),
      },
      Customer: {
        displayName: (c: FakeStore['customers'][number]) =>
          [c.firstName, c.lastName].filter(Boolean).join(' ') || c.email || '',
        defaultEmailAddress: (c: FakeStore['customers'][number]) => (c.email ? { emailAddress: c.email } : null),
        defaultPhoneNumber: (c: FakeStore['customers'][number]) => (c.phone ? { phoneNumber: c.phone } : null),
      },
      Order: {
        ...orderMutationResolvers.Order,
        customer: (o: FakeStore['orders'][number], _: Args, ctx: FakeContext) =>
          byId(ctx.store.customers, o.customerId),
        totalPriceSet: (o: FakeStore['orders'][number]) => bag(o.totalPrice, o.currencyCode),
        customAttributes: (o: FakeStore['orders'][number]) => o.customAttributes ?? [],
        subtotalPriceSet: (o: FakeStore['orders'][number]) => bag(o.totalPrice, o.currencyCode),
        totalTaxSet: (o: FakeStore['orders'][number]) => bag('0.00', o.currencyCode),
        lineItems: (o: FakeStore['orders'][number], a: Args, ctx: FakeContext) => connection(o.lineItems, a, ctx),
      },
      LineItem: {
        variant: (li: FakeStore['orders'][number]['lineItems'][number], _: Args, ctx: FakeContext) =>
          byId(variants(ctx.store), li.variantId),
        product: (li: FakeStore['orders'][number]['lineItems'][number], _: Args, ctx: FakeContext) =>
          byId(ctx.store.products, li.productId),
        originalUnitPriceSet: (li: { unitPrice: string }, _: Args, ctx: FakeContext) =>
          bag(li.unitPrice, ctx.store.shop.currencyCode),
        discountedTotalSet: (li: { unitPrice: string; quantity: number }, _: Args, ctx: FakeContext) =>
          bag((Number(li.unitPrice) * li.quantity).toFixed(2), ctx.store.shop.currencyCode),
      },
    },
  });
}
