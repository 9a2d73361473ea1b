import { encodeGlobalId, localIdOf, writeElsewhere, type GatewayContext } from '../../src/sdk';
import { customerList } from '../../connectors/customers/customers';
import { tableListConnection } from '../../src/sdk/db';
import type { CustomerRow } from '../../connectors/customers/tables';
import { createCustomer, updateCustomer, type CustomerResult } from '../../connectors/customers/writes';
import type {
  CustomerResolvers,
  MutationCustomerCreateArgs,
  MutationCustomerUpdateArgs,
  MutationResolvers,
  QueryCustomerArgs,
  QueryCustomersArgs,
  QueryResolvers,
} from '../generated/resolvers-types';

const notFound: CustomerResult = {
  customer: null,
  userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: 'Customer not found' }],
};

export const customerResolvers: { Query: QueryResolvers; Mutation: MutationResolvers; Customer: CustomerResolvers } = {
  Query: {
    customers: (_: unknown, args: QueryCustomersArgs, ctx: GatewayContext) =>
      tableListConnection(ctx.db, customerList, args, args.filter ?? {}, ctx.columns('Customer')),
    customer: async (_: unknown, args: QueryCustomerArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Customer');
      return id ? ctx.loaders.customerById.load(id) : null;
    },
  },
  Mutation: {
    customerCreate: (_: unknown, args: MutationCustomerCreateArgs, ctx: GatewayContext) =>
      createCustomer(ctx.db, args.input),
    customerUpdate: async (_: unknown, args: MutationCustomerUpdateArgs, ctx: GatewayContext) => {
      const id = localIdOf(args.id, 'Customer');
      if (!id) return notFound;
      ctx.loaders.customerById.clear(id);
      const change = { kind: 'Customer' as const, id, mutation: 'customerUpdate', args, field: ['id'] };
      const elsewhere = await writeElsewhere(ctx, change, (cid) => ctx.loaders.customerById.clear(cid).load(cid));
      if (elsewhere) return { customer: elsewhere.value, userErrors: elsewhere.userErrors };
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
