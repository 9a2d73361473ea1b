import { sql, type Kysely } from 'kysely';
import type { SubscriptionRow, WebhookTables } from './tables';

type Trx = Kysely<WebhookTables>;

export async function insertSubscription(trx: Trx, tenantId: string, topic: string, callbackUrl: string) {
  return trx
    .insertInto('webhook_subscriptions')
    .values({ tenant_id: tenantId, topic, callback_url: callbackUrl, format: 'JSON' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A new callback URL; updating re-enables a disabled subscription (its failures start over). */
export async function updateSubscription(
  trx: Trx,
  tenantId: string,
  id: string,
  callbackUrl: string,
): Promise<SubscriptionRow | undefined> {
  return trx
    .updateTable('webhook_subscriptions')
    .set({ callback_url: callbackUrl, status: 'ACTIVE', failing_since: null, updated_at: sql<Date>`now()` })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export async function deleteSubscription(trx: Trx, tenantId: string, id: string): Promise<boolean> {
  const row = await trx
    .deleteFrom('webhook_subscriptions')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/** A page of the tenant's subscriptions, oldest first, after the given id. */
export async function listSubscriptions(
  trx: Trx,
  tenantId: string,
  size: number,
  afterId: string | null,
  topic?: string | null,
) {
  let q = trx.selectFrom('webhook_subscriptions').selectAll().where('tenant_id', '=', tenantId);
  if (afterId) q = q.where('id', '>', afterId);
  if (topic) q = q.where('topic', '=', topic);
  return q
    .orderBy('id')
    .limit(size + 1)
    .execute();
}
