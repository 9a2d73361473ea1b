import { sql, type Kysely } from 'kysely';
import type { Shopper, TenantDb } from '../../../src/sdk';
import type { CustomerTables } from '../tables';
import { isWellFormedToken, newSecretToken, tokenHash } from './tokens';

export interface IssuedToken {
  accessToken: string;
  expiresAt: Date;
}

/** Issues a new access token for the customer; only its hash is stored. */
export async function issueAccessToken(
  trx: Kysely<CustomerTables>,
  tenantId: string,
  customerId: string,
  ttlHours: number,
): Promise<IssuedToken> {
  const accessToken = newSecretToken();
  const row = await trx
    .insertInto('customer_access_tokens')
    .values({
      tenant_id: tenantId,
      customer_id: customerId,
      token_hash: tokenHash(accessToken),
      expires_at: sql<Date>`now() + make_interval(hours => ${ttlHours})`,
    })
    .returning('expires_at')
    .executeTakeFirstOrThrow();
  return { accessToken, expiresAt: row.expires_at };
}

/** The shopper an unexpired access token names, in this tenant; one statement. */
export async function shopperOfToken(db: TenantDb, token: string): Promise<Shopper | null> {
  if (!isWellFormedToken(token)) return null;
  const conn = await db.get<CustomerTables>();
  const row = await conn
    .selectFrom('customer_access_tokens as t')
    .innerJoin('customers as c', (j) => j.onRef('c.id', '=', 't.customer_id').onRef('c.tenant_id', '=', 't.tenant_id'))
    .select(['c.id', 'c.email'])
    .where('t.tenant_id', '=', db.tenantId)
    .where('t.token_hash', '=', tokenHash(token))
    .where('t.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row ? { customerId: row.id, email: row.email } : null;
}

/** Revokes one token; true when it existed (expired or not). */
export async function revokeAccessToken(trx: Kysely<CustomerTables>, tenantId: string, token: string) {
  if (!isWellFormedToken(token)) return null;
  return trx
    .deleteFrom('customer_access_tokens')
    .where('tenant_id', '=', tenantId)
    .where('token_hash', '=', tokenHash(token))
    .returning(['id', 'customer_id', sql<boolean>`expires_at > now()`.as('live')])
    .executeTakeFirst();
}

/** Revokes every token of a customer (password reset or change, erasure). */
export async function revokeAllAccessTokens(trx: Kysely<CustomerTables>, tenantId: string, customerId: string) {
  await trx
    .deleteFrom('customer_access_tokens')
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .execute();
}

/**
 * Sets the customer's password from a token mailed to their address (a reset or a verification), which
 * also proves the address, and revokes every access token they had.
 */
export async function setMailProvenPassword(
  trx: Kysely<CustomerTables>,
  tenantId: string,
  customerId: string,
  hash: string,
) {
  await trx
    .insertInto('customer_accounts')
    .values({ tenant_id: tenantId, customer_id: customerId, password_hash: hash, email_verified_at: sql`now()` })
    .onConflict((oc) =>
      oc.column('customer_id').doUpdateSet({
        password_hash: hash,
        password_changed_at: sql<Date>`now()`,
        email_verified_at: sql<Date>`now()`,
      }),
    )
    .execute();
  await revokeAllAccessTokens(trx, tenantId, customerId);
}
