import { localIdOf, type GatewayContext } from '../../src/sdk';
import { recoverAccount, resetPassword } from '../../connectors/customers/accounts/recovery';
import { activateAccount } from '../../connectors/customers/accounts/verification';
import type {
  MutationCustomerActivateArgs,
  MutationCustomerRecoverArgs,
  MutationCustomerResetArgs,
} from '../generated/resolvers-types';
import { errorsOf } from './account-mutations';
import { throttle } from './throttle';

export const recoveryMutations = {
  customerRecover: async (_: unknown, args: MutationCustomerRecoverArgs, ctx: GatewayContext) => {
    await throttle(ctx, 'recover', args.email);
    await recoverAccount(ctx.db, ctx.tenant, args.email);
    return errorsOf([]);
  },
  customerReset: async (_: unknown, args: MutationCustomerResetArgs, ctx: GatewayContext) => {
    const result = await resetPassword(ctx.db, ctx.tenant, localIdOf(args.id, 'Customer'), args.input);
    const customer = result.customerId ? await ctx.loaders.customerById.load(result.customerId) : null;
    return { customer, customerAccessToken: result.customerAccessToken, ...errorsOf(result.userErrors) };
  },
  customerActivate: async (_: unknown, args: MutationCustomerActivateArgs, ctx: GatewayContext) => {
    const result = await activateAccount(ctx.db, ctx.tenant, localIdOf(args.id, 'Customer'), args.input);
    const customer = result.customerId ? await ctx.loaders.customerById.load(result.customerId) : null;
    return { customer, customerAccessToken: result.customerAccessToken, ...errorsOf(result.userErrors) };
  },
};
