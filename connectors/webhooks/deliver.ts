import type { Kysely } from 'kysely';
import type { PluginRuntime } from '../../src/sdk';
import { retryDelayMs } from './backoff';
import { claimDue, type ClaimedDelivery } from './claim';
import { dispatchEvents } from './dispatch';
import type { WebhookOptions } from './options';
import { pruneEvents } from './prune';
import { recordHealth, recordOutcome } from './record';
import { safePost } from './safe-send';
import { signatureOf } from './signature';

/** The JSON body receivers get: the same bytes on every attempt of one delivery. */
export function deliveryBody(d: Pick<ClaimedDelivery, 'event_id' | 'topic' | 'event_created_at' | 'payload'>) {
  return JSON.stringify({
    id: d.event_id,
    topic: d.topic,
    createdAt: new Date(d.event_created_at).toISOString(),
    data: d.payload,
  });
}

/** One attempt: signed now (a fresh timestamp per attempt), sent, its outcome recorded. */
async function attempt(runtime: PluginRuntime, tenantId: string, d: ClaimedDelivery, options: WebhookOptions) {
  const body = deliveryBody(d);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'content-type': 'application/json',
    'user-agent': 'RetailGateway-Webhooks/1',
    'x-retail-event-id': d.event_id,
    'x-retail-topic': d.topic,
    'x-retail-timestamp': String(timestamp),
    'x-retail-signature': signatureOf(d.secret, timestamp, body),
    'x-retail-attempt': String(d.attempts),
  };
  const result = await safePost(d.callback_url, headers, body, options);
  const retryInMs = result.ok || d.attempts >= options.maxAttempts ? null : retryDelayMs(d.attempts, options);
  const disabled = await runtime.withTenant(tenantId, async (trx: Kysely<unknown>) => {
    if (!(await recordOutcome(trx, tenantId, { delivery: d, result, retryInMs }))) return false;
    return recordHealth(trx, tenantId, d.subscription_id, result.ok, options.disableAfterMs);
  });
  const fields = { tenant: tenantId, subscription: d.subscription_id, event: d.event_id, attempt: d.attempts };
  if (!result.ok)
    runtime.log.info({ ...fields, status: result.status, reason: result.error }, 'webhook attempt failed');
  if (!result.ok && retryInMs === null) runtime.log.warn(fields, 'webhook delivery dead after its last attempt');
  if (disabled) runtime.log.warn(fields, 'webhook subscription disabled: its deliveries have failed for too long');
}

/** One pass for one tenant: pending events fanned out to deliveries, due deliveries attempted. */
export async function deliverTenant(runtime: PluginRuntime, tenantId: string, options: WebhookOptions) {
  await runtime.withTenant(tenantId, (trx: Kysely<unknown>) => dispatchEvents(trx, tenantId, options.batchSize * 5));
  // The lease outlasts an attempt's timeout: a live attempt is never claimed again, only a dead one.
  const leaseMs = Math.max(options.leaseMs, options.timeoutMs * 2);
  const claimed = await runtime.withTenant(tenantId, (trx: Kysely<unknown>) =>
    claimDue(trx, tenantId, options.batchSize, leaseMs),
  );
  await Promise.all(claimed.map((d) => attempt(runtime, tenantId, d, options)));
  return claimed.length;
}

/** The job: deliveries for every tenant that enabled webhooks; old outbox events pruned for all. */
export async function deliverAll(runtime: PluginRuntime, options: WebhookOptions, signal: AbortSignal) {
  for (const tenant of runtime.tenants()) {
    if (signal.aborted) return;
    const subscribed = tenant.plugins.has('webhooks');
    if (subscribed) await deliverTenant(runtime, tenant.id, options);
    await runtime.withTenant(tenant.id, (trx: Kysely<unknown>) =>
      pruneEvents(trx, tenant.id, options.eventRetentionMs, !subscribed),
    );
  }
}
