import type { GatewayContext } from '../../src/sdk';
import { paymentSessionFor } from '../../connectors/payments/payment-session';

type OrderParent = { id: string; total: string; currency_code: string };

/** The checkout's payment: looked up or opened at the provider for the order checkout returned. */
export const sessionResolvers = {
  CheckoutCompletePayload: {
    paymentSession: (payload: { order?: OrderParent | null }, _: unknown, ctx: GatewayContext) =>
      payload.order ? paymentSessionFor(ctx.db, ctx.tenant, ctx.paymentProviders, payload.order) : null,
  },
};
