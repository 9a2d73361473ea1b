import { connectionOf, decodeCursor, encodeCursor, encodeGlobalId, pageOf, type GatewayContext } from '../../src/sdk';
import type { CustomerAddressRow, CustomerRow } from '../../connectors/customers/tables';
import type { CustomerAddressesArgs, MailingAddressResolvers } from '../generated/resolvers-types';

const bookOf = (customer: CustomerRow, ctx: GatewayContext) => ctx.loaders.addressesByCustomer.load(customer.id);

/** A customer's address book (read whole: it is capped) and its default. */
export const addressFields = {
  addresses: async (customer: CustomerRow, args: CustomerAddressesArgs, ctx: GatewayContext) => {
    const page = pageOf(args);
    const [afterId] = page.cursor ? decodeCursor(page.cursor, 1) : [null];
    const rows = (await bookOf(customer, ctx))
      .filter((row) => afterId === null || Number(row.id) > Number(afterId))
      .slice(0, page.size + 1);
    return connectionOf(rows, page, (row) => encodeCursor([row.id]));
  },
  defaultAddress: async (customer: CustomerRow, _: unknown, ctx: GatewayContext) =>
    (await bookOf(customer, ctx)).find((row) => row.is_default) ?? null,
};

export const mailingAddressResolvers: MailingAddressResolvers = {
  id: (row: CustomerAddressRow) => encodeGlobalId('MailingAddress', row.id),
  firstName: (row: CustomerAddressRow) => row.first_name,
  lastName: (row: CustomerAddressRow) => row.last_name,
  name: (row: CustomerAddressRow) => [row.first_name, row.last_name].filter(Boolean).join(' ') || null,
  countryCode: (row: CustomerAddressRow) => row.country_code,
};
