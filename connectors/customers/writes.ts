import { sql, type Kysely } from 'kysely';
import type { TenantDb } from '../../src/sdk';
import { emitEvent } from '../../src/sdk/db';
import { customerPayload } from './events';
import type { CustomerRow, CustomerTables } from './tables';
import { customerInputErrors, customerValues, type CustomerInput, type UserError } from './validation';

export type CustomerResult = { customer: CustomerRow | null; userErrors: UserError[] };

const UNIQUE_VIOLATION = '23505';
const taken = (): CustomerResult => ({
  customer: null,
  userErrors: [{ field: ['input', 'email'], code: 'TAKEN', message: 'A customer with this email already exists' }],
});

/** Runs a write atomically; a duplicate email (also from a concurrent write) is a TAKEN user error. */
async function guarded(
  db: TenantDb,
  topic: 'CUSTOMERS_CREATE' | 'CUSTOMERS_UPDATE',
  write: (trx: Kysely<CustomerTables>) => Promise<CustomerRow | undefined>,
): Promise<CustomerResult> {
  try {
    const customer = await db.atomic(async (trx: Kysely<CustomerTables>) => {
      const row = await write(trx);
      if (row) await emitEvent(trx, db.tenantId, topic, customerPayload(row));
      return row;
    });
    return customer
      ? { customer, userErrors: [] }
      : { customer: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: 'Customer not found' }] };
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) return taken();
    throw error;
  }
}

export async function createCustomer(db: TenantDb, input: CustomerInput): Promise<CustomerResult> {
  const userErrors = customerInputErrors(input, true);
  if (userErrors.length > 0) return { customer: null, userErrors };
  const values = { email: '', ...customerValues(input), tenant_id: db.tenantId };
  return guarded(db, 'CUSTOMERS_CREATE', (trx) =>
    trx.insertInto('customers').values(values).returningAll().executeTakeFirst(),
  );
}

export async function updateCustomer(db: TenantDb, id: string, input: CustomerInput): Promise<CustomerResult> {
  const userErrors = customerInputErrors(input, false);
  if (userErrors.length > 0) return { customer: null, userErrors };
  return guarded(db, 'CUSTOMERS_UPDATE', (trx) =>
    trx
      .updateTable('customers')
      .set({ ...customerValues(input), updated_at: sql<Date>`now()` })
      .where('tenant_id', '=', db.tenantId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),
  );
}
