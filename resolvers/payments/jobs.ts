import type { PluginJob } from '../../src/sdk';
import { expireUnpaidOrders } from '../../connectors/payments/expire-unpaid';
import { settleCancelledOrders } from '../../connectors/payments/settle-cancelled';
import { sweepRecentRefunds } from '../../connectors/payments/sweep-refunds';

/** Every minute, each tenant's unpaid orders past their window release their stock (claimed with skip locked). */
export const expireReservations: PluginJob = {
  name: 'payments-expire-reservations',
  intervalMs: 60_000,
  everyInstance: true,
  run: async (runtime, signal) => {
    for (const tenant of runtime.tenants().filter((t) => t.plugins.has('payments'))) {
      if (signal.aborted) return;
      await expireUnpaidOrders(runtime, tenant, Date.now()).catch((err: unknown) =>
        runtime.log.warn({ err, tenant: tenant.id }, 'unpaid orders not released'),
      );
    }
  },
};

/** Every minute, cancelled orders' captured money is refunded and open authorizations voided at their provider. */
export const settleCancellations: PluginJob = {
  name: 'payments-settle-cancellations',
  intervalMs: 60_000,
  everyInstance: true,
  run: async (runtime, signal) => {
    for (const tenant of runtime.tenants().filter((t) => t.plugins.has('payments'))) {
      if (signal.aborted) return;
      await settleCancelledOrders(runtime, tenant).catch((err: unknown) =>
        runtime.log.warn({ err, tenant: tenant.id }, 'cancelled orders not settled'),
      );
    }
  },
};

/**
 * Every ten minutes, once across instances, refunds the providers made recently that no transaction
 * records (their commit lost, their webhook never delivered) are reconciled as their webhook would.
 */
export const sweepRefunds: PluginJob = {
  name: 'payments-sweep-refunds',
  intervalMs: 10 * 60_000,
  run: async (runtime, signal) => {
    for (const tenant of runtime.tenants().filter((t) => t.plugins.has('payments'))) {
      if (signal.aborted) return;
      await sweepRecentRefunds(runtime, tenant, Date.now()).catch((err: unknown) =>
        runtime.log.warn({ err, tenant: tenant.id }, 'recent refunds not reconciled'),
      );
    }
  },
};
