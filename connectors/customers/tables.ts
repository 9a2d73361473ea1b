import { tableShape } from '../../src/sdk';
import type { ColumnType, Generated, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface CustomersTable {
  id: Generated<string>;
  tenant_id: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  name_key: ColumnType<string, never, never>;
  orders_count: ColumnType<number, number | undefined, number>;
  amount_spent: ColumnType<string, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A shopper's sign-in: the password hash lives here, never on the customer row. */
export interface CustomerAccountsTable {
  customer_id: string;
  tenant_id: string;
  password_hash: string;
  accepts_marketing: ColumnType<boolean, boolean | undefined, boolean>;
  password_changed_at: Timestamp;
  /** When the account's present email was confirmed; null until then. */
  email_verified_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  created_at: Timestamp;
}

/** Access tokens by SHA-256 hash: the token itself is known only to the shopper. */
export interface CustomerAccessTokensTable {
  id: Generated<string>;
  tenant_id: string;
  customer_id: string;
  token_hash: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface CustomerAddressesTable {
  id: Generated<string>;
  tenant_id: string;
  customer_id: string;
  first_name: string | null;
  last_name: string | null;
  company: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  province: string | null;
  zip: string | null;
  country_code: string | null;
  phone: string | null;
  is_default: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Account emails waiting to be sent; bodies are blanked once sent. */
export interface CustomerMailOutboxTable {
  id: Generated<string>;
  tenant_id: string;
  kind: string;
  recipient: string;
  subject: string;
  text_body: string | null;
  html_body: string | null;
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  sent_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  last_error: string | null;
  created_at: Timestamp;
}

/** Password reset tokens by SHA-256 hash; a token is deleted when used. */
export interface CustomerResetTokensTable {
  id: Generated<string>;
  tenant_id: string;
  customer_id: string;
  token_hash: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** A shopper of the tenant's identity provider: the provider's `sub` and the customer it signs in as. */
export interface CustomerIdentitiesTable {
  id: Generated<string>;
  tenant_id: string;
  customer_id: string;
  issuer: string;
  subject: string;
  created_at: Timestamp;
}

/** Email verification tokens by SHA-256 hash, for the email they were sent to; deleted when used. */
export interface CustomerActivationTokensTable {
  id: Generated<string>;
  tenant_id: string;
  customer_id: string;
  token_hash: string;
  email: string;
  expires_at: Timestamp;
  created_at: Timestamp;
}

/** Each data export and erasure of a customer: who asked and when. */
export interface CustomerPrivacyRequestsTable {
  id: Generated<string>;
  tenant_id: string;
  customer_id: string | null;
  kind: 'export' | 'erase';
  requested_by: string;
  created_at: Timestamp;
}

export interface CustomerTables {
  customer_privacy_requests: CustomerPrivacyRequestsTable;
  customer_activation_tokens: CustomerActivationTokensTable;
  customer_identities: CustomerIdentitiesTable;
  customer_mail_outbox: CustomerMailOutboxTable;
  customer_reset_tokens: CustomerResetTokensTable;
  customers: CustomersTable;
  customer_accounts: CustomerAccountsTable;
  customer_access_tokens: CustomerAccessTokensTable;
  customer_addresses: CustomerAddressesTable;
}

export type CustomerRow = Selectable<CustomersTable>;
export type CustomerAddressRow = Selectable<CustomerAddressesTable>;

/** The tables' columns at run time (column needs), checked against the types above. */
export const customersTable = tableShape<CustomersTable>('customers', {
  id: true,
  tenant_id: true,
  email: true,
  first_name: true,
  last_name: true,
  phone: true,
  name_key: true,
  orders_count: true,
  amount_spent: true,
  created_at: true,
  updated_at: true,
});

export const customerAddressesTable = tableShape<CustomerAddressesTable>('customer_addresses', {
  id: true,
  tenant_id: true,
  customer_id: true,
  first_name: true,
  last_name: true,
  company: true,
  address1: true,
  address2: true,
  city: true,
  province: true,
  zip: true,
  country_code: true,
  phone: true,
  is_default: true,
  created_at: true,
  updated_at: true,
});
