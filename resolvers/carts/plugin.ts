import { definePlugin, schemaFragment } from '../../src/sdk';
import { createCartLoaders } from '../../connectors/carts/loaders';
import { migrations } from '../../connectors/carts/migrations';
import { seedPricing } from '../../connectors/carts/seed';
import { cartMutations } from './cart-mutations';
import { cartResolvers } from './cart.resolvers';
import { permissions, readDiscounts, readShipping, readTaxes } from './permissions';
import { columns } from './columns';
import { cartSettings } from './settings';
import { deliveryResolvers } from './delivery.resolvers';
import { shippingAdminResolvers } from './shipping-admin.resolvers';
import { taxResolvers } from './taxes.resolvers';
import { discountResolvers } from './discounts.resolvers';
import { orderPricingResolvers } from './order-pricing.resolvers';
import { discountsByIds } from '../../connectors/carts/discounts/store';
import { cartPersonalData } from '../../connectors/carts/privacy';

/**
 * Storefront carts, their pricing (delivery, shipping rates, taxes, discounts) and checkout; the
 * pricing setup's admin API. Carts own the calculation because Cart.cost and checkout both need it. Checkout writes the orders plugin's tables (at the SQL level) and
 * answers with its `Order` type, so this plugin depends on orders, never the other way round.
 */
export const plugin = definePlugin({
  name: 'carts',
  version: '1.0.0',
  dependsOn: ['core', 'catalog', 'inventory', 'customers', 'orders'],
  typeDefs: schemaFragment('carts'),
  resolvers: {
    Query: {
      ...cartResolvers.Query,
      ...shippingAdminResolvers.Query,
      ...taxResolvers.Query,
      ...discountResolvers.Query,
    },
    Mutation: {
      ...cartMutations.Mutation,
      ...deliveryResolvers.Mutation,
      ...shippingAdminResolvers.Mutation,
      ...taxResolvers.Mutation,
      ...discountResolvers.Mutation,
    },
    Cart: { ...cartResolvers.Cart, ...deliveryResolvers.Cart, ...discountResolvers.Cart },
    CartCost: cartResolvers.CartCost,
    CartLine: { ...cartResolvers.CartLine, ...discountResolvers.CartLine },
    Discount: discountResolvers.Discount,
    Order: orderPricingResolvers.Order,
    DeliveryAddress: deliveryResolvers.DeliveryAddress,
    CartDeliveryOption: deliveryResolvers.CartDeliveryOption,
    ShippingZone: shippingAdminResolvers.ShippingZone,
    ShippingRate: shippingAdminResolvers.ShippingRate,
    TaxRate: taxResolvers.TaxRate,
    Customer: taxResolvers.Customer,
  },
  // The parents these types' resolvers receive (generated resolver types).
  mappers: {
    Cart: 'connectors/carts/tables#CartRow',
    // The cost's amounts are resolved from the cart, each on its own (the subtotal from its lines alone).
    CartCost: 'connectors/carts/tables#CartRow',
    CartLine: 'connectors/carts/loaders#CartLineParent',
    DeliveryAddress: 'connectors/carts/tables#StoredAddress',
    CartDeliveryOption: 'connectors/carts/tables#DeliveryOption',
    ShippingZone: 'connectors/carts/tables#ZoneWithRates',
    ShippingRate: 'connectors/carts/tables#ShippingRateRow',
    TaxRate: 'connectors/carts/tables#TaxRateRow',
    Discount: 'connectors/carts/tables#DiscountRow',
  },
  permissions,
  costs: {
    'Cart.lines': { multipliers: ['first'], defaultSize: 100 },
    'Cart.deliveryOptions': { defaultSize: 20 },
    'Query.shippingZones': { multipliers: ['first', 'last'], defaultSize: 50 },
    'ShippingZone.rates': { defaultSize: 20 },
    'Query.taxRates': { multipliers: ['first', 'last'], defaultSize: 50 },
    'Query.discounts': { multipliers: ['first', 'last'], defaultSize: 50 },
    'Order.shippingLines': { defaultSize: 1 },
    'Order.taxLines': { defaultSize: 5 },
    'Order.discountApplications': { defaultSize: 5 },
    'Cart.discountCodes': { defaultSize: 10 },
    'Cart.discountAllocations': { defaultSize: 10 },
    'CartLine.discountAllocations': { defaultSize: 10 },
  },
  scopes: ['read_shipping', 'write_shipping', 'read_taxes', 'write_taxes', 'read_discounts', 'write_discounts'],
  tenantConfig: cartSettings,
  nodes: {
    ShippingZone: {
      load: (ctx, id) => ctx.loaders.shippingZones.load('all').then((zones) => zones.find((z) => z.id === id) ?? null),
      visibleTo: readShipping,
    },
    Discount: {
      load: (ctx, id) =>
        ctx.db.get<unknown>().then(async (conn) => (await discountsByIds(conn, ctx.db.tenantId, [id]))[0] ?? null),
      visibleTo: readDiscounts,
    },
    TaxRate: {
      load: (ctx, id) => ctx.loaders.taxRates.load('all').then((rates) => rates.find((r) => r.id === id) ?? null),
      visibleTo: readTaxes,
    },
  },
  columns,
  createLoaders: createCartLoaders,
  // Checkout places orders: the order-created webhook topic is emitted here.
  events: ['ORDERS_CREATE'],
  migrations,
  personalData: cartPersonalData,
  seed: seedPricing,
});
