import Stripe from 'stripe';
import { z } from 'zod';
import {
  definePaymentProvider,
  GatewayError,
  ProviderError,
  type PaymentProvider,
  type ProviderPayment,
} from '../../src/sdk';

const envName = z.string().regex(/^[A-Z_][A-Z0-9_]*$/, 'must name an environment variable (UPPER_SNAKE_CASE)');

/** `settings.payments.stripe`: the environment variables holding the secret key and the endpoint secret. */
export const stripeSettings = z
  .object({
    secretKeyEnv: envName,
    webhookSecretEnv: envName,
    captureMethod: z.enum(['automatic', 'manual']).default('automatic'),
    /** Another Stripe API origin (a proxy or a test server), e.g. http://127.0.0.1:12111. */
    apiUrl: z.string().url().optional(),
  })
  .strict();
export type StripeSettings = z.output<typeof stripeSettings>;

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
export function stripeClient(settings: StripeSettings): Stripe {
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
function connectStripe(settings: StripeSettings): PaymentProvider {
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

const verifier = new Stripe('sk_verify_only');

/**
 * Stripe as a provider: PaymentIntents, and its webhook, whose `Stripe-Signature` over the raw body is
 * checked with the tenant's endpoint secret (and must be recent). PaymentIntent events name their intent.
 */
export const stripePaymentProvider = definePaymentProvider<StripeSettings>({
  name: 'stripe',
  settings: stripeSettings,
  connect: connectStripe,
  webhook: {
    verify: ({ body, header }, settings) => {
      const secret = process.env[settings.webhookSecretEnv];
      const signature = header('stripe-signature');
      if (!secret || !signature) return null;
      let event: Stripe.Event;
      try {
        event = verifier.webhooks.constructEvent(body, signature, secret);
      } catch {
        return null;
      }
      const id = event.type.startsWith('payment_intent.') ? (event.data.object as { id?: string }).id : undefined;
      return { paymentId: id ?? null };
    },
  },
});
