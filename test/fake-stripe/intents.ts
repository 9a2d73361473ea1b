/** A PaymentIntent as the fake keeps it: the fields the gateway reads. */
export interface FakeIntent {
  id: string;
  object: 'payment_intent';
  amount: number;
  amount_capturable: number;
  amount_received: number;
  currency: string;
  capture_method: 'automatic' | 'manual';
  client_secret: string;
  status: 'requires_payment_method' | 'requires_action' | 'requires_capture' | 'succeeded' | 'canceled' | 'processing';
  metadata: Record<string, string>;
  last_payment_error: { code: string; message: string } | null;
  created: number;
}

export interface FakeRefund {
  id: string;
  object: 'refund';
  amount: number;
  currency: string;
  payment_intent: string;
  status: 'succeeded';
  metadata: Record<string, string>;
  created: number;
}

/** How a buyer's confirmation goes: paid, declined, or held for 3-D Secure until `completeAction`. */
export type Confirmation = 'succeed' | 'decline' | 'requires_action';

/** Moves an intent as Stripe would when the buyer confirms it with a card. */
export function confirmIntent(intent: FakeIntent, outcome: Confirmation): void {
  if (outcome === 'decline') {
    intent.status = 'requires_payment_method';
    intent.last_payment_error = { code: 'card_declined', message: 'Your card was declined.' };
    return;
  }
  if (outcome === 'requires_action') {
    intent.status = 'requires_action';
    return;
  }
  intent.last_payment_error = null;
  if (intent.capture_method === 'manual') {
    intent.status = 'requires_capture';
    intent.amount_capturable = intent.amount;
  } else {
    intent.status = 'succeeded';
    intent.amount_received = intent.amount;
  }
}
