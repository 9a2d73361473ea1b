import type { Kysely } from 'kysely';
import { lockRow } from '../../src/sdk/db';
import type { OrderRow, OrderTables } from './tables';

/** The order, locked for this transaction: concurrent cancels and fulfils of one order queue here. */
export function lockOrder(trx: Kysely<OrderTables>, tenantId: string, id: string): Promise<OrderRow | null> {
  return lockRow<OrderRow>(trx, 'orders', tenantId, id);
}
