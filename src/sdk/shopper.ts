import type { GatewayContext, TenantDb } from './context';

/**
 * A shopper signed in on a storefront: the customer a verified customer credential names, in the
 * request's tenant (the tenant always comes from the storefront token, never from this credential).
 */
export interface Shopper {
  customerId: string;
  email: string;
}

/**
 * Verifies a shopper's credential (an access token or an identity provider's JWT) inside the request's
 * tenant, reading and writing with `db` (the request's `ctx.db`, or a connection the caller runs on);
 * null when it is unknown, expired or revoked. One plugin of the graph provides it (`shoppers`).
 */
export type ShopperVerifier = (ctx: GatewayContext, credential: string, db: TenantDb) => Promise<Shopper | null>;
