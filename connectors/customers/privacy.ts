import { sql, type Kysely } from 'kysely';
import type { PersonalData, PersonalDataHolder, PrivacyRequest, Tenant, TenantDb } from '../../src/sdk';
import type { CustomerTables } from './tables';
import type { UserError } from './validation';

const TOKEN_TABLES = [
  'customer_access_tokens',
  'customer_reset_tokens',
  'customer_activation_tokens',
  'customer_identities',
  'customer_addresses',
  'customer_accounts',
] as const;

/** The address an erased customer's row keeps: unique per customer, and no one's. */
export const erasedEmail = (customerId: string) => `redacted-${customerId}@redacted.invalid`;

/**
 * What the customers plugin holds of a customer: the profile, the account (never its password hash or
 * tokens), the address book, the identities they sign in with, and the record of privacy requests.
 * Each request is recorded here, in the same transaction as its work.
 */
export const customerPersonalData: PersonalDataHolder = {
  async export(db, tenantId, request) {
    const trx = db as Kysely<CustomerTables>;
    const id = request.subject.customerId;
    const profile = await trx
      .selectFrom('customers')
      .select(['email', 'first_name', 'last_name', 'phone', 'orders_count', 'amount_spent', 'created_at', 'updated_at'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .executeTakeFirst();
    const account = await trx
      .selectFrom('customer_accounts')
      .select(['accepts_marketing', 'email_verified_at', 'password_changed_at', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .where('customer_id', '=', id)
      .executeTakeFirst();
    const addresses = await trx
      .selectFrom('customer_addresses')
      .select([
        'first_name',
        'last_name',
        'company',
        'address1',
        'address2',
        'city',
        'province',
        'zip',
        'country_code',
        'phone',
        'is_default',
        'created_at',
      ])
      .where('tenant_id', '=', tenantId)
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute();
    const identities = await trx
      .selectFrom('customer_identities')
      .select(['issuer', 'subject', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute();
    await record(trx, tenantId, request);
    const privacyRequests = await trx
      .selectFrom('customer_privacy_requests')
      .select(['kind', 'created_at'])
      .where('tenant_id', '=', tenantId)
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute();
    return { profile: profile ?? null, account: account ?? null, addresses, identities, privacyRequests };
  },

  async erase(db, tenantId, request) {
    const trx = db as Kysely<CustomerTables>;
    const { customerId, email } = request.subject;
    for (const table of TOKEN_TABLES) {
      await trx
        .deleteFrom(table as 'customer_addresses')
        .where('tenant_id', '=', tenantId)
        .where('customer_id', '=', customerId)
        .execute();
    }
    // Mail to the address, sent or waiting (a sent mail's body is already blank; its recipient is not).
    await trx
      .deleteFrom('customer_mail_outbox')
      .where('tenant_id', '=', tenantId)
      .where('recipient', '=', email)
      .execute();
    await trx
      .updateTable('customers')
      .set({
        email: erasedEmail(customerId),
        first_name: null,
        last_name: null,
        phone: null,
        updated_at: sql<Date>`now()`,
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', customerId)
      .execute();
    await record(trx, tenantId, request);
  },
};

async function record(trx: Kysely<CustomerTables>, tenantId: string, request: PrivacyRequest) {
  await trx
    .insertInto('customer_privacy_requests')
    .values({
      tenant_id: tenantId,
      customer_id: request.subject.customerId,
      kind: request.kind,
      requested_by: request.requestedBy.slice(0, 200),
    })
    .execute();
}

export type PrivacyResult = {
  customerId: string | null;
  data: Record<string, unknown> | null;
  userErrors: UserError[];
};

const NOT_FOUND: PrivacyResult = {
  customerId: null,
  data: null,
  userErrors: [{ field: ['customerId'], code: 'NOT_FOUND', message: 'Customer not found' }],
};

/**
 * Runs a privacy request for a customer of the tenant through every plugin's personal data, in one
 * transaction (the customer row locked: an erasure and an export of one customer do not interleave).
 * An export answers the data; both are recorded.
 */
export async function privacyRequest(
  db: TenantDb,
  tenant: Tenant,
  personalData: PersonalData,
  kind: PrivacyRequest['kind'],
  customerId: string | null,
  requestedBy: string,
): Promise<PrivacyResult> {
  if (!customerId) return NOT_FOUND;
  return db.atomic<CustomerTables, PrivacyResult>(async (trx) => {
    const customer = await trx
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('tenant_id', '=', tenant.id)
      .where('id', '=', customerId)
      .forUpdate()
      .executeTakeFirst();
    if (!customer) return NOT_FOUND;
    const request: PrivacyRequest = { kind, subject: { customerId, email: customer.email }, requestedBy };
    const raw = trx as unknown as Kysely<unknown>;
    if (kind === 'export') {
      const data = await personalData.export(raw, tenant, request);
      return { customerId, data: { exportedAt: new Date().toISOString(), ...data }, userErrors: [] };
    }
    await personalData.erase(raw, tenant, request);
    return { customerId, data: null, userErrors: [] };
  });
}
