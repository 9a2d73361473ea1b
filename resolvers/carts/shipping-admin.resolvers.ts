import { encodeGlobalId, listConnection, localIdOf, toMinor, type GatewayContext } from '../../src/sdk';
import type { ShippingRateRow, ZoneWithRates } from '../../connectors/carts/delivery/options';
import { createZone, deleteZone, updateZone } from '../../connectors/carts/delivery/zone-writes';
import type {
  MutationShippingZoneCreateArgs,
  MutationShippingZoneDeleteArgs,
  MutationShippingZoneUpdateArgs,
  QueryShippingZonesArgs,
} from '../generated/resolvers-types';
import { moneyOf } from './money';

const money = (amount: string | null, ctx: GatewayContext) =>
  amount === null ? null : moneyOf(toMinor(amount, ctx.tenant.currency), ctx);

/** Admin: the tenant's shipping zones and rates (scopes read_shipping / write_shipping). */
export const shippingAdminResolvers = {
  Query: {
    shippingZones: async (_: unknown, args: QueryShippingZonesArgs, ctx: GatewayContext) =>
      listConnection(await ctx.loaders.shippingZones.load('all'), args),
  },
  ShippingZone: {
    id: (zone: ZoneWithRates) => encodeGlobalId('ShippingZone', zone.id),
  },
  ShippingRate: {
    id: (rate: ShippingRateRow) => encodeGlobalId('ShippingRate', rate.id),
    price: (rate: ShippingRateRow, _: unknown, ctx: GatewayContext) => money(rate.price, ctx),
    minSubtotal: (rate: ShippingRateRow, _: unknown, ctx: GatewayContext) => money(rate.min_subtotal, ctx),
    maxSubtotal: (rate: ShippingRateRow, _: unknown, ctx: GatewayContext) => money(rate.max_subtotal, ctx),
    freeAbove: (rate: ShippingRateRow, _: unknown, ctx: GatewayContext) => money(rate.free_above, ctx),
    minWeightGrams: (rate: ShippingRateRow) => rate.min_weight_grams,
    maxWeightGrams: (rate: ShippingRateRow) => rate.max_weight_grams,
    minDeliveryDays: (rate: ShippingRateRow) => rate.min_delivery_days,
    maxDeliveryDays: (rate: ShippingRateRow) => rate.max_delivery_days,
  },
  Mutation: {
    shippingZoneCreate: async (_: unknown, args: MutationShippingZoneCreateArgs, ctx: GatewayContext) => {
      const { zone, userErrors } = await createZone(ctx.db, args.input);
      return { shippingZone: zone, userErrors };
    },
    shippingZoneUpdate: async (_: unknown, args: MutationShippingZoneUpdateArgs, ctx: GatewayContext) => {
      const { zone, userErrors } = await updateZone(ctx.db, localIdOf(args.id, 'ShippingZone'), args.input);
      return { shippingZone: zone, userErrors };
    },
    shippingZoneDelete: async (_: unknown, args: MutationShippingZoneDeleteArgs, ctx: GatewayContext) => {
      const { deleted, userErrors } = await deleteZone(ctx.db, localIdOf(args.id, 'ShippingZone'));
      return { deletedShippingZoneId: deleted ? args.id : null, userErrors };
    },
  },
};
