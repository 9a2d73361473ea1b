import type { Kysely } from 'kysely';
import type { OrderCancellation } from '../../src/sdk';
import { cancelInTransaction } from './cancel';
import type { OrderTables } from './tables';

/**
 * The orders plugin's cancel for other plugins (`orderCancellation`): `orderCancel`'s own path with its
 * defaults (reason OTHER, restock), since whoever completes a lost cancel no longer knows the caller's.
 */
export const orderCancellation: OrderCancellation = {
  async cancelInTransaction(trx, tenantId, orderId) {
    const result = await cancelInTransaction(trx as unknown as Kysely<OrderTables>, tenantId, orderId, 'OTHER', true);
    return result.order ? { cancelled: true } : { cancelled: false, code: result.userErrors[0]?.code ?? 'NOT_ALLOWED' };
  },
};
