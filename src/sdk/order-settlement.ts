import type { GatewayContext } from './context';

/**
 * `done`: the money is settled (refunded or voided at the provider and recorded) or there was none;
 * `pending`: the provider could not be asked or answered, or the record could not be written, so the
 * plugin's job settles it later with the same idempotency key.
 */
export type SettlementOutcome = 'done' | 'pending';

/**
 * Settles the money of an order cancelled in this request, inside it: refunds what was captured and
 * not refunded, or voids an open authorization, at the order's provider. One plugin of the graph
 * provides it (`orderSettlement`), asked by the plugin that cancels orders through `ctx.orderSettlement`.
 * It never undoes the cancel: a failure answers `pending`.
 */
export interface OrderSettlement {
  settleCancelled(ctx: GatewayContext, orderId: string): Promise<SettlementOutcome>;
}
