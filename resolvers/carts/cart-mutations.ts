import { cartMirrorOf, checkoutElsewhere, takesCheckouts, type GatewayContext } from '../../src/sdk';
import {
  addCartLines,
  createCart,
  removeCartLines,
  updateBuyerIdentity,
  updateCartLines,
  type CartInput as CartChangeInput,
  type LineInput,
} from '../../connectors/carts/cart-changes';
import type { UserError } from '../../connectors/carts/validation';
import { completeCheckout, inputErrors, orderBy } from '../../connectors/carts/checkout/complete';
import { checkoutCall } from '../../connectors/carts/checkout/draft';
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
import { cartRef, mayUseCart, newCartOwner, usableCartToken } from './cart-owner';
import { cartTokenOf } from './cart-id';

/**
 * A line's quantity is 1 when omitted (graphql-js fills in the default); an explicit null reaches the
 * connector's quantity check, which refuses it (LESS_THAN), so the connector types quantity as a number.
 */
const lineInputs = (lines: CartLineInput[]) => lines as LineInput[];
const cartInput = (input: CartInput) => input as CartChangeInput;

const payload = cartPayload;

/**
 * A tenant whose system of record takes checkouts (Shopify) is asked first, before the request's
 * first statement (the system reads on its own connection): null when the cart is ours to check out.
 */
async function offerCheckout(ctx: GatewayContext, args: MutationCheckoutCompleteArgs) {
  const input = { cartId: cartTokenOf(args.cartId), idempotencyKey: args.idempotencyKey, email: args.email };
  const call = checkoutCall(ctx, input, {
    currency: ctx.tenant.currency,
    taxesIncluded: taxesIncluded(ctx),
    limits: checkoutLimits(ctx),
    mayUse: (cart, db) => mayUseCart(ctx, cart, db),
  });
  const outcome = await checkoutElsewhere(call);
  if (!outcome) return null;
  const order = outcome.orderId ? await orderBy(await ctx.db.get(), ctx.tenant.id, 'id', outcome.orderId) : null;
  // The codes are the carts' own or the system's, all in the schema's UserErrorCode.
  return { order: order as ResolversParentTypes['Order'] | null, userErrors: outcome.userErrors as UserError[] };
}

export const cartMutations: { Mutation: MutationResolvers } = {
  Mutation: {
    cartCreate: async (_: unknown, args: MutationCartCreateArgs, ctx: GatewayContext) =>
      payload(
        ctx,
        await createCart(
          ctx.db,
          cartInput(args.input ?? {}),
          await newCartOwner(ctx),
          checkoutLimits(ctx),
          cartMirrorOf(ctx),
        ),
      ),
    cartLinesAdd: async (_: unknown, args: MutationCartLinesAddArgs, ctx: GatewayContext) =>
      payload(
        ctx,
        await addCartLines(
          ctx.db,
          await cartRef(ctx, args.cartId),
          lineInputs(args.lines),
          ctx.tenant.currency,
          checkoutLimits(ctx),
          cartMirrorOf(ctx),
        ),
      ),
    cartLinesUpdate: async (_: unknown, args: MutationCartLinesUpdateArgs, ctx: GatewayContext) =>
      payload(
        ctx,
        await updateCartLines(
          ctx.db,
          await cartRef(ctx, args.cartId),
          args.lines,
          ctx.tenant.currency,
          checkoutLimits(ctx),
          cartMirrorOf(ctx),
        ),
      ),
    cartLinesRemove: async (_: unknown, args: MutationCartLinesRemoveArgs, ctx: GatewayContext) =>
      payload(
        ctx,
        await removeCartLines(
          ctx.db,
          await cartRef(ctx, args.cartId),
          args.lineIds,
          ctx.tenant.currency,
          cartMirrorOf(ctx),
        ),
      ),
    cartBuyerIdentityUpdate: async (_: unknown, args: MutationCartBuyerIdentityUpdateArgs, ctx: GatewayContext) =>
      payload(
        ctx,
        await updateBuyerIdentity(ctx.db, await cartRef(ctx, args.cartId), args.buyerIdentity, cartMirrorOf(ctx)),
      ),
    checkoutComplete: async (_: unknown, args: MutationCheckoutCompleteArgs, ctx: GatewayContext) => {
      const elsewhere = takesCheckouts(ctx) ? await offerCheckout(ctx, args) : null;
      if (elsewhere) return elsewhere;
      const ref = await cartRef(ctx, args.cartId);
      const input = { cartId: ref.token, idempotencyKey: args.idempotencyKey, email: args.email };
      // Refused input is answered before the cart is locked: with NOT_FOUND too for a cart not the shopper's.
      if (inputErrors(input).length > 0) input.cartId = await usableCartToken(ctx, args.cartId);
      const { order, userErrors, pricing } = await completeCheckout(ctx.db, ctx.tenant.currency, input, {
        taxesIncluded: taxesIncluded(ctx),
        limits: checkoutLimits(ctx),
        mayUse: ref.mayUse,
      });
      // The order's pricing fields answer from the snapshot checkout just wrote.
      if (order && pricing) ctx.loaders.orderPricing.prime(order.id, pricing);
      // Checkout reads the order with `select *` from the orders plugin's table, whose row type this plugin doesn't import.
      return { order: order as ResolversParentTypes['Order'] | null, userErrors };
    },
  },
};
