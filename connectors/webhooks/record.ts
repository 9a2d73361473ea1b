import { sql, type Kysely } from 'kysely';
import type { ClaimedDelivery } from './claim';
import type { SendResult } from './safe-send';

export interface Outcome {
  delivery: ClaimedDelivery;
  result: SendResult;
  /** Null after the last attempt: the delivery is dead. */
  retryInMs: number | null;
}

/**
 * Records an attempt's outcome, if the claim is still this attempt's (a lease that ran out may have
 * been claimed again): delivered, due again after the backoff, or dead. Returns whether it was recorded.
 */
export async function recordOutcome(trx: Kysely<unknown>, tenantId: string, o: Outcome): Promise<boolean> {
  const { delivery, result } = o;
  const status = result.ok ? 'DELIVERED' : o.retryInMs === null ? 'DEAD' : 'RETRYING';
  const retryIn = o.retryInMs ?? 0;
  const { rows } = await sql<{ id: string }>`
    update webhook_deliveries
       set status = ${status}, response_code = ${result.status}, last_error = ${result.error},
           delivered_at = case when ${result.ok} then now() else delivered_at end,
           next_attempt_at = now() + ${retryIn} * interval '1 millisecond',
           lease_until = null, claim_id = null, updated_at = now()
     where tenant_id = ${tenantId} and id = ${delivery.id} and claim_id = ${delivery.claim_id}
    returning id`.execute(trx);
  return rows.length > 0;
}

/**
 * Keeps the subscription's health: a success clears `failing_since`; a failure starts it, and a
 * subscription failing for longer than `disableAfterMs` is disabled. Returns true when this failure
 * disabled it (the caller tells the tenant).
 */
export async function recordHealth(
  trx: Kysely<unknown>,
  tenantId: string,
  subscriptionId: string,
  ok: boolean,
  disableAfterMs: number,
): Promise<boolean> {
  if (ok) {
    await sql`update webhook_subscriptions set failing_since = null
      where tenant_id = ${tenantId} and id = ${subscriptionId} and failing_since is not null`.execute(trx);
    return false;
  }
  const { rows } = await sql<{ disabled: boolean }>`
    update webhook_subscriptions
       set failing_since = coalesce(failing_since, now()),
           status = case when failing_since < now() - ${disableAfterMs} * interval '1 millisecond'
                         then 'DISABLED' else status end,
           updated_at = now()
     where tenant_id = ${tenantId} and id = ${subscriptionId}
    returning (status = 'DISABLED' and failing_since < now() - ${disableAfterMs} * interval '1 millisecond') as disabled`.execute(
    trx,
  );
  return rows[0]?.disabled ?? false;
}
