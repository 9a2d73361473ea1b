import type DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import { rowsById, rowsByParent } from '../../src/sdk/db';
import type { CustomerAddressRow, CustomerRow } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    customerById: DataLoader<string, CustomerRow | null>;
    addressesByCustomer: DataLoader<string, CustomerAddressRow[]>;
  }
}

/** One statement per batch (`= any($1)`), filtered by tenant as well as by RLS. */
export function createCustomerLoaders(ctx: LoaderContext) {
  return {
    customerById: rowsById<CustomerRow>(ctx, 'customers', 'Customer'),
    addressesByCustomer: rowsByParent<CustomerAddressRow>(ctx, 'customer_addresses', 'MailingAddress', 'customer_id'),
  };
}
