import { sql, type Kysely } from 'kysely';
import { encodeGlobalId, type Tenant, type TenantDb } from '../../../src/sdk';
import { enqueueMail } from '../mail/outbox';
import { customersSettings } from '../settings';
import type { CustomerTables } from '../tables';
import type { UserError } from '../validation';
import { issueAccessToken, setMailProvenPassword, type IssuedToken } from './access-tokens';
import { hashPassword } from './passwords';
import { passwordErrors } from './password-policy';
import { isWellFormedToken, newSecretToken, tokenHash } from './tokens';

/** A storefront page's link with the customer id and a token (reset and verification links). */
export function accountLink(page: string | undefined, fallbackPath: string, customerId: string, token: string) {
  const url = new URL(page ?? `https://storefront.invalid${fallbackPath}`);
  url.searchParams.set('id', encodeGlobalId('Customer', customerId));
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * Mails a verification link for `email` (in a welcome mail for a new account, else a verify mail); the
 * customer's earlier links stop working. The token is stored hashed, for this email only.
 */
export async function sendVerification(
  trx: Kysely<CustomerTables>,
  tenant: Tenant,
  customer: { id: string; email: string; firstName?: string | null },
  kind: 'welcome' | 'verify',
): Promise<void> {
  const settings = customersSettings(tenant);
  const token = newSecretToken();
  await trx
    .deleteFrom('customer_activation_tokens')
    .where('tenant_id', '=', tenant.id)
    .where('customer_id', '=', customer.id)
    .execute();
  await trx
    .insertInto('customer_activation_tokens')
    .values({
      tenant_id: tenant.id,
      customer_id: customer.id,
      email: customer.email,
      token_hash: tokenHash(token),
      expires_at: sql<Date>`now() + make_interval(hours => ${settings.verifyTokenTtlHours})`,
    })
    .execute();
  const verifyLink = accountLink(settings.activationUrl, '/account/activate', customer.id, token);
  await enqueueMail(trx, tenant, kind, customer.email, { firstName: customer.firstName, verifyLink });
}

export type ActivateResult = {
  customerId: string | null;
  customerAccessToken: IssuedToken | null;
  userErrors: UserError[];
};

const INVALID: ActivateResult = {
  customerId: null,
  customerAccessToken: null,
  userErrors: [
    { field: ['input', 'activationToken'], code: 'TOKEN_INVALID', message: 'Invalid or expired activation token' },
  ],
};

/**
 * Confirms the email a verification link was sent to and signs the shopper in (a new access token).
 * With a `password`, also sets it (an account without one gets it here), revoking every earlier token.
 * The token works once, expires, and only for the email it was sent to: after a later change of email
 * it confirms nothing.
 */
export async function activateAccount(
  db: TenantDb,
  tenant: Tenant,
  customerId: string | null,
  input: { activationToken: string; password?: string | null },
): Promise<ActivateResult> {
  if (input.password != null) {
    const problems = passwordErrors(input.password, ['input', 'password']);
    if (problems.length > 0) return { customerId: null, customerAccessToken: null, userErrors: problems };
  }
  if (!customerId || !isWellFormedToken(input.activationToken)) return INVALID;
  const hashOfToken = tokenHash(input.activationToken);
  // Checked before any password is hashed: a wrong token costs the caller no hashing work.
  const conn = await db.get<CustomerTables>();
  const valid = await conn
    .selectFrom('customer_activation_tokens as t')
    .leftJoin('customer_accounts as a', (j) =>
      j.onRef('a.customer_id', '=', 't.customer_id').onRef('a.tenant_id', '=', 't.tenant_id'),
    )
    .select('a.customer_id as account')
    .where('t.tenant_id', '=', tenant.id)
    .where('t.customer_id', '=', customerId)
    .where('t.token_hash', '=', hashOfToken)
    .where('t.expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  if (!valid) return INVALID;
  // A customer without a password has no account to sign in to: they choose one with this link.
  if (valid.account == null && input.password == null) {
    return {
      customerId: null,
      customerAccessToken: null,
      userErrors: [{ field: ['input', 'password'], code: 'BLANK', message: 'Choose a password' }],
    };
  }
  const hash = input.password != null ? await hashPassword(input.password) : null;
  const ttlHours = customersSettings(tenant).accessTokenTtlHours;
  return db.atomic<CustomerTables, ActivateResult>(async (trx) => {
    const used = await trx
      .deleteFrom('customer_activation_tokens')
      .where('tenant_id', '=', tenant.id)
      .where('customer_id', '=', customerId)
      .where('token_hash', '=', hashOfToken)
      .returning(['email', sql<boolean>`expires_at > now()`.as('live')])
      .executeTakeFirst();
    if (!used?.live) return INVALID;
    const current = await trx
      .selectFrom('customers')
      .select('email')
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', customerId)
      .executeTakeFirst();
    if (current?.email !== used.email) return INVALID;
    if (hash) {
      await setMailProvenPassword(trx, tenant.id, customerId, hash);
    } else {
      await trx
        .updateTable('customer_accounts')
        .set({ email_verified_at: sql<Date>`now()` })
        .where('tenant_id', '=', tenant.id)
        .where('customer_id', '=', customerId)
        .execute();
    }
    const customerAccessToken = await issueAccessToken(trx, tenant.id, customerId, ttlHours);
    return { customerId, customerAccessToken, userErrors: [] };
  });
}
