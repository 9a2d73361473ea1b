import { localIdOf, type GatewayContext } from '../../src/sdk';
import { markOrderPaid } from '../../connectors/payments/mark-paid';
import { userError } from '../../connectors/payments/user-error';
import type { MutationOrderMarkAsPaidArgs } from '../generated/resolvers-types';

const notFound = () => ({ order: null, userErrors: [userError(['id'], 'NOT_FOUND', 'Order not found')] });

export const paymentMutations = {
  Mutation: {
    orderMarkAsPaid: async (_: unknown, args: MutationOrderMarkAsPaidArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Order');
      return id ? markOrderPaid(ctx.db, id, args.idempotencyKey) : notFound();
    },
  },
};
