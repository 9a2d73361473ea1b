import { cartMirrorOf, type GatewayContext } from '../../src/sdk';
import type { StoredAddress } from '../../connectors/carts/delivery/address';
import { selectDeliveryOption, updateDeliveryAddress } from '../../connectors/carts/delivery/changes';
import type { DeliveryOption } from '../../connectors/carts/delivery/options';
import type { CartRow } from '../../connectors/carts/tables';
import type {
  MutationCartDeliveryAddressUpdateArgs,
  MutationCartSelectedDeliveryOptionUpdateArgs,
} from '../generated/resolvers-types';
import { cartRef } from './cart-owner';
import { cartPayload, deliveryReads } from './cart-payload';
import { moneyOf } from './money';

const quoteOf = (cart: CartRow, ctx: GatewayContext) => ctx.loaders.cartQuote.load(cart);

/** The storefront's delivery fields of a cart, computed from its quote (one per cart per request). */
export const deliveryResolvers = {
  Cart: {
    deliveryAddress: (cart: CartRow) => cart.delivery_address,
    requiresShipping: (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      quoteOf(cart, ctx).then((q) => q.requiresShipping),
    deliveryOptions: (cart: CartRow, _: unknown, ctx: GatewayContext) => quoteOf(cart, ctx).then((q) => q.options),
    selectedDeliveryOption: (cart: CartRow, _: unknown, ctx: GatewayContext) =>
      quoteOf(cart, ctx).then((q) => q.selected),
  },
  DeliveryAddress: {
    countryCodeV2: (address: StoredAddress) => address.countryCode,
  },
  CartDeliveryOption: {
    estimatedCost: (option: DeliveryOption, _: unknown, ctx: GatewayContext) => moneyOf(option.amount, ctx),
  },
  Mutation: {
    cartDeliveryAddressUpdate: async (_: unknown, args: MutationCartDeliveryAddressUpdateArgs, ctx: GatewayContext) =>
      cartPayload(
        ctx,
        await updateDeliveryAddress(
          ctx.db,
          await cartRef(ctx, args.cartId),
          args.address,
          deliveryReads(ctx),
          cartMirrorOf(ctx),
        ),
        { linesKept: true },
      ),
    cartSelectedDeliveryOptionUpdate: async (
      _: unknown,
      args: MutationCartSelectedDeliveryOptionUpdateArgs,
      ctx: GatewayContext,
    ) =>
      cartPayload(
        ctx,
        await selectDeliveryOption(
          ctx.db,
          await cartRef(ctx, args.cartId),
          ctx.tenant.currency,
          args.deliveryOptionHandle,
          deliveryReads(ctx),
        ),
        { linesKept: true },
      ),
  },
};
