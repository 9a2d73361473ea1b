import { encodeGlobalId, localIdOf, writeElsewhere, type GatewayContext } from '../../src/sdk';
import { cancelOrder } from '../../connectors/orders/cancel';
import { fulfillOrder } from '../../connectors/orders/fulfill';
import { failure } from '../../connectors/orders/user-error';
import type {
  MutationOrderCancelArgs,
  MutationOrderFulfillArgs,
  MutationResolvers,
} from '../generated/resolvers-types';

/**
 * Asks the tenant's systems of record about a change of an order that may come from one
 * (src/sdk/system-of-record.ts): null when it is ours; else the answer, with the order re-read.
 */
async function elsewhere(ctx: GatewayContext, mutation: string, id: string, args: Record<string, unknown>) {
  const change = { kind: 'Order' as const, id, mutation, args, field: ['id'] };
  const answer = await writeElsewhere(ctx, change, (oid) => ctx.loaders.orderById.clear(oid).load(oid));
  return answer && { order: answer.value, userErrors: answer.userErrors };
}

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
      const managed = await elsewhere(ctx, 'orderCancel', id, args);
      if (managed) return managed;
      // Omitted, reason and restock arrive as their defaults (OTHER, true); an explicit null records no
      // reason and restocks nothing.
      const cancelled = await cancelOrder(ctx.db, id, args.reason ?? null, args.restock ?? false);
      if (!cancelled.order || !ctx.orderSettlement) return cancelled;
      // The order stays cancelled whatever the provider says; the job tells whether its money is settled yet.
      const outcome = await ctx.orderSettlement.settleCancelled(ctx, id);
      return { ...cancelled, job: { id: encodeGlobalId('Job', `settle-cancelled-${id}`), done: outcome === 'done' } };
    },
    orderFulfill: async (_: unknown, args: MutationOrderFulfillArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Order');
      if (!id) return failure(['id'], 'NOT_FOUND', 'Order not found');
      forget(ctx, id);
      return (await elsewhere(ctx, 'orderFulfill', id, args)) ?? fulfillOrder(ctx.db, id);
    },
  },
};
