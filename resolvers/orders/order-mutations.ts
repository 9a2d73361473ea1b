import { localIdOf, type GatewayContext } from '../../src/sdk';
import { cancelOrder, type CancelReason } from '../../connectors/orders/cancel';
import { fulfillOrder } from '../../connectors/orders/fulfill';
import { failure } from '../../connectors/orders/user-error';

/** Loaders may hold the order as it was before the write: forget it so the payload is current. */
function forget(ctx: GatewayContext, id: string) {
  ctx.loaders.orderById.clear(id);
}

export const orderMutations = {
  Mutation: {
    orderCancel: async (
      _: unknown,
      args: { id: string; reason: CancelReason; restock: boolean },
      ctx: GatewayContext,
    ) => {
      const id = localIdOf(args.id, 'Order');
      if (!id) return failure(['id'], 'NOT_FOUND', 'Order not found');
      forget(ctx, id);
      return cancelOrder(ctx.db, id, args.reason, args.restock);
    },
    orderFulfill: async (_: unknown, args: { id: string }, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Order');
      if (!id) return failure(['id'], 'NOT_FOUND', 'Order not found');
      forget(ctx, id);
      return fulfillOrder(ctx.db, id);
    },
  },
};
