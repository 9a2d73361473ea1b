import { connectionOf, encodeGlobalId, localIdOf, pageOf, type GatewayContext, type PageArgs } from '../../src/sdk';
import {
  countCustomers,
  CUSTOMER_SORT_COLUMNS,
  listCustomers,
  type CustomerFilter,
  type CustomerSortKey,
} from '../../connectors/customers/customers';
import { keysetCursor } from '../../connectors/postgres/keyset';
import type { CustomerRow } from '../../connectors/customers/tables';
import type { CustomerInput } from '../../connectors/customers/validation';
import { createCustomer, updateCustomer } from '../../connectors/customers/writes';

/** Only staff holding read_customers ever see a customer, through any path (node, order.customer). */
export const canReadCustomers = (ctx: GatewayContext) =>
  ctx.principal.kind === 'admin' && ctx.principal.scopes.includes('read_customers');

type ListArgs = PageArgs & { sortKey: CustomerSortKey; reverse: boolean; filter?: CustomerFilter | null };

const notFound = { customer: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: 'Customer not found' }] };

export const customerResolvers = {
  Query: {
    customers: async (_: unknown, args: ListArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const sort = { key: args.sortKey, column: CUSTOMER_SORT_COLUMNS[args.sortKey], reverse: args.reverse };
      const filter = args.filter ?? {};
      const rows = await listCustomers(ctx.db, page, sort, filter);
      return Object.assign(
        connectionOf(rows, page, (row) => keysetCursor(sort, row)),
        { totalCount: () => countCustomers(ctx.db, filter) },
      );
    },
    customer: async (_: unknown, args: { id: string }, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Customer');
      return id ? ctx.loaders.customerById.load(id) : null;
    },
  },
  Mutation: {
    customerCreate: (_: unknown, args: { input: CustomerInput }, ctx: GatewayContext) =>
      createCustomer(ctx.db, args.input),
    customerUpdate: async (_: unknown, args: { id: string; input: CustomerInput }, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Customer');
      if (!id) return notFound;
      ctx.loaders.customerById.clear(id);
      return updateCustomer(ctx.db, id, args.input);
    },
  },
  Customer: {
    id: (row: CustomerRow) => encodeGlobalId('Customer', row.id),
    firstName: (row: CustomerRow) => row.first_name,
    lastName: (row: CustomerRow) => row.last_name,
    displayName: (row: CustomerRow) => [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email,
    numberOfOrders: (row: CustomerRow) => row.orders_count,
    amountSpent: (row: CustomerRow, _: unknown, ctx: GatewayContext) => ({
      amount: row.amount_spent,
      currencyCode: ctx.tenant.currency,
    }),
    createdAt: (row: CustomerRow) => row.created_at,
    updatedAt: (row: CustomerRow) => row.updated_at,
  },
};
