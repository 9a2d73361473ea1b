import { sql, type Kysely } from 'kysely';

export interface SessionRow {
  order_id: string;
  gateway: string;
  gateway_id: string;
  status: string;
}

export async function sessionOfOrder<DB>(
  trx: Kysely<DB>,
  tenantId: string,
  orderId: string,
): Promise<SessionRow | undefined> {
  const { rows } = await sql<SessionRow>`select order_id::text, gateway, gateway_id, status from payment_sessions
    where tenant_id = ${tenantId} and order_id = ${orderId}`.execute(trx);
  return rows[0];
}

export async function sessionOfPayment<DB>(trx: Kysely<DB>, tenantId: string, gateway: string, paymentId: string) {
  const { rows } = await sql<SessionRow>`select order_id::text, gateway, gateway_id, status from payment_sessions
    where tenant_id = ${tenantId} and gateway = ${gateway} and gateway_id = ${paymentId}`.execute(trx);
  return rows[0];
}

/** Records the provider payment opened for the order; a concurrent request that got there first wins. */
export async function saveSession<DB>(
  trx: Kysely<DB>,
  tenantId: string,
  orderId: string,
  gateway: string,
  paymentId: string,
  status: string,
) {
  await sql`insert into payment_sessions (tenant_id, order_id, gateway, gateway_id, status)
    values (${tenantId}, ${orderId}, ${gateway}, ${paymentId}, ${status}) on conflict do nothing`.execute(trx);
}
