import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import Stripe from 'stripe';
import { confirmIntent, type Confirmation, type FakeIntent, type FakeRefund } from './intents';

export interface FakeStripe {
  url: string;
  host: string;
  port: number;
  intents: Map<string, FakeIntent>;
  refunds: FakeRefund[];
  /** Every API call, with its idempotency key. */
  requests: { method: string; path: string; idempotencyKey: string | undefined; status: number }[];
  /** The next `count` API calls fail: a 500, or a dropped connection (the client retries either). */
  failNext(count: number, fault: 'error' | 'reset'): void;
  /** Drops faults not yet served. */
  heal(): void;
  /** The buyer confirms the intent (Stripe.js); returns the webhook event it causes, not yet sent. */
  confirm(intentId: string, outcome: Confirmation): Stripe.Event;
  /** The event Stripe would send for an intent's present state. */
  eventFor(intentId: string, type: string): Stripe.Event;
  /** Events the API calls caused and Stripe would now send (refunds: `refund.created`, `charge.refunded`). */
  queued: Stripe.Event[];
  /** Sends the queued events to an endpoint, oldest first, and forgets them; their answers' statuses. */
  deliverQueued(endpoint: string, secret: string): Promise<number[]>;
  /** Sends an event to a webhook endpoint, signed with `secret`, as Stripe does. */
  deliver(event: Stripe.Event, endpoint: string, secret: string): Promise<number>;
  close(): Promise<void>;
}

const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;
const signer = new Stripe('sk_test_signer');

/**
 * A local Stripe API: PaymentIntents (create, retrieve, capture, cancel) and refunds (create, list),
 * honouring idempotency keys; a refund queues the webhook events Stripe sends for it.
 */
