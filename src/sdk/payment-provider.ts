import type { ZodType } from 'zod';

/**
 * Payment providers as plugins contribute them (the manifest's `paymentProviders`). Amounts are integer
 * minor units; every call that changes money takes an idempotency key, so a retried call never moves
 * money twice.
 */
export interface ProviderPayment {
  id: string;
  status: 'open' | 'requires_action' | 'authorized' | 'succeeded' | 'canceled';
  /** The buyer's client needs it to confirm the payment (Stripe's client secret); never stored. */
  clientSecret: string | null;
  manualCapture: boolean;
  amountCapturable: number;
  amountReceived: number;
  /** Why the last attempt failed (a decline code), while the payment is open again. */
  failure: string | null;
}

/**
 * A refund the provider holds for a payment (amount in integer minor units), with the idempotency key
 * it was asked with when the provider keeps it (Stripe: in the refund's metadata), so the books can
 * recognise a refund whose record was lost.
 */
export interface ProviderRefund {
  id: string;
  /** The payment refunded. */
  paymentId: string;
  amount: number;
  status: 'pending' | 'succeeded' | 'failed' | 'canceled';
  idempotencyKey: string | null;
}

/** A provider's client for one tenant: authorize, capture, void and refund one payment per order. */
export interface PaymentProvider {
  name: string;
  authorize(input: {
    amount: number;
    currency: string;
    orderId: string;
    idempotencyKey: string;
  }): Promise<ProviderPayment>;
  retrieve(paymentId: string): Promise<ProviderPayment>;
  capture(paymentId: string, amount: number, idempotencyKey: string): Promise<ProviderPayment>;
  void(paymentId: string, idempotencyKey: string): Promise<ProviderPayment>;
  refund(paymentId: string, amount: number, idempotencyKey: string): Promise<{ id: string }>;
  /**
   * The refunds made of a payment, each with the key it was asked with. Optional: without it a refund
   * whose commit was lost is not found by reconciliation.
   */
  refunds?(paymentId: string): Promise<ProviderRefund[]>;
  /** Every refund of the tenant's account made since `since`: a sweep for refunds whose webhook never came. */
  refundsSince?(since: Date): Promise<ProviderRefund[]>;
}

/** A provider call that failed: declined or refused (expected), or the provider unreachable. */
export class ProviderError extends Error {
  constructor(
    readonly code: 'PAYMENT_DECLINED' | 'PROVIDER_UNAVAILABLE' | 'NOT_ALLOWED',
    message: string,
  ) {
    super(message);
  }
}

/** One delivery to a provider's webhook route, as received: the raw body and the headers. */
export interface WebhookDelivery {
  body: Buffer;
  header: (name: string) => string | undefined;
}

/**
 * A provider's webhook (`POST /plugins/payments/<provider>/<tenant>`). `verify` checks the delivery
 * with the tenant's settings of the provider (a signature over the raw body) and names the payment it
 * is about: null when it does not verify (401), `paymentId: null` for an event about no payment. The
 * payment is then read again from the provider, so a delivery only says where to look.
 */
export interface PaymentWebhook<S = unknown> {
  verify(delivery: WebhookDelivery, settings: S): { paymentId: string | null } | null;
}

export interface PaymentProviderDefinition<S = unknown> {
  /** The name tenant files list (`settings.payments.providers`) and transactions record as their gateway. */
  name: string;
  /** The tenant's settings of the provider (`settings.payments.<name>`), required when it is listed. */
  settings?: ZodType<S>;
  /** The provider's client for a tenant's settings; none for money the shop records by hand (manual). */
  connect?(settings: S): PaymentProvider;
  webhook?: PaymentWebhook<S>;
}

/** The composed plugins' providers by name. */
export type PaymentProviders = ReadonlyMap<string, PaymentProviderDefinition>;

/** Identity at run time; types the provider's settings through its methods. */
export function definePaymentProvider<S>(provider: PaymentProviderDefinition<S>): PaymentProviderDefinition<S> {
  return provider;
}
