import { sql, type Kysely } from 'kysely';

/** A delivery claimed for one attempt, with what sending it needs. */
export interface ClaimedDelivery {
  id: string;
  claim_id: string;
  subscription_id: string;
  event_id: string;
  topic: string;
  payload: Record<string, unknown>;
  event_created_at: Date;
  attempts: number;
  callback_url: string;
  secret: string;
}

/**
 * Claims the tenant's due deliveries of active subscriptions for one attempt each: `for update skip
 * locked` so instances never take the same one, and a lease (committed at once, before any request is
 * sent) so a delivery whose attempt never reports back (the process died) is due again when it ends.
 */
export async function claimDue(
  trx: Kysely<unknown>,
  tenantId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  const { rows } = await sql<ClaimedDelivery>`
    with due as (
      select d.id from webhook_deliveries d
        join webhook_subscriptions s on s.tenant_id = d.tenant_id and s.id = d.subscription_id and s.status = 'ACTIVE'
       where d.tenant_id = ${tenantId} and d.status in ('PENDING', 'RETRYING') and d.next_attempt_at <= now()
         and (d.lease_until is null or d.lease_until < now())
       order by d.next_attempt_at, d.id limit ${limit}
       for update of d skip locked
    )
    update webhook_deliveries d
       set attempts = d.attempts + 1, claim_id = gen_random_uuid(),
           lease_until = now() + ${leaseMs} * interval '1 millisecond', updated_at = now()
      from due, webhook_subscriptions s, webhook_secrets k
     where d.id = due.id and s.id = d.subscription_id and k.tenant_id = d.tenant_id
    returning d.id, d.claim_id, d.subscription_id, d.event_id, d.topic, d.payload, d.event_created_at, d.attempts,
      s.callback_url, k.secret`.execute(trx);
  return rows;
}
