import { sql } from 'kysely';
import type { Tenant, TenantDb } from '../../src/sdk';
import type { OrderWrite } from './mark-paid';
import { moneyWrite } from './money-write';
import { toMinor } from './money';

export interface RefundInput {
  orderId: string;
  amount: string;
  lines: readonly { lineItemId: string; quantity: number }[];
  restock: boolean;
  idempotencyKey: string;
}

/**
 * Refunds `amount` through the order's provider (or records it for a manual payment), never more than
 * was captured and not yet refunded: the order lock makes concurrent refunds see each other.
 * The refunded lines are recorded with the transaction; they are no longer owed to the buyer.
 */
export function refundOrder(db: TenantDb, tenant: Tenant, input: RefundInput): Promise<OrderWrite> {
  return moneyWrite(db, tenant, input.orderId, `refund:${input.idempotencyKey}`, {
    event: (order) => {
      const amount = toMinor(input.amount, order.row.currency_code);
      if (amount === null) return 'The amount is not a valid amount of the currency';
      const lines = input.lines.map((l) => ({ line: order.lineIds.indexOf(l.lineItemId), quantity: l.quantity }));
      if (lines.some((l) => l.line < 0)) return 'A line item is not of this order';
      return { kind: 'refund', amount, lines };
    },
    call: async (provider, paymentId, key, event) =>
      (await provider.refund(paymentId, event.kind === 'refund' ? event.amount : 0, key)).id,
    after: async (trx, [transactionId], order) => {
      for (const line of input.lines) {
        await sql`insert into refund_lines (tenant_id, transaction_id, line_item_id, quantity, restock)
          values (${order.row.tenant_id}, ${transactionId}, ${line.lineItemId}, ${line.quantity}, ${input.restock})`.execute(
          trx,
        );
      }
    },
  });
}
