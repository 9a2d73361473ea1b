import { localIdOf, type GatewayContext } from '../../src/sdk';
import { cancelOrder } from '../../connectors/orders/cancel';
import { fulfillOrder } from '../../connectors/orders/fulfill';
import { failure } from '../../connectors/orders/user-error';
import type {
  MutationOrderCancelArgs,
  MutationOrderFulfillArgs,
  MutationResolvers,
} from '../generated/resolvers-types';

/** Loaders may hold the order as it was before the write: forget it so the payload is current. */
function forget(ctx: GatewayContext, id: string) {
  ctx.loaders.orderById.clear(id);
}

export const orderMutations: { Mutation: MutationResolvers } = {
  Mutation: {
    orderCancel: async (_: unknown, args: MutationOrderCancelArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Order');
      if (!id) return failure(['id'], 'NOT_FOUND', 'Order not found');
      forget(ctx, id);
      // Omitted, reason and restock arrive as their defaults (OTHER, true); an explicit null records no
      // reason and restocks nothing.
      return cancelOrder(ctx.db, id, args.reason ?? null, args.restock ?? false);
    },
    orderFulfill: async (_: unknown, args: MutationOrderFulfillArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Order');
      if (!id) return failure(['id'], 'NOT_FOUND', 'Order not found');
      forget(ctx, id);
      return fulfillOrder(ctx.db, id);
    },
  },
};
