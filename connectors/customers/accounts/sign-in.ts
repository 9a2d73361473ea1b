import { sql, type Kysely } from 'kysely';
import type { TenantDb } from '../../../src/sdk';
import type { CustomerTables } from '../tables';
import type { UserError } from '../validation';
import { issueAccessToken, revokeAccessToken, type IssuedToken } from './access-tokens';
import { hashPassword, needsRehash, passwordMatches } from './passwords';
import { PASSWORD_MAX_LENGTH } from './password-policy';

export type TokenResult = { customerAccessToken: IssuedToken | null; userErrors: UserError[] };

/** One answer for an unknown email, a wrong password and an account without a password. */
export const UNIDENTIFIED: UserError[] = [
  { field: ['input'], code: 'UNIDENTIFIED_CUSTOMER', message: 'Unidentified customer' },
];
const UNVERIFIED: UserError[] = [
  {
    field: ['input', 'email'],
    code: 'EMAIL_NOT_VERIFIED',
    message: 'Confirm your email address with the link we sent first (customerRecover sends a new one)',
  },
];
const TOKEN_INVALID: UserError[] = [
  { field: ['customerAccessToken'], code: 'TOKEN_INVALID', message: 'Invalid or expired access token' },
];

async function accountOf(db: TenantDb, email: string) {
  const conn = await db.get<CustomerTables>();
  return conn
    .selectFrom('customers as c')
    .innerJoin('customer_accounts as a', (j) =>
      j.onRef('a.customer_id', '=', 'c.id').onRef('a.tenant_id', '=', 'c.tenant_id'),
    )
    .select(['c.id', 'a.password_hash', 'a.email_verified_at'])
    .where('c.tenant_id', '=', db.tenantId)
    .where('c.email', '=', email)
    .executeTakeFirst();
}

/**
 * Signs a shopper in with email and password. Every failure does the same work (a hash check, against a
 * decoy when there is no account) and gives the same answer, so neither tells whether the email exists.
 */
export async function createAccessToken(
  db: TenantDb,
  input: { email: string; password: string },
  settings: { ttlHours: number; requireVerifiedEmail: boolean },
): Promise<TokenResult> {
  const { ttlHours } = settings;
  const email = String(input.email ?? '')
    .trim()
    .toLowerCase();
  const password = String(input.password ?? '').slice(0, PASSWORD_MAX_LENGTH + 1);
  const account = email.length > 0 && email.length <= 254 ? await accountOf(db, email) : undefined;
  const matches = await passwordMatches(account?.password_hash, password);
  if (!account || !matches) return { customerAccessToken: null, userErrors: UNIDENTIFIED };
  // Told only to whoever knows the password: it says nothing about which emails have accounts.
  if (settings.requireVerifiedEmail && account.email_verified_at == null) {
    return { customerAccessToken: null, userErrors: UNVERIFIED };
  }
  const rehashed = needsRehash(account.password_hash) ? await hashPassword(password) : null;
  const token = await db.atomic<CustomerTables, IssuedToken>(async (trx) => {
    if (rehashed) await storePasswordHash(trx, db.tenantId, account.id, rehashed, false);
    return issueAccessToken(trx, db.tenantId, account.id, ttlHours);
  });
  return { customerAccessToken: token, userErrors: [] };
}

/** Replaces a customer's password hash (`changed`: a new password, not an upgraded hash of the same one). */
export async function storePasswordHash(
  trx: Kysely<CustomerTables>,
  tenantId: string,
  customerId: string,
  hash: string,
  changed: boolean,
) {
  await trx
    .updateTable('customer_accounts')
    .set({ password_hash: hash, ...(changed ? { password_changed_at: sql<Date>`now()` } : {}) })
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .execute();
}

/** Rotates a token: the old one stops working, a new one with a fresh expiry is issued. */
export async function renewAccessToken(db: TenantDb, token: string, ttlHours: number): Promise<TokenResult> {
  const renewed = await db.atomic<CustomerTables, IssuedToken | null>(async (trx) => {
    const old = await revokeAccessToken(trx, db.tenantId, token);
    if (!old?.live) return null;
    return issueAccessToken(trx, db.tenantId, old.customer_id, ttlHours);
  });
  return renewed
    ? { customerAccessToken: renewed, userErrors: [] }
    : { customerAccessToken: null, userErrors: TOKEN_INVALID };
}

/** Signs out: the token is revoked. */
export async function deleteAccessToken(db: TenantDb, token: string) {
  const deleted = await db.atomic<CustomerTables, unknown>((trx) => revokeAccessToken(trx, db.tenantId, token));
  return deleted
    ? { deletedAccessToken: token, userErrors: [] }
    : { deletedAccessToken: null, userErrors: TOKEN_INVALID };
}
