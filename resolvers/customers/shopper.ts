import type { GatewayContext, Shopper, TenantDb } from '../../src/sdk';
import { shopperOfToken } from '../../connectors/customers/accounts/access-tokens';
import { shopperOfIdentity } from '../../connectors/customers/accounts/identities';
import { looksLikeJwt, verifyIdentityToken } from '../../connectors/customers/accounts/identity-provider';
import { customersSettings } from '../../connectors/customers/settings';

/**
 * Verifies a shopper's credential within the request's tenant (the manifest's `shoppers`): a JWT of the
 * tenant's identity provider when the tenant file names one, else an access token of the built-in
 * accounts. Either way the customer is looked up (or, on an identity's first sign-in, created) in this
 * tenant only.
 */
export async function verifyShopper(
  ctx: GatewayContext,
  credential: string,
  db: TenantDb = ctx.db,
): Promise<Shopper | null> {
  if (ctx.principal.kind !== 'storefront') return null;
  if (looksLikeJwt(credential)) {
    const provider = customersSettings(ctx.tenant).identityProvider;
    const identity = provider ? await verifyIdentityToken(provider, credential) : null;
    return identity ? shopperOfIdentity(db, identity) : null;
  }
  return shopperOfToken(db, credential);
}

/**
 * The signed-in shopper: the `customerAccessToken` argument when given (the Storefront API's way),
 * else the X-Customer-Access-Token header. Never a customer of another tenant: lookups run in this one.
 */
export function signedIn(ctx: GatewayContext, argument?: string | null): Promise<Shopper | null> {
  if (argument != null) return verifyShopper(ctx, argument);
  return ctx.shopper();
}
