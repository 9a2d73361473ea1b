import { sql } from 'kysely';
import type { Tenant, TenantDb } from '../../../src/sdk';
import { emitEvent } from '../../../src/sdk/db';
import { customerPayload } from '../events';
import { customersSettings } from '../settings';
import type { CustomerRow, CustomerTables } from '../tables';
import { customerInputErrors, customerValues, type UserError } from '../validation';
import { issueAccessToken, revokeAllAccessTokens, type IssuedToken } from './access-tokens';
import { hashPassword, passwordMatches } from './passwords';
import { PASSWORD_MAX_LENGTH, passwordErrors } from './password-policy';
import { sendVerification } from './verification';

export interface SelfUpdateInput {
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  email?: string | null;
  password?: string | null;
  currentPassword?: string | null;
  acceptsMarketing?: boolean | null;
}

export type SelfUpdateResult = {
  customer: CustomerRow | null;
  customerAccessToken: IssuedToken | null;
  userErrors: UserError[];
};

const failed = (userErrors: UserError[]): SelfUpdateResult => ({
  customer: null,
  customerAccessToken: null,
  userErrors,
});
const WRONG_PASSWORD = failed([
  { field: ['customer', 'currentPassword'], code: 'INVALID', message: 'The current password is not right' },
]);
const UNIQUE_VIOLATION = '23505';

/**
 * A shopper changes their own account. Names, phone and marketing consent change freely. A new email or
 * password needs the current password (a stolen access token alone cannot take the account over); a new
 * password revokes every access token and answers a new one; a new email is unverified until its
 * link (mailed to it) is followed.
 */
export async function updateOwnAccount(
  db: TenantDb,
  tenant: Tenant,
  current: CustomerRow,
  input: SelfUpdateInput,
): Promise<SelfUpdateResult> {
  const profile = { firstName: input.firstName, lastName: input.lastName, phone: input.phone, email: input.email };
  const errors = customerInputErrors(profile, false).map((e) => ({ ...e, field: ['customer', ...e.field.slice(1)] }));
  if (input.password != null) errors.push(...passwordErrors(input.password, ['customer', 'password']));
  if (errors.length > 0) return failed(errors);
  const values = customerValues(profile);
  const newEmail = values.email !== undefined && values.email !== current.email ? values.email : undefined;
  const newPassword = input.password ?? undefined;
  if (newEmail !== undefined || newPassword !== undefined) {
    const conn = await db.get<CustomerTables>();
    const account = await conn
      .selectFrom('customer_accounts')
      .select('password_hash')
      .where('tenant_id', '=', tenant.id)
      .where('customer_id', '=', current.id)
      .executeTakeFirst();
    const given = String(input.currentPassword ?? '').slice(0, PASSWORD_MAX_LENGTH + 1);
    if (!(await passwordMatches(account?.password_hash, given))) return WRONG_PASSWORD;
  }
  const hash = newPassword !== undefined ? await hashPassword(newPassword) : null;
  const ttlHours = customersSettings(tenant).accessTokenTtlHours;
  try {
    return await db.atomic<CustomerTables, SelfUpdateResult>(async (trx) => {
      const customer = await trx
        .updateTable('customers')
        .set({ ...values, updated_at: sql<Date>`now()` })
        .where('tenant_id', '=', tenant.id)
        .where('id', '=', current.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      const account: Record<string, unknown> = {};
      if (input.acceptsMarketing != null) account.accepts_marketing = input.acceptsMarketing;
      if (hash) Object.assign(account, { password_hash: hash, password_changed_at: sql`now()` });
      if (newEmail !== undefined) account.email_verified_at = null;
      if (Object.keys(account).length > 0) {
        await trx
          .updateTable('customer_accounts')
          .set(account)
          .where('tenant_id', '=', tenant.id)
          .where('customer_id', '=', current.id)
          .execute();
      }
      if (newEmail !== undefined) {
        await sendVerification(
          trx,
          tenant,
          { id: current.id, email: newEmail, firstName: customer.first_name },
          'verify',
        );
      }
      let customerAccessToken: IssuedToken | null = null;
      if (hash) {
        await revokeAllAccessTokens(trx, tenant.id, current.id);
        customerAccessToken = await issueAccessToken(trx, tenant.id, current.id, ttlHours);
      }
      await emitEvent(trx, tenant.id, 'CUSTOMERS_UPDATE', customerPayload(customer));
      return { customer, customerAccessToken, userErrors: [] };
    });
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    return failed([{ field: ['customer', 'email'], code: 'TAKEN', message: 'This email belongs to another account' }]);
  }
}
