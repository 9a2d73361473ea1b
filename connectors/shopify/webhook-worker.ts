import type { PluginRuntime, Tenant } from '../../src/sdk';
import { GatewayError } from '../../src/sdk';
import type { ShopifyDb } from './tables';
import { handleWebhook } from './webhook-handlers';
import { claimWebhook, markDone, markFailed, type QueuedWebhook } from './webhook-queue';

/**
 * Drains the tenant's webhook queue: each event is claimed (`for update skip locked`, so instances
 * share the queue), applied and marked done in one transaction. A failure rolls its writes back and
 * schedules a retry. Returns how many events were handled; stops early when `signal` aborts.
 */
export async function processWebhooks(
  runtime: PluginRuntime,
  tenant: Tenant,
  options: { limit?: number; signal?: AbortSignal } = {},
): Promise<number> {
  // The privacy topics erase and export through every plugin's personal data, as the admin mutations do.
  const { personalData } = runtime;
  if (!personalData) throw new GatewayError('SERVICE_UNAVAILABLE', 'The gateway is not assembled yet');
  let handled = 0;
  for (let i = 0; i < (options.limit ?? 100) && !options.signal?.aborted; i++) {
    let failure: unknown;
    const event = await runtime
      .withTenant<ShopifyDb, QueuedWebhook | null>(tenant.id, async (trx) => {
        const claimed = await claimWebhook(trx, tenant.id);
        if (claimed) {
          await handleWebhook(trx, claimed, { personalData, tenant });
          await markDone(trx, claimed.id);
        }
        return claimed;
      })
      .catch((error: unknown) => {
        failure = error ?? new Error('webhook failed');
        return undefined;
      });
    if (failure !== undefined) {
      // The claim rolled back with the writes: claim the (oldest due) event again to record the failure.
      await runtime.withTenant<ShopifyDb, void>(tenant.id, async (trx) => {
        const again = await claimWebhook(trx, tenant.id);
        if (again) await markFailed(trx, again, reasonOf(failure));
      });
      runtime.log.warn({ err: failure, tenant: tenant.id }, 'shopify webhook failed');
    } else if (!event) break;
    handled++;
  }
  return handled;
}

function reasonOf(error: unknown): string {
  return error instanceof GatewayError ? error.code : 'INTERNAL_SERVER_ERROR';
}
