import { sql, type Kysely } from 'kysely';
import type { DeliveryRow, DeliveryStatus, WebhookTables } from './tables';

type Trx = Kysely<WebhookTables>;

/** A page of one subscription's deliveries, newest first, before the given id. */
export async function listDeliveries(
  trx: Trx,
  tenantId: string,
  subscriptionId: string,
  size: number,
  beforeId: string | null,
  status?: DeliveryStatus | null,
): Promise<DeliveryRow[]> {
  let q = trx
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('subscription_id', '=', subscriptionId);
  if (beforeId) q = q.where('id', '<', beforeId);
  if (status) q = q.where('status', '=', status);
  return q
    .orderBy('id', 'desc')
    .limit(size + 1)
    .execute();
}

/**
 * Queues a delivery again at once with a fresh set of attempts (an admin's retry, typically of a dead
 * one). One in flight (leased) is left alone: undefined.
 */
export async function retryDelivery(trx: Trx, tenantId: string, id: string): Promise<DeliveryRow | undefined> {
  return trx
    .updateTable('webhook_deliveries')
    .set({
      status: 'PENDING',
      attempts: 0,
      next_attempt_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
    })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', sql<Date>`now()`)]))
    .returningAll()
    .executeTakeFirst();
}
