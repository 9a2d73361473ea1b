import { sql, type Kysely } from 'kysely';

/** The order's whole row after a write, for the payload (the orders plugin's Order resolvers read it). */
export async function orderRow<DB>(
  trx: Kysely<DB>,
  tenantId: string,
  orderId: string,
): Promise<Record<string, unknown>> {
  const { rows } = await sql<
    Record<string, unknown>
  >`select * from orders where tenant_id = ${tenantId} and id = ${orderId}`.execute(trx);
  return rows[0];
}
