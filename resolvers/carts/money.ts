import { formatMinor, type GatewayContext } from '../../src/sdk';

/** Minor units as the schema's Money, in the shop's currency. */
export const moneyOf = (minor: bigint, ctx: Pick<GatewayContext, 'tenant'>) => ({
  amount: formatMinor(minor, ctx.tenant.currency),
  currencyCode: ctx.tenant.currency,
});
