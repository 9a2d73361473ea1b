import type { Kysely } from 'kysely';

/** Whether the order was cancelled; if not, the code of the reason (`ALREADY_FULFILLED`, `NOT_FOUND`, …). */
export type CancelCompletion = { cancelled: true } | { cancelled: false; code: string };

/**
 * Cancels an order inside the caller's transaction exactly as the plugin that cancels orders does in its
 * `orderCancel` (status, restock of unshipped units, statistics, outbox events), with that mutation's
 * defaults (reason OTHER, restock). It settles no money: the caller has found it settled already. One
 * plugin of a graph provides it (`orderCancellation`); others reach it through `runtime.orderCancellation`,
 * e.g. to complete a cancel whose commit was lost after the provider refunded.
 */
export interface OrderCancellation {
  cancelInTransaction<DB>(trx: Kysely<DB>, tenantId: string, orderId: string): Promise<CancelCompletion>;
}
