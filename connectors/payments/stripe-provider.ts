import Stripe from 'stripe';
import { GatewayError } from '../../src/sdk';
import { ProviderError, type PaymentProvider, type ProviderPayment } from './provider';
import type { PaymentsSettings } from './settings';

const STATUS: Record<string, ProviderPayment['status']> = {
  requires_action: 'requires_action',
  requires_capture: 'authorized',
  succeeded: 'succeeded',
  canceled: 'canceled',
};

function payment(intent: Stripe.PaymentIntent): ProviderPayment {
  return {
    id: intent.id,
    status: STATUS[intent.status] ?? 'open',
    clientSecret: intent.client_secret,
    manualCapture: intent.capture_method === 'manual',
    amountCapturable: intent.amount_capturable,
    amountReceived: intent.amount_received,
    failure: intent.last_payment_error?.code ?? null,
  };
}

/** Stripe's answers as provider errors: a card or state refusal is the caller's, the rest unavailability. */
async function call<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeCardError) throw new ProviderError('PAYMENT_DECLINED', error.message);
    if (error instanceof Stripe.errors.StripeInvalidRequestError)
      throw new ProviderError('NOT_ALLOWED', 'The provider refused the request');
    throw new ProviderError('PROVIDER_UNAVAILABLE', 'The payment provider is unavailable');
  }
}

/** The tenant's Stripe client: its secret key from the environment variable the tenant file names. */
export function stripeClient(settings: NonNullable<PaymentsSettings['stripe']>): Stripe {
  const key = process.env[settings.secretKeyEnv];
  if (!key) throw new GatewayError('SERVICE_UNAVAILABLE', 'The payment provider is not configured');
  const api = settings.apiUrl ? new URL(settings.apiUrl) : null;
  return new Stripe(key, {
    maxNetworkRetries: 2,
    timeout: 10_000,
    ...(api && { host: api.hostname, port: Number(api.port), protocol: api.protocol === 'http:' ? 'http' : 'https' }),
  });
}

/** PaymentIntents with automatic or manual capture; every write carries the caller's idempotency key. */
export function stripeProvider(settings: NonNullable<PaymentsSettings['stripe']>): PaymentProvider {
  const stripe = stripeClient(settings);
  return {
    name: 'stripe',
    authorize: ({ amount, currency, orderId, idempotencyKey }) =>
      call(async () =>
        payment(
          await stripe.paymentIntents.create(
            {
              amount,
              currency: currency.toLowerCase(),
              capture_method: settings.captureMethod,
              metadata: { order_id: orderId },
            },
            { idempotencyKey },
          ),
        ),
      ),
    retrieve: (id) => call(async () => payment(await stripe.paymentIntents.retrieve(id))),
    capture: (id, amount, idempotencyKey) =>
      call(async () =>
        payment(await stripe.paymentIntents.capture(id, { amount_to_capture: amount }, { idempotencyKey })),
      ),
    void: (id, idempotencyKey) =>
      call(async () => payment(await stripe.paymentIntents.cancel(id, {}, { idempotencyKey }))),
    refund: (id, amount, idempotencyKey) =>
      call(async () => ({ id: (await stripe.refunds.create({ payment_intent: id, amount }, { idempotencyKey })).id })),
  };
}
