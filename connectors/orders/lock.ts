import type { Kysely } from 'kysely';
import type { OrderRow, OrderTables } from './tables';

/** The order, locked for this transaction: concurrent cancels and fulfils of one order queue here. */
export async function lockOrder(trx: Kysely<OrderTables>, tenantId: string, id: string): Promise<OrderRow | null> {
  const row = await trx
    .selectFrom('orders')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  return row ?? null;
}
