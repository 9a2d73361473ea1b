import { sql } from 'kysely';
import { fromExcluded } from '../../src/sdk/db';
import type { CustomerRecord } from './records';
import { SOURCE, type ShopifyTrx } from './tables';
import { notOlder } from './versions';

/** Emails are required and unique per shop in our tables; Shopify customers may have none. */
function customerEmail(c: Pick<CustomerRecord, 'email' | 'externalId'>): string {
  return c.email?.trim().toLowerCase() || `${c.externalId.split('/').pop()}@shopify-customer.invalid`;
}

/**
 * Upserts customers. A customer created in the gateway with the same email is adopted (it becomes
 * the Shopify customer) rather than duplicated, as the email is unique per tenant. A customer older
 * than the stored version (or than its redaction) is left as it is.
 */
export async function upsertCustomers(trx: ShopifyTrx, tenantId: string, customers: CustomerRecord[]): Promise<number> {
  if (customers.length === 0) return 0;
  const unique = [...new Map(customers.map((c) => [c.externalId, c])).values()];
  const rows = unique.map((c) => ({
    tenant_id: tenantId,
    source: SOURCE,
    external_id: c.externalId,
    email: customerEmail(c),
    first_name: c.firstName,
    last_name: c.lastName,
    phone: c.phone,
    orders_count: c.ordersCount,
    amount_spent: c.amountSpent,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
    shopify_updated_at: c.updatedAt,
  }));
  await sql`update customers c set source = ${SOURCE}, external_id = v.external_id
    from (values ${sql.join(rows.map((r) => sql`(${r.email}, ${r.external_id})`))}) as v(email, external_id)
    where c.tenant_id = ${tenantId} and c.email = v.email and c.external_id is null`.execute(trx);
  await trx
    .insertInto('customers')
    .values(rows)
    .onConflict((oc) =>
      oc
        .columns(['tenant_id', 'source', 'external_id'])
        .doUpdateSet(
          fromExcluded([
            'email',
            'first_name',
            'last_name',
            'phone',
            'orders_count',
            'amount_spent',
            'updated_at',
            'shopify_updated_at',
          ]),
        )
        .where(notOlder('customers')),
    )
    .execute();
  return rows.length;
}
