import { sql } from 'kysely';
import type { OrderWrite } from './mark-paid';
import { moneyWrite, type MoneyContext } from './money-write';
import { toMinor } from './money';
import { lockLevels, releaseUnits, variantsOfLines } from './stock';

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
 * The refunded lines are recorded with the transaction; they are no longer owed to the buyer, and their
 * unshipped units leave the order's reservation (back to available stock with `restock`).
 */
export function refundOrder(money: MoneyContext, input: RefundInput): Promise<OrderWrite> {
  return moneyWrite(money, input.orderId, `refund:${input.idempotencyKey}`, {
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
      const tenantId = order.row.tenant_id;
      for (const line of input.lines) {
        await sql`insert into refund_lines (tenant_id, transaction_id, line_item_id, quantity, restock)
          values (${tenantId}, ${transactionId}, ${line.lineItemId}, ${line.quantity}, ${input.restock})`.execute(trx);
      }
      // Refunded units not yet shipped are no longer owed: they leave the order's reservation, and
      // return to stock when restocked. Shipped units come back only by a return.
      const variants = await variantsOfLines(trx, tenantId, order.row.id, order.lineIds);
      const unshipped = order.state.lines.map((l) => Math.max(0, l.ordered - l.refunded - l.fulfilled));
      const release = new Map<string, number>();
      for (const line of input.lines) {
        const i = order.lineIds.indexOf(line.lineItemId);
        const variant = variants[i];
        const units = Math.min(line.quantity, unshipped[i]);
        unshipped[i] -= units;
        if (variant && units > 0) release.set(variant, (release.get(variant) ?? 0) + units);
      }
      await lockLevels(trx, tenantId, [...release.keys()]);
      for (const [variant, units] of [...release].sort(([a], [b]) => Number(a) - Number(b))) {
        await releaseUnits(trx, tenantId, order.row.id, variant, units, input.restock);
      }
    },
  });
}
