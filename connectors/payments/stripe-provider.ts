import Stripe from 'stripe';
import { z } from 'zod';
import {
  definePaymentProvider,
  GatewayError,
  ProviderError,
  type PaymentProvider,
  type ProviderPayment,
  type ProviderRefund,
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

/** The key a refund was asked with, kept in its metadata: Stripe does not report idempotency keys. */
const KEY = 'idempotency_key';

function refundOf(r: Stripe.Refund): ProviderRefund {
  const status = r.status === 'succeeded' || r.status === 'failed' || r.status === 'canceled' ? r.status : 'pending';
  const paymentId = typeof r.payment_intent === 'string' ? r.payment_intent : (r.payment_intent?.id ?? '');
  return { id: r.id, paymentId, amount: r.amount, status, idempotencyKey: r.metadata?.[KEY] ?? null };
}

/** Every page of a refund listing. */
async function allRefunds(list: AsyncIterable<Stripe.Refund>): Promise<ProviderRefund[]> {
  const refunds: ProviderRefund[] = [];
  for await (const r of list) refunds.push(refundOf(r));
  return refunds;
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
      call(async () => {
        const metadata = { [KEY]: idempotencyKey };
        return { id: (await stripe.refunds.create({ payment_intent: id, amount, metadata }, { idempotencyKey })).id };
      }),
    refunds: (id) => call(() => allRefunds(stripe.refunds.list({ payment_intent: id, limit: 100 }))),
    refundsSince: (since) =>
      call(() => allRefunds(stripe.refunds.list({ created: { gte: Math.floor(since.getTime() / 1000) }, limit: 100 }))),
  };
}

const verifier = new Stripe('sk_verify_only');

/**
 * The PaymentIntent an event is about: the intent itself, or the intent of a refunded charge or of a
 * refund (`charge.refunded`, `refund.*`, `charge.refund.updated`), so refunds reach reconciliation.
 */
function paymentOfEvent(event: Stripe.Event): string | null {
  const object = event.data.object as { id?: string; payment_intent?: string | { id?: string } | null };
  if (event.type.startsWith('payment_intent.')) return object.id ?? null;
  if (event.type === 'charge.refunded' || event.type.startsWith('refund.') || event.type === 'charge.refund.updated') {
    const intent = object.payment_intent;
    return (typeof intent === 'string' ? intent : intent?.id) ?? null;
  }
  return null;
}

/**
 * Stripe as a provider: PaymentIntents, and its webhook, whose `Stripe-Signature` over the raw body is
 * checked with the tenant's endpoint secret (and must be recent). PaymentIntent, charge refund and refund
 * events name their intent.
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
      return { paymentId: paymentOfEvent(event) };
    },
  },
});
