import { localIdOf, type GatewayContext } from '../../src/sdk';
import { createAccessToken, deleteAccessToken, renewAccessToken } from '../../connectors/customers/accounts/sign-in';
import { signUp } from '../../connectors/customers/accounts/sign-up';
import { customersSettings } from '../../connectors/customers/settings';
import type { UserError } from '../../connectors/customers/validation';
import { throttle } from './throttle';
import { signedIn } from './shopper';
import { updateOwnAccount } from '../../connectors/customers/accounts/self-update';
import type {
  MutationCustomerAccessTokenCreateArgs,
  MutationCustomerAccessTokenDeleteArgs,
  MutationCustomerAccessTokenRenewArgs,
  MutationCustomerCreateArgs,
  MutationCustomerUpdateArgs,
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

const NOT_FOUND: UserError[] = [{ field: ['id'], code: 'NOT_FOUND', message: 'Customer not found' }];
const TOKEN_INVALID: UserError[] = [
  { field: ['customerAccessToken'], code: 'TOKEN_INVALID', message: 'Invalid or expired access token' },
];

/**
 * A storefront's customerUpdate: the signed-in shopper changes their own account. A change that needs
 * the current password is throttled as a sign-in of the account is.
 */
export async function storefrontSelfUpdate(args: MutationCustomerUpdateArgs, ctx: GatewayContext) {
  const shopper = await signedIn(ctx, args.customerAccessToken);
  const current = shopper ? await ctx.loaders.customerById.load(shopper.customerId) : null;
  if (!current) return { customer: null, customerAccessToken: null, ...errorsOf(TOKEN_INVALID) };
  // An `id`, when given, must be the shopper's own (as `customer(id:)` answers no one else).
  if (args.id != null && localIdOf(args.id, 'Customer') !== current.id) {
    return { customer: null, customerAccessToken: null, ...errorsOf(NOT_FOUND) };
  }
  const input = args.customer ?? {};
  if (input.password != null || (input.email != null && input.email.trim().toLowerCase() !== current.email)) {
    await throttle(ctx, 'sign-in', current.email);
  }
  const result = await updateOwnAccount(ctx.db, ctx.tenant, current, input);
  ctx.loaders.customerById.clear(current.id);
  return { customer: result.customer, customerAccessToken: result.customerAccessToken, ...errorsOf(result.userErrors) };
}

export const accountMutations = {
  customerAccessTokenCreate: async (_: unknown, args: MutationCustomerAccessTokenCreateArgs, ctx: GatewayContext) => {
    await throttle(ctx, 'sign-in', args.input.email);
    const { requireVerifiedEmail } = customersSettings(ctx.tenant);
    const result = await createAccessToken(ctx.db, args.input, { ttlHours: ttlHours(ctx), requireVerifiedEmail });
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
