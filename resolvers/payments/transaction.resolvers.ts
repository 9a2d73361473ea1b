import { encodeGlobalId, moneyIn, type GatewayContext } from '../../src/sdk';
import type { TransactionRow } from '../../connectors/payments/tables';

/** Order.transactions through one loader per list level; a transaction's Money carries its own currency. */
export const transactionResolvers = {
  Order: {
    transactions: (order: { id: string }, _: unknown, ctx: GatewayContext) =>
      ctx.loaders.transactionsByOrder.load(order.id),
  },
  OrderTransaction: {
    id: (row: TransactionRow) => encodeGlobalId('OrderTransaction', row.id),
    amount: (row: TransactionRow) => moneyIn(row.amount, row.currency_code),
    gatewayId: (row: TransactionRow) => row.gateway_id,
    createdAt: (row: TransactionRow) => row.created_at,
  },
};
