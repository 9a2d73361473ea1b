import type { OrderWrite } from './mark-paid';
import { moneyWrite, type MoneyContext } from './money-write';
import { toMinor } from './money';

/** Captures an authorized payment, all of it or `amount` (the rest of the authorization is released). */
export function captureOrder(
  money: MoneyContext,
  orderId: string,
  amount: string | null,
  key: string,
): Promise<OrderWrite> {
  return moneyWrite(money, orderId, `capture:${key}`, {
    event: (order) => {
      const minor = amount == null ? order.state.ledger.authorized : toMinor(amount, order.row.currency_code);
      return minor === null ? 'The amount is not a valid amount of the currency' : { kind: 'capture', amount: minor };
    },
    call: async (provider, paymentId, idempotencyKey, event) =>
      (await provider.capture(paymentId, event.kind === 'capture' ? event.amount : 0, idempotencyKey)).id,
  });
}
