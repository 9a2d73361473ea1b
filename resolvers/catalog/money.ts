import { moneyIn, type GatewayContext } from '../../src/sdk';

/** Money in the tenant's currency, shown in its digits ('1500' in JPY, '1.235' in KWD); never a float. */
export const money = (amount: string, ctx: GatewayContext) => moneyIn(amount, ctx.tenant.currency);
