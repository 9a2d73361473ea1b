import type { GatewayContext } from '../../src/sdk';
import {
  addCartLines,
  createCart,
  removeCartLines,
  updateBuyerIdentity,
  updateCartLines,
  type CartInput as CartChangeInput,
  type LineInput,
} from '../../connectors/carts/cart-changes';
import { completeCheckout } from '../../connectors/carts/checkout/complete';
import type {
  CartInput,
  CartLineInput,
  MutationCartBuyerIdentityUpdateArgs,
  MutationCartCreateArgs,
  MutationCartLinesAddArgs,
  MutationCartLinesRemoveArgs,
  MutationCartLinesUpdateArgs,
  MutationCheckoutCompleteArgs,
  MutationResolvers,
  ResolversParentTypes,
} from '../generated/resolvers-types';
import { cartPayload } from './cart-payload';
import { checkoutLimits, taxesIncluded } from '../../connectors/carts/pricing/loaders';
import { newCartOwner, usableCartToken } from './cart-owner';

/**
 * A line's quantity is 1 when omitted (graphql-js fills in the default); an explicit null reaches the
 * connector's quantity check, which refuses it (LESS_THAN), so the connector types quantity as a number.
 */
const lineInputs = (lines: CartLineInput[]) => lines as LineInput[];
const cartInput = (input: CartInput) => input as CartChangeInput;

const payload = cartPayload;

export const cartMutations: { Mutation: MutationResolvers } = {
  Mutation: {
    cartCreate: async (_: unknown, args: MutationCartCreateArgs, ctx: GatewayContext) =>
      payload(ctx, await createCart(ctx.db, cartInput(args.input ?? {}), await newCartOwner(ctx))),
    cartLinesAdd: async (_: unknown, args: MutationCartLinesAddArgs, ctx: GatewayContext) =>
      payload(ctx, await addCartLines(ctx.db, await usableCartToken(ctx, args.cartId), lineInputs(args.lines))),
    cartLinesUpdate: async (_: unknown, args: MutationCartLinesUpdateArgs, ctx: GatewayContext) =>
      payload(ctx, await updateCartLines(ctx.db, await usableCartToken(ctx, args.cartId), args.lines)),
    cartLinesRemove: async (_: unknown, args: MutationCartLinesRemoveArgs, ctx: GatewayContext) =>
      payload(ctx, await removeCartLines(ctx.db, await usableCartToken(ctx, args.cartId), args.lineIds)),
    cartBuyerIdentityUpdate: async (_: unknown, args: MutationCartBuyerIdentityUpdateArgs, ctx: GatewayContext) =>
      payload(ctx, await updateBuyerIdentity(ctx.db, await usableCartToken(ctx, args.cartId), args.buyerIdentity)),
    checkoutComplete: async (_: unknown, args: MutationCheckoutCompleteArgs, ctx: GatewayContext) => {
      const { order, userErrors } = await completeCheckout(
        ctx.db,
        ctx.tenant.currency,
        { cartId: await usableCartToken(ctx, args.cartId), idempotencyKey: args.idempotencyKey, email: args.email },
        { taxesIncluded: taxesIncluded(ctx), limits: checkoutLimits(ctx) },
      );
      // Checkout reads the order with `select *` from the orders plugin's table, whose row type this plugin doesn't import.
      return { order: order as ResolversParentTypes['Order'] | null, userErrors };
    },
  },
};
