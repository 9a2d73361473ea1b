import { encodeGlobalId, localIdOf, moneyIn, writeElsewhere, type GatewayContext } from '../../src/sdk';
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
import { errorsOf, storefrontSelfUpdate, storefrontSignUp } from './account-mutations';
import { addressFields } from './address.resolvers';
import { signedIn } from './shopper';

const notFound: CustomerResult = {
  customer: null,
  userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: 'Customer not found' }],
};

const withErrorsOf = (result: CustomerResult) => ({ customer: result.customer, ...errorsOf(result.userErrors) });

export const customerResolvers: {
  Query: QueryResolvers;
  Mutation: MutationResolvers;
  Customer: CustomerResolvers;
} = {
  Query: {
    customers: (_: unknown, args: QueryCustomersArgs, ctx: GatewayContext) =>
      tableListConnection(ctx.db, customerList, args, args.filter ?? {}, ctx.columns('Customer')),
    customer: async (_: unknown, args: QueryCustomerArgs, ctx: GatewayContext) => {
      if (ctx.principal.kind === 'storefront') return signedInCustomer(ctx, args);
      const id = args.id == null ? null : localIdOf(args.id, 'Customer');
      return id ? ctx.loaders.customerById.load(id) : null;
    },
  },
  Mutation: {
    customerCreate: async (_: unknown, args: MutationCustomerCreateArgs, ctx: GatewayContext) =>
      ctx.principal.kind === 'storefront'
        ? storefrontSignUp(args, ctx)
        : withErrorsOf(await createCustomer(ctx.db, args.input)),
    customerUpdate: async (_: unknown, args: MutationCustomerUpdateArgs, ctx: GatewayContext) => {
      if (ctx.principal.kind === 'storefront') return storefrontSelfUpdate(args, ctx);
      const id = args.id == null ? null : localIdOf(args.id, 'Customer');
      if (!id) return withErrorsOf(notFound);
      if (!args.input) {
        return withErrorsOf({
          customer: null,
          userErrors: [{ field: ['input'], code: 'BLANK', message: 'input is required' }],
        });
      }
      const input = args.input;
      ctx.loaders.customerById.clear(id);
      const change = { kind: 'Customer' as const, id, mutation: 'customerUpdate', args, field: ['id'] };
      const elsewhere = await writeElsewhere(ctx, change, (cid) => ctx.loaders.customerById.clear(cid).load(cid));
      if (elsewhere) return withErrorsOf({ customer: elsewhere.value, userErrors: elsewhere.userErrors });
      return withErrorsOf(await updateCustomer(ctx.db, id, input));
    },
  },
  Customer: {
    id: (row: CustomerRow) => encodeGlobalId('Customer', row.id),
    firstName: (row: CustomerRow) => row.first_name,
    lastName: (row: CustomerRow) => row.last_name,
    displayName: (row: CustomerRow) => [row.first_name, row.last_name].filter(Boolean).join(' ') || row.email,
    numberOfOrders: (row: CustomerRow) => row.orders_count,
    amountSpent: (row: CustomerRow, _: unknown, ctx: GatewayContext) => moneyIn(row.amount_spent, ctx.tenant.currency),
    createdAt: (row: CustomerRow) => row.created_at,
    updatedAt: (row: CustomerRow) => row.updated_at,
    ...addressFields,
  },
};

/** A storefront's `customer`: the signed-in shopper only; an `id`, when given, must be theirs. */
async function signedInCustomer(ctx: GatewayContext, args: QueryCustomerArgs) {
  const shopper = await signedIn(ctx, args.customerAccessToken);
  if (!shopper) return null;
  if (args.id != null && localIdOf(args.id, 'Customer') !== shopper.customerId) return null;
  return ctx.loaders.customerById.load(shopper.customerId);
}
