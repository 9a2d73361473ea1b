import type { Kysely } from 'kysely';
import type { PaymentTables, TransactionRow } from './tables';

/** The transaction a write with this idempotency key already recorded, if any (a retried call). */
export function transactionByKey(
  trx: Kysely<PaymentTables>,
  tenantId: string,
  idempotencyKey: string,
): Promise<TransactionRow | undefined> {
  return trx
    .selectFrom('payment_transactions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}
