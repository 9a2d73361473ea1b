import { sql } from 'kysely';
import type { WebhookMeta } from './webhook-verify';
import type { ShopifyTrx } from './tables';

export interface QueuedWebhook {
  id: string;
  tenant_id: string;
  event_id: string;
  topic: string;
  shop: string;
  payload: Record<string, unknown>;
  attempts: number;
  /** X-Shopify-Triggered-At: the only time a delete carries. */
  triggered_at: Date | null;
}

/** Retries back off: 30 s, 2 min, 8 min...; after MAX_ATTEMPTS the event stays `failed`. */
const MAX_ATTEMPTS = 6;

/**
 * Queues a verified delivery. The unique (tenant_id, event_id) makes a replay or a Shopify retry a
 * no-op: returns false when the event was already known.
 */
export async function enqueueWebhook(
  trx: ShopifyTrx,
  tenantId: string,
  meta: WebhookMeta,
  payload: Record<string, unknown>,
): Promise<boolean> {
  const res = await trx
    .insertInto('shopify_webhook_events')
    .values({
      tenant_id: tenantId,
      event_id: meta.eventId,
      webhook_id: meta.webhookId ?? null,
      topic: meta.topic,
      shop: meta.shopDomain,
      payload: JSON.stringify(payload),
      triggered_at: meta.triggeredAt ?? null,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'event_id']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Claims the oldest due event of the tenant; the row stays locked until the caller's transaction ends. */
export async function claimWebhook(trx: ShopifyTrx, tenantId: string): Promise<QueuedWebhook | null> {
  const row = await trx
    .selectFrom('shopify_webhook_events')
    .select(['id', 'tenant_id', 'event_id', 'topic', 'shop', 'payload', 'attempts', 'triggered_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'queued')
    .where('available_at', '<=', sql<Date>`now()`)
    .orderBy('id')
    .limit(1)
    .forUpdate()
    .skipLocked()
    .executeTakeFirst();
  return row ?? null;
}

export async function markDone(trx: ShopifyTrx, id: string) {
  await trx
    .updateTable('shopify_webhook_events')
    .set({ status: 'done', processed_at: sql`now()`, last_error: null })
    .where('id', '=', id)
    .execute();
}

export async function markFailed(trx: ShopifyTrx, event: QueuedWebhook, reason: string) {
  const attempts = event.attempts + 1;
  await trx
    .updateTable('shopify_webhook_events')
    .set({
      attempts,
      last_error: reason,
      status: attempts >= MAX_ATTEMPTS ? 'failed' : 'queued',
      available_at: sql`now() + make_interval(secs => ${30 * 4 ** (attempts - 1)})`,
    })
    .where('id', '=', event.id)
    .execute();
}
