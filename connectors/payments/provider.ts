/**
 * What the lifecycle needs of a payment provider. Amounts are integer minor units; every call that
 * changes money takes an idempotency key, so a retried call never moves money twice.
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
