import { sql, type Kysely } from 'kysely';
import type { TenantDb } from '../../src/sdk';
import type { CustomerAddressRow, CustomerTables } from './tables';
import type { UserError } from './validation';

export interface MailingAddressInput {
  firstName?: string | null;
  lastName?: string | null;
  company?: string | null;
  address1?: string | null;
  address2?: string | null;
  city?: string | null;
  province?: string | null;
  zip?: string | null;
  country?: string | null;
  phone?: string | null;
}

/** An address book holds this many addresses at most, so a customer's book is read whole. */
export const MAX_ADDRESSES = 50;
const COLUMNS = {
  firstName: 'first_name',
  lastName: 'last_name',
  company: 'company',
  address1: 'address1',
  address2: 'address2',
  city: 'city',
  province: 'province',
  zip: 'zip',
  country: 'country_code',
  phone: 'phone',
} as const;
const MAX_LENGTH = 255;

export type AddressResult = { address: CustomerAddressRow | null; userErrors: UserError[] };
const notFound = (field: string): AddressResult => ({
  address: null,
  userErrors: [{ field: [field], code: 'NOT_FOUND', message: 'Address not found' }],
});

export function addressErrors(input: MailingAddressInput): UserError[] {
  const errors: UserError[] = [];
  for (const name of Object.keys(COLUMNS) as (keyof MailingAddressInput)[]) {
    const value = input[name];
    if (value == null) continue;
    const field = ['address', name];
    if (value.includes('\0')) errors.push({ field, code: 'INVALID', message: `${name} contains a NUL byte` });
    else if (value.length > MAX_LENGTH) errors.push({ field, code: 'TOO_LONG', message: `${name} is too long` });
  }
  if (input.country != null && input.country !== '' && !/^[A-Za-z]{2}$/.test(input.country)) {
    errors.push({ field: ['address', 'country'], code: 'INVALID', message: 'country is an ISO 3166-1 alpha-2 code' });
  }
  return errors;
}

/** The columns an input sets (blanks as null, country upper-cased); absent fields are left alone. */
function addressValues(input: MailingAddressInput) {
  const values: Record<string, string | null> = {};
  for (const [name, column] of Object.entries(COLUMNS)) {
    const value = input[name as keyof MailingAddressInput];
    if (value === undefined) continue;
    const trimmed = value?.trim() || null;
    values[column] = name === 'country' && trimmed ? trimmed.toUpperCase() : trimmed;
  }
  return values;
}

async function addressCount(trx: Kysely<CustomerTables>, tenantId: string, customerId: string) {
  const row = await trx
    .selectFrom('customer_addresses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Adds an address; the book's first address becomes its default. */
export async function createAddress(
  db: TenantDb,
  customerId: string,
  input: MailingAddressInput,
): Promise<AddressResult> {
  const userErrors = addressErrors(input);
  if (userErrors.length > 0) return { address: null, userErrors };
  return db.atomic<CustomerTables, AddressResult>(async (trx) => {
    // Locks the customer row: concurrent adds of one shopper queue, so the count and the default hold.
    await trx
      .selectFrom('customers')
      .select('id')
      .where('tenant_id', '=', db.tenantId)
      .where('id', '=', customerId)
      .forUpdate()
      .execute();
    const count = await addressCount(trx, db.tenantId, customerId);
    if (count >= MAX_ADDRESSES) {
      return {
        address: null,
        userErrors: [
          {
            field: ['address'],
            code: 'NOT_ALLOWED',
            message: `An address book holds at most ${MAX_ADDRESSES} addresses`,
          },
        ],
      };
    }
    const address = await trx
      .insertInto('customer_addresses')
      .values({ ...addressValues(input), tenant_id: db.tenantId, customer_id: customerId, is_default: count === 0 })
      .returningAll()
      .executeTakeFirstOrThrow();
    return { address, userErrors: [] };
  });
}

export async function updateAddress(
  db: TenantDb,
  customerId: string,
  id: string | null,
  input: MailingAddressInput,
): Promise<AddressResult> {
  if (!id) return notFound('id');
  const userErrors = addressErrors(input);
  if (userErrors.length > 0) return { address: null, userErrors };
  const address = await db.atomic<CustomerTables, CustomerAddressRow | undefined>((trx) =>
    trx
      .updateTable('customer_addresses')
      .set({ ...addressValues(input), updated_at: sql<Date>`now()` })
      .where('tenant_id', '=', db.tenantId)
      .where('customer_id', '=', customerId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst(),
  );
  return address ? { address, userErrors: [] } : notFound('id');
}

/** Removes an address; when it was the default, the oldest remaining one becomes the default. */
export async function deleteAddress(db: TenantDb, customerId: string, id: string | null): Promise<AddressResult> {
  if (!id) return notFound('id');
  const deleted = await db.atomic<CustomerTables, CustomerAddressRow | undefined>(async (trx) => {
    const row = await trx
      .deleteFrom('customer_addresses')
      .where('tenant_id', '=', db.tenantId)
      .where('customer_id', '=', customerId)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (row?.is_default) {
      await sql`update customer_addresses set is_default = true
        where id = (select min(id) from customer_addresses where tenant_id = ${db.tenantId} and customer_id = ${customerId})
          and tenant_id = ${db.tenantId}`.execute(trx);
    }
    return row;
  });
  return deleted ? { address: deleted, userErrors: [] } : notFound('id');
}

/** Makes one of the customer's addresses the default (and no other). */
export async function setDefaultAddress(db: TenantDb, customerId: string, id: string | null): Promise<UserError[]> {
  if (!id) return notFound('addressId').userErrors;
  const found = await db.atomic<CustomerTables, boolean>(async (trx) => {
    const target = await trx
      .selectFrom('customer_addresses')
      .select('id')
      .where('tenant_id', '=', db.tenantId)
      .where('customer_id', '=', customerId)
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!target) return false;
    await trx
      .updateTable('customer_addresses')
      .set({ is_default: sql<boolean>`id = ${id}` })
      .where('tenant_id', '=', db.tenantId)
      .where('customer_id', '=', customerId)
      .where((eb) => eb.or([eb('is_default', '=', true), eb('id', '=', id)]))
      .execute();
    return true;
  });
  return found ? [] : notFound('addressId').userErrors;
}
