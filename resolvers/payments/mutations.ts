import { localIdOf, type GatewayContext } from '../../src/sdk';
import { captureOrder } from '../../connectors/payments/capture';
import { markOrderPaid } from '../../connectors/payments/mark-paid';
import { refundOrder } from '../../connectors/payments/refund';
import { userError } from '../../connectors/payments/user-error';
import type {
  MutationOrderCaptureArgs,
  MutationOrderMarkAsPaidArgs,
  MutationRefundCreateArgs,
} from '../generated/resolvers-types';

const moneyOf = (ctx: GatewayContext) => ({ db: ctx.db, tenant: ctx.tenant, providers: ctx.paymentProviders });

const notFound = () => ({ order: null, userErrors: [userError(['id'], 'NOT_FOUND', 'Order not found')] });

export const paymentMutations = {
  Mutation: {
    orderMarkAsPaid: async (_: unknown, args: MutationOrderMarkAsPaidArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Order');
      return id ? markOrderPaid(ctx.db, id, args.idempotencyKey) : notFound();
    },
    orderCapture: async (_: unknown, args: MutationOrderCaptureArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Order');
      return id ? captureOrder(moneyOf(ctx), id, args.amount ?? null, args.idempotencyKey) : notFound();
    },
    refundCreate: async (_: unknown, args: MutationRefundCreateArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.orderId, 'Order');
      if (!id) return notFound();
      const lines = (args.lines ?? []).map((l) => ({
        lineItemId: localIdOf(l.lineItemId, 'LineItem') ?? '0',
        quantity: l.quantity,
      }));
      return refundOrder(moneyOf(ctx), {
        orderId: id,
        amount: String(args.amount),
        lines,
        restock: args.restock ?? false,
        idempotencyKey: args.idempotencyKey,
      });
    },
  },
};
