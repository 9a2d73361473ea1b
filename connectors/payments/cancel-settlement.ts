import type { GatewayContext, OrderSettlement, SettlementOutcome } from '../../src/sdk';
import { ProviderError } from '../../src/sdk';
import { cancelledOrderSettlement, recordSettlement } from './settle-cancelled';
import type { PaymentTables } from './tables';

/**
 * How long a cancel waits for the provider in its request, well inside the plugin's resolver deadline
 * (10 s by default), so a slow provider never costs the cancel itself.
 */
export const SETTLE_IN_REQUEST_MS = 4_000;

/** The provider's answer, or a timeout; a late answer is dropped (the job asks again with the same key). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ProviderError('PROVIDER_UNAVAILABLE', 'The provider did not answer in time')),
      ms,
    );
    timer.unref();
  });
  work.catch(() => undefined);
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * `orderCancel`'s settlement inside the request (the `orderSettlement` of the payments plugin): after
 * the order is cancelled, the provider refunds or voids, with the key the settlement job uses, and the
 * transaction is recorded in a savepoint of its own. Nothing here undoes the cancel: a provider that
 * refuses, fails or is slow, or a record that cannot be written, answers `pending`, and the
 * `payments-settle-cancellations` job settles the order, asking the provider with the same key (so a
 * refund made before a lost record is not made twice).
 */
export function cancelSettlement(timeoutMs = SETTLE_IN_REQUEST_MS): OrderSettlement {
  return {
    async settleCancelled(ctx: GatewayContext, orderId: string): Promise<SettlementOutcome> {
      const { db, tenant, paymentProviders } = ctx;
      try {
        const settlement = await db.atomic<PaymentTables, Awaited<ReturnType<typeof cancelledOrderSettlement>>>((trx) =>
          cancelledOrderSettlement(trx, paymentProviders, tenant, orderId),
        );
        if (!settlement) return 'done';
        const gatewayId = settlement.call ? await within(timeoutMs, settlement.call()) : null;
        await db.atomic<PaymentTables, void>((trx) => recordSettlement(trx, tenant.id, settlement, gatewayId));
        return 'done';
      } catch (error) {
        const expected = error instanceof ProviderError;
        ctx.log[expected ? 'warn' : 'error']({ err: error, orderId }, 'cancelled order left to the settlement job');
        return 'pending';
      }
    },
  };
}
