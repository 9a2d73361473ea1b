import { encodeGlobalId, localIdOf, type GatewayContext } from '../../src/sdk';
import { createAddress, deleteAddress, setDefaultAddress, updateAddress } from '../../connectors/customers/addresses';
import type { UserError } from '../../connectors/customers/validation';
import type {
  MutationCustomerAddressCreateArgs,
  MutationCustomerAddressDeleteArgs,
  MutationCustomerAddressUpdateArgs,
  MutationCustomerDefaultAddressUpdateArgs,
} from '../generated/resolvers-types';
import { errorsOf } from './account-mutations';
import { signedIn } from './shopper';

const unidentified: UserError[] = [
  { field: ['customerAccessToken'], code: 'TOKEN_INVALID', message: 'Invalid or expired access token' },
];

/** Runs `fn` for the signed-in shopper's customer id; without one, the payload's TOKEN_INVALID error. */
async function asShopper<T extends object, E extends object>(
  ctx: GatewayContext,
  token: string | null | undefined,
  empty: E,
  fn: (customerId: string) => Promise<T>,
): Promise<T | (E & ReturnType<typeof errorsOf>)> {
  const shopper = await signedIn(ctx, token);
  if (!shopper) return { ...empty, ...errorsOf(unidentified) };
  ctx.loaders.addressesByCustomer.clear(shopper.customerId);
  return fn(shopper.customerId);
}

export const addressMutations = {
  customerAddressCreate: (_: unknown, args: MutationCustomerAddressCreateArgs, ctx: GatewayContext) =>
    asShopper(ctx, args.customerAccessToken, { customerAddress: null }, async (customerId) => {
      const result = await createAddress(ctx.db, customerId, args.address);
      return { customerAddress: result.address, ...errorsOf(result.userErrors) };
    }),
  customerAddressUpdate: (_: unknown, args: MutationCustomerAddressUpdateArgs, ctx: GatewayContext) =>
    asShopper(ctx, args.customerAccessToken, { customerAddress: null }, async (customerId) => {
      const result = await updateAddress(ctx.db, customerId, localIdOf(args.id, 'MailingAddress'), args.address);
      return { customerAddress: result.address, ...errorsOf(result.userErrors) };
    }),
  customerAddressDelete: (_: unknown, args: MutationCustomerAddressDeleteArgs, ctx: GatewayContext) =>
    asShopper(ctx, args.customerAccessToken, { deletedCustomerAddressId: null }, async (customerId) => {
      const result = await deleteAddress(ctx.db, customerId, localIdOf(args.id, 'MailingAddress'));
      const deletedCustomerAddressId = result.address ? encodeGlobalId('MailingAddress', result.address.id) : null;
      return { deletedCustomerAddressId, ...errorsOf(result.userErrors) };
    }),
  customerDefaultAddressUpdate: (_: unknown, args: MutationCustomerDefaultAddressUpdateArgs, ctx: GatewayContext) =>
    asShopper(ctx, args.customerAccessToken, { customer: null }, async (customerId) => {
      const userErrors = await setDefaultAddress(ctx.db, customerId, localIdOf(args.addressId, 'MailingAddress'));
      ctx.loaders.customerById.clear(customerId);
      const customer = userErrors.length === 0 ? await ctx.loaders.customerById.load(customerId) : null;
      return { customer, ...errorsOf(userErrors) };
    }),
};
