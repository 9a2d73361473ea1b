import type { Kysely } from 'kysely';
import type { Shopper, TenantDb } from '../../../src/sdk';
import type { CustomerTables } from '../tables';
import type { VerifiedIdentity } from './identity-provider';

async function linked(conn: Kysely<CustomerTables>, tenantId: string, identity: VerifiedIdentity) {
  const row = await conn
    .selectFrom('customer_identities as i')
    .innerJoin('customers as c', (j) => j.onRef('c.id', '=', 'i.customer_id').onRef('c.tenant_id', '=', 'i.tenant_id'))
    .select(['c.id', 'c.email'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.issuer', '=', identity.issuer)
    .where('i.subject', '=', identity.subject)
    .executeTakeFirst();
  return row ? { customerId: row.id, email: row.email } : null;
}

/**
 * The customer an identity provider's subject signs in as: the one linked to it, else (first sign-in)
 * the tenant's customer of the token's verified email, created when there is none, and linked. Concurrent
 * first sign-ins of one subject link one customer: the (tenant, email) and (tenant, issuer, subject)
 * unique keys make the later ones find the first one's rows. Without a verified email a new subject is
 * not signed in (nothing to find or create the customer by).
 */
export async function shopperOfIdentity(db: TenantDb, identity: VerifiedIdentity): Promise<Shopper | null> {
  const known = await linked(await db.get<CustomerTables>(), db.tenantId, identity);
  if (known || !identity.email) return known;
  const email = identity.email;
  return db.atomic<CustomerTables, Shopper | null>(async (trx) => {
    const created = await trx
      .insertInto('customers')
      .values({ tenant_id: db.tenantId, email, first_name: identity.firstName, last_name: identity.lastName })
      .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing())
      .returning('id')
      .executeTakeFirst();
    const customer =
      created ??
      (await trx
        .selectFrom('customers')
        .select('id')
        .where('tenant_id', '=', db.tenantId)
        .where('email', '=', email)
        .executeTakeFirstOrThrow());
    const link = await trx
      .insertInto('customer_identities')
      .values({ tenant_id: db.tenantId, customer_id: customer.id, issuer: identity.issuer, subject: identity.subject })
      .onConflict((oc) => oc.columns(['tenant_id', 'issuer', 'subject']).doNothing())
      .returning('customer_id')
      .executeTakeFirst();
    if (link) return { customerId: customer.id, email };
    // Another sign-in of this subject linked it first.
    return linked(trx, db.tenantId, identity);
  });
}