export async function startFakeStripe(secretKey: string, listenPort = 0): Promise<FakeStripe> {
  const intents = new Map<string, FakeIntent>();
  const refunds: FakeRefund[] = [];
  const requests: FakeStripe['requests'] = [];
  const replies = new Map<string, { status: number; body: unknown }>();
  const faults: ('error' | 'reset')[] = [];
  const queued: Stripe.Event[] = [];
  let events = 0;
  const event = (type: string, object: unknown): Stripe.Event =>
    ({
      id: `evt_${++events}_${randomBytes(4).toString('hex')}`,
      object: 'event',
      type,
      created: Math.floor(Date.now() / 1000),
      data: { object: structuredClone(object) },
    }) as unknown as Stripe.Event;
  const app = express();
  app.use(express.urlencoded({ extended: true }));

  const reply = (req: Request, res: Response, status: number, body: unknown) => {
    const key = req.header('idempotency-key');
    if (key && status < 500) replies.set(key, { status, body });
    requests.push({ method: req.method, path: req.path, idempotencyKey: key, status });
    res.status(status).json(body);
  };
  const error = (code: string, message: string) => ({ error: { type: 'invalid_request_error', code, message } });

  app.use((req, res, next) => {
    if (req.header('authorization') !== `Bearer ${secretKey}`)
      return void res.status(401).json(error('auth', 'Invalid API key'));
    const fault = faults.shift();
    if (fault === 'reset') return void req.socket.destroy();
    if (fault === 'error') return void reply(req, res, 500, error('api_error', 'Something went wrong'));
    const key = req.header('idempotency-key');
    const earlier = key ? replies.get(key) : undefined;
    if (earlier) {
      requests.push({ method: req.method, path: req.path, idempotencyKey: key, status: earlier.status });
      return void res.status(earlier.status).set('idempotent-replayed', 'true').json(earlier.body);
    }
    next();
  });
  app.post('/v1/payment_intents', (req, res) => {
    const body = req.body as Record<string, unknown>;
    const intent: FakeIntent = {
      id: id('pi'),
      object: 'payment_intent',
      amount: Number(body.amount),
      amount_capturable: 0,
      amount_received: 0,
      currency: String(body.currency),
      capture_method: body.capture_method === 'manual' ? 'manual' : 'automatic',
      client_secret: '',
      status: 'requires_payment_method',
      metadata: (body.metadata as Record<string, string>) ?? {},
      last_payment_error: null,
      created: Math.floor(Date.now() / 1000),
    };
    intent.client_secret = `${intent.id}_secret_${randomBytes(6).toString('hex')}`;
    intents.set(intent.id, intent);
    reply(req, res, 200, intent);
  });
  app.get('/v1/payment_intents/:id', (req, res) => {
    const intent = intents.get(String(req.params.id));
    if (!intent) return reply(req, res, 404, error('resource_missing', 'No such payment_intent'));
    reply(req, res, 200, intent);
  });
  app.post('/v1/payment_intents/:id/capture', (req, res) => {
    const intent = intents.get(String(req.params.id));
    if (!intent) return reply(req, res, 404, error('resource_missing', 'No such payment_intent'));
    if (intent.status !== 'requires_capture')
      return reply(req, res, 400, error('payment_intent_unexpected_state', 'Cannot capture'));
    const amount = Number((req.body as Record<string, unknown>).amount_to_capture ?? intent.amount_capturable);
    if (amount > intent.amount_capturable) return reply(req, res, 400, error('amount_too_large', 'Amount too large'));
    Object.assign(intent, { status: 'succeeded', amount_received: amount, amount_capturable: 0 });
    reply(req, res, 200, intent);
  });
  app.post('/v1/payment_intents/:id/cancel', (req, res) => {
    const intent = intents.get(String(req.params.id));
    if (!intent) return reply(req, res, 404, error('resource_missing', 'No such payment_intent'));
    if (intent.status === 'succeeded')
      return reply(req, res, 400, error('payment_intent_unexpected_state', 'Cannot cancel'));
    Object.assign(intent, { status: 'canceled', amount_capturable: 0 });
    reply(req, res, 200, intent);
  });
  app.post('/v1/refunds', (req, res) => {
    const body = req.body as Record<string, unknown>;
    const intent = intents.get(String(body.payment_intent));
    if (!intent) return reply(req, res, 404, error('resource_missing', 'No such payment_intent'));
    const done = refunds.filter((r) => r.payment_intent === intent.id).reduce((s, r) => s + r.amount, 0);
    const amount = Number(body.amount ?? intent.amount_received - done);
    if (amount <= 0 || done + amount > intent.amount_received) {
      return reply(req, res, 400, error('charge_already_refunded', 'Refund exceeds the charge'));
    }
    const refund: FakeRefund = {
      id: id('re'),
      object: 'refund',
      amount,
      currency: intent.currency,
      payment_intent: intent.id,
      status: 'succeeded',
      metadata: (body.metadata as Record<string, string>) ?? {},
      created: Math.floor(Date.now() / 1000),
    };
    refunds.push(refund);
    const refunded = done + amount;
    const charge = {
      id: `ch_${intent.id.slice(3)}`,
      object: 'charge',
      payment_intent: intent.id,
      amount: intent.amount_received,
    };
    queued.push(
      event('refund.created', refund),
      event('charge.refunded', { ...charge, amount_refunded: refunded, refunded: refunded === intent.amount_received }),
    );
    reply(req, res, 200, refund);
  });
  app.get('/v1/refunds', (req, res) => {
    const intentId = typeof req.query.payment_intent === 'string' ? req.query.payment_intent : undefined;
    // Newest first, as Stripe lists; one page holds them all here.
    // `created[gte]`, as Express 5's simple query parser leaves it.
    const since = Number(req.query['created[gte]'] ?? 0);
    const data = refunds.filter((r) => (!intentId || r.payment_intent === intentId) && r.created >= since).reverse();
    reply(req, res, 200, { object: 'list', data, has_more: false, url: '/v1/refunds' });
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(listenPort, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;

  const eventFor = (intentId: string, type: string): Stripe.Event => event(type, intents.get(intentId));

  const deliver = async (e: Stripe.Event, endpoint: string, secret: string) => {
    const payload = JSON.stringify(e);
    const header = signer.webhooks.generateTestHeaderString({ payload, secret });
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body: payload,
    });
    return res.status;
  };

  return {
    url: `http://127.0.0.1:${port}`,
    host: '127.0.0.1',
    port,
    intents,
    refunds,
    requests,
    failNext: (count, fault) => faults.push(...Array<'error' | 'reset'>(count).fill(fault)),
    heal: () => void faults.splice(0),
    confirm(intentId, outcome) {
      const intent = intents.get(intentId);
      if (!intent) throw new Error(`no intent ${intentId}`);
      confirmIntent(intent, outcome);
      const type =
        {
          requires_capture: 'payment_intent.amount_capturable_updated',
          succeeded: 'payment_intent.succeeded',
          requires_action: 'payment_intent.requires_action',
        }[intent.status as string] ?? 'payment_intent.payment_failed';
      return eventFor(intentId, type);
    },
    eventFor,
    queued,
    async deliverQueued(endpoint, secret) {
      const statuses: number[] = [];
      for (const e of queued.splice(0)) statuses.push(await deliver(e, endpoint, secret));
      return statuses;
    },
    deliver,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
