import type { Tenant, TenantDb } from '../../../src/sdk';
import { enqueueMail } from '../mail/outbox';
import type { CustomerTables } from '../tables';
import { customerInputErrors, customerValues, type UserError } from '../validation';
import { hashPassword } from './passwords';
import { passwordErrors } from './password-policy';
import { sendVerification } from './verification';

export interface SignUpInput {
  email: string;
  password?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  phone?: string | null;
  acceptsMarketing?: boolean | null;
}

/** `created`: a new account's customer id; null when the email was already the shop's (told by mail). */
export type SignUpResult = { userErrors: UserError[]; created: string | null; existing: string | null };

/**
 * Opens an account (its email unverified) and queues a welcome mail with a verification link. An email the shop already knows is not taken over (a guest's orders would come with
 * it): the answer is the same as for a new one, and the owner of the address is told by mail. Both
 * paths hash the password and queue one mail, so they also take the same time.
 */
export async function signUp(db: TenantDb, tenant: Tenant, input: SignUpInput): Promise<SignUpResult> {
  const userErrors = [...customerInputErrors(input, true), ...passwordErrors(input.password, ['input', 'password'])];
  if (userErrors.length > 0) return { userErrors, created: null, existing: null };
  const hash = await hashPassword(input.password as string);
  const values = { email: '', ...customerValues(input), tenant_id: db.tenantId };
  return db.atomic<CustomerTables, SignUpResult>(async (trx) => {
    const inserted = await trx
      .insertInto('customers')
      .values(values)
      .onConflict((oc) => oc.columns(['tenant_id', 'email']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('customers')
        .select('id')
        .where('tenant_id', '=', db.tenantId)
        .where('email', '=', values.email)
        .executeTakeFirstOrThrow();
      await enqueueMail(trx, tenant, 'account-exists', values.email);
      return { userErrors: [], created: null, existing: existing.id };
    }
    await trx
      .insertInto('customer_accounts')
      .values({
        tenant_id: db.tenantId,
        customer_id: inserted.id,
        password_hash: hash,
        accepts_marketing: input.acceptsMarketing ?? false,
      })
      .execute();
    await sendVerification(
      trx,
      tenant,
      { id: inserted.id, email: values.email, firstName: input.firstName },
      'welcome',
    );
    return { userErrors: [], created: inserted.id, existing: null };
  });
}
