import type { PluginRuntime, ProviderRefund, Tenant } from '../../src/sdk';
import { connectProvider } from './provider-of';
import { applyProviderEvent } from './provider-webhook';
import { recordedRefundIds, refundStands } from './reconcile-refunds';
import { paymentsSettings } from './settings';
import type { PaymentTables } from './tables';

/** How far back the sweep looks: a lost commit is found once the database is back within this window. */
export const SWEEP_WINDOW_MS = 2 * 60 * 60_000;

/**
 * The `payments-sweep-refunds` job's work for a tenant: the refunds its providers made in the last
 * window that no transaction of the tenant records (their commit was lost and their webhook never came)
 * are reconciled, each payment as its webhook would (provider-webhook.ts). Refunds of payments of no
 * order of this tenant are ignored. Returns the payments reconciled.
 */
export async function sweepRecentRefunds(runtime: PluginRuntime, tenant: Tenant, now: number): Promise<number> {
  let reconciled = 0;
  for (const name of paymentsSettings(tenant).providers) {
    const provider = connectProvider(runtime.paymentProviders ?? new Map(), tenant, name);
    if (!provider?.refundsSince) continue;
    const refunds = await provider.refundsSince(new Date(now - SWEEP_WINDOW_MS));
    if (refunds.length === 0) continue;
    reconciled += await runtime.withTenant<PaymentTables, number>(tenant.id, async (trx) => {
      const recorded = await recordedRefundIds(trx, tenant.id, provider.name, refunds);
      let applied = 0;
      for (const paymentId of unrecordedPayments(refunds, recorded)) {
        if (await applyProviderEvent(trx, tenant.id, provider, paymentId, runtime.orderCancellation ?? null)) applied++;
      }
      return applied;
    });
  }
  return reconciled;
}

/** The payments with a refund the books lack (failed or cancelled refunds aside), in id order. */
function unrecordedPayments(refunds: readonly ProviderRefund[], recorded: ReadonlySet<string>): string[] {
  const payments = refunds.filter((r) => refundStands(r) && !recorded.has(r.id)).map((r) => r.paymentId);
  return [...new Set(payments)].sort();
}
