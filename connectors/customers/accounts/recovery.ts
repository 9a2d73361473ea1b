import { sql } from 'kysely';
import { encodeGlobalId, type TenantDb, type Tenant } from '../../../src/sdk';
import { enqueueMail } from '../mail/outbox';
import { customersSettings } from '../settings';
import type { CustomerTables } from '../tables';
import type { UserError } from '../validation';
import { issueAccessToken, setMailProvenPassword, type IssuedToken } from './access-tokens';
import { hashPassword } from './passwords';
import { passwordErrors } from './password-policy';
import { isWellFormedToken, newSecretToken, tokenHash } from './tokens';

/** The link a reset mail carries: the storefront's page (settings.resetUrl) with the customer id and token. */
function resetLink(resetUrl: string | undefined, customerGid: string, token: string): string {
  const url = new URL(resetUrl ?? 'https://storefront.invalid/account/reset');
  url.searchParams.set('id', customerGid);
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * Starts a password reset: a customer of this email (with an account, or known from a guest checkout,
 * who thereby sets a first password) gets a link; an unknown email gets a mail saying there is no
 * account. Both write one mail, so the answer and the work tell nothing about which emails exist.
 */
export async function recoverAccount(db: TenantDb, tenant: Tenant, rawEmail: string): Promise<void> {
  const email = rawEmail.trim().toLowerCase();
  if (!email || email.length > 254 || !email.includes('@')) return;
  const settings = customersSettings(tenant);
  await db.atomic<CustomerTables, void>(async (trx) => {
    const customer = await trx
      .selectFrom('customers')
      .select(['id', 'first_name'])
      .where('tenant_id', '=', tenant.id)
      .where('email', '=', email)
      .executeTakeFirst();
    if (!customer) return enqueueMail(trx, tenant, 'no-account', email);
    const token = newSecretToken();
    await trx
      .insertInto('customer_reset_tokens')
      .values({
        tenant_id: tenant.id,
        customer_id: customer.id,
        token_hash: tokenHash(token),
        expires_at: sql<Date>`now() + make_interval(mins => ${settings.resetTokenTtlMinutes})`,
      })
      .execute();
    const link = resetLink(settings.resetUrl, encodeGlobalId('Customer', customer.id), token);
    await enqueueMail(trx, tenant, 'reset', email, { firstName: customer.first_name, resetLink: link });
  });
}

export type ResetResult = {
  customerId: string | null;
  customerAccessToken: IssuedToken | null;
  userErrors: UserError[];
};

const INVALID: ResetResult = {
  customerId: null,
  customerAccessToken: null,
  userErrors: [{ field: ['input', 'resetToken'], code: 'TOKEN_INVALID', message: 'Invalid or expired reset token' }],
};

/**
 * Sets a new password with a reset token: the token is used up (with every other reset token of the
 * customer), every access token is revoked, and a fresh one is issued. A customer known only from a
 * guest checkout gets an account here, having proved the address is theirs (the link also confirms
 * the email of an unverified account).
 */
export async function resetPassword(
  db: TenantDb,
  tenant: Tenant,
  customerId: string | null,
  input: { resetToken: string; password: string },
): Promise<ResetResult> {
  const problems = passwordErrors(input.password, ['input', 'password']);
  if (problems.length > 0) return { customerId: null, customerAccessToken: null, userErrors: problems };
  if (!customerId || !isWellFormedToken(input.resetToken)) return INVALID;
  // The token is checked before the password is hashed: a wrong one costs the caller no hashing work.
  const conn = await db.get<CustomerTables>();
  const hashOfToken = tokenHash(input.resetToken);
  const valid = await conn
    .selectFrom('customer_reset_tokens')
    .select('id')
    .where('tenant_id', '=', tenant.id)
    .where('customer_id', '=', customerId)
    .where('token_hash', '=', hashOfToken)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!valid) return INVALID;
  const hash = await hashPassword(input.password);
  const ttlHours = customersSettings(tenant).accessTokenTtlHours;
  return db.atomic<CustomerTables, ResetResult>(async (trx) => {
    // Used up here: of two resets racing with one token, one finds it gone.
    const used = await trx
      .deleteFrom('customer_reset_tokens')
      .where('tenant_id', '=', tenant.id)
      .where('customer_id', '=', customerId)
      .where('token_hash', '=', hashOfToken)
      .returning(sql<boolean>`expires_at > now()`.as('live'))
      .executeTakeFirst();
    if (!used?.live) return INVALID;
    await trx
      .deleteFrom('customer_reset_tokens')
      .where('tenant_id', '=', tenant.id)
      .where('customer_id', '=', customerId)
      .execute();
    await setMailProvenPassword(trx, tenant.id, customerId, hash);
    const customerAccessToken = await issueAccessToken(trx, tenant.id, customerId, ttlHours);
    return { customerId, customerAccessToken, userErrors: [] };
  });
}
