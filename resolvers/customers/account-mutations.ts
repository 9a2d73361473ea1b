import type { GatewayContext } from '../../src/sdk';
import { createAccessToken, deleteAccessToken, renewAccessToken } from '../../connectors/customers/accounts/sign-in';
import { signUp } from '../../connectors/customers/accounts/sign-up';
import { customersSettings } from '../../connectors/customers/settings';
import type { UserError } from '../../connectors/customers/validation';
import { throttle } from './throttle';
import type {
  MutationCustomerAccessTokenCreateArgs,
  MutationCustomerAccessTokenDeleteArgs,
  MutationCustomerAccessTokenRenewArgs,
  MutationCustomerCreateArgs,
} from '../generated/resolvers-types';

/** Both names of a payload's errors: `userErrors` (the gateway's) and `customerUserErrors` (Shopify's). */
export const errorsOf = (userErrors: UserError[]) => ({ userErrors, customerUserErrors: userErrors });

const ttlHours = (ctx: GatewayContext) => customersSettings(ctx.tenant).accessTokenTtlHours;

/** A storefront's customerCreate: sign-up, answered the same whether or not the email was known. */
export async function storefrontSignUp(args: MutationCustomerCreateArgs, ctx: GatewayContext) {
  await throttle(ctx, 'sign-up', args.input.email);
  const result = await signUp(ctx.db, ctx.tenant, { ...args.input, email: args.input.email ?? '' });
  return { customer: null, ...errorsOf(result.userErrors) };
}

export const accountMutations = {
  customerAccessTokenCreate: async (_: unknown, args: MutationCustomerAccessTokenCreateArgs, ctx: GatewayContext) => {
    await throttle(ctx, 'sign-in', args.input.email);
    const result = await createAccessToken(ctx.db, args.input, ttlHours(ctx));
    return { customerAccessToken: result.customerAccessToken, ...errorsOf(result.userErrors) };
  },
  customerAccessTokenRenew: async (_: unknown, args: MutationCustomerAccessTokenRenewArgs, ctx: GatewayContext) => {
    const result = await renewAccessToken(ctx.db, args.customerAccessToken, ttlHours(ctx));
    return { customerAccessToken: result.customerAccessToken, ...errorsOf(result.userErrors) };
  },
  customerAccessTokenDelete: async (_: unknown, args: MutationCustomerAccessTokenDeleteArgs, ctx: GatewayContext) => {
    const result = await deleteAccessToken(ctx.db, args.customerAccessToken);
    return { deletedAccessToken: result.deletedAccessToken, ...errorsOf(result.userErrors) };
  },
};
