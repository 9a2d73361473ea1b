import type { GatewayContext, Shopper } from '../../src/sdk';
import { shopperOfToken } from '../../connectors/customers/accounts/access-tokens';

/**
 * Verifies a shopper's credential within the request's tenant (the manifest's `shoppers`): an access
 * token of the built-in accounts.
 */
export async function verifyShopper(ctx: GatewayContext, credential: string): Promise<Shopper | null> {
  if (ctx.principal.kind !== 'storefront') return null;
  return shopperOfToken(ctx.db, credential);
}

/**
 * The signed-in shopper: the `customerAccessToken` argument when given (the Storefront API's way),
 * else the X-Customer-Access-Token header. Never a customer of another tenant: lookups run in this one.
 */
export function signedIn(ctx: GatewayContext, argument?: string | null): Promise<Shopper | null> {
  if (argument != null) return verifyShopper(ctx, argument);
  return ctx.shopper();
}
