import type { GatewayContext } from '../../src/sdk';

/** Money in the tenant's currency; amounts stay decimal strings (never floats). */
export function money(amount: string, ctx: GatewayContext) {
  return { amount, currencyCode: ctx.tenant.currency };
}
