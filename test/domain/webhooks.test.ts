import { createHmac, timingSafeEqual } from 'node:crypto';
import { sql } from 'kysely';
import { localIdOf } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { itUnless } from '../kit/skip';
import { opensslMissing, selfSignedCertificate } from '../kit/tls';
import { eventually, startWebhookReceiver, type ReceivedHook, type WebhookReceiver } from '../kit/webhook-receiver';
import { cartWith, checkout, createVariant, rows } from './orders-fixtures';
import { CREATE, DELIVERIES, webhookSuite, type DeliveryData } from './webhooks-fixtures';

jest.setTimeout(60_000);

const missing = opensslMissing();
const tls = missing ? { key: '', cert: '' } : selfSignedCertificate();
const { suite } = webhookSuite(tls.cert);

/** The receiver's check, as docs/webhooks.md shows it: HMAC-SHA256 of `<timestamp>.<raw body>`, base64. */
function verified(hook: ReceivedHook, secret: string): boolean {
  const timestamp = String(hook.headers['x-retail-timestamp']);
  const expected = createHmac('sha256', secret).update(`${timestamp}.${hook.body}`).digest();
  const given = Buffer.from(String(hook.headers['x-retail-signature']), 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describeEachDatabase('outbound webhooks', suite, (get) => {
  const it_ = itUnless(missing);
  let receiver: WebhookReceiver;
  let secret: string;
  let key = 0;

  beforeAll(async () => {
    if (!missing) receiver = await startWebhookReceiver(tls);
  });
  afterAll(async () => {
    await receiver?.close();
  });

  async function admin<T>(query: string, variables: Record<string, unknown> = {}) {
    const t = get();
    const res = await t.graphql<T>(query, variables, await t.admin('alpha'));
    if (res.body.errors) throw new Error(JSON.stringify(res.body.errors));
    return res.body.data!;
  }

  async function subscribe(topic: string, path: string) {
    const data = await admin<{
      webhookSubscriptionCreate: { webhookSubscription: { id: string }; signingSecret: string | null };
    }>(CREATE, { topic, url: `${receiver.url}${path}` });
    return data.webhookSubscriptionCreate;
  }

  async function placeOrder() {
    const t = get();
    const tee = await createVariant(t, 'alpha', { price: '12.50', stock: [10], title: 'Tee' });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: tee.variantGid, quantity: 1 }], 'hook@example.com');
    const res = await checkout(t, 'alpha', cart.id, `hooks-${++key}-${Date.now()}`);
    return res.body.data!.checkoutComplete.order!;
  }

  const hooksTo = (path: string) => receiver.received.filter((h) => h.path === path);
  const deliveries = async (subscriptionId: string) =>
    (await admin<{ webhookDeliveries: { nodes: DeliveryData[] } }>(DELIVERIES, { id: subscriptionId }))
      .webhookDeliveries.nodes;

  it_('an order placed reaches the receiver signed with the secret shown once', async () => {
    const first = await subscribe('ORDERS_CREATE', '/orders');
    expect(first.signingSecret).toMatch(/^whsec_/);
    secret = first.signingSecret!;
    // The secret is shown when it is created, never again.
    expect((await subscribe('ORDERS_CREATE', '/orders-copy')).signingSecret).toBeNull();
    const order = await placeOrder();
    await eventually(() => hooksTo('/orders').length === 1 && hooksTo('/orders-copy').length === 1);
    const [hook] = hooksTo('/orders');
    expect(verified(hook, secret)).toBe(true);
    expect(verified(hook, `${secret}x`)).toBe(false);
    const body = JSON.parse(hook.body);
    expect(body).toMatchObject({ topic: 'ORDERS_CREATE', data: { id: order.id, email: 'hook@example.com' } });
    expect(hook.headers['x-retail-event-id']).toBe(body.id);
    expect(hook.headers['x-retail-topic']).toBe('ORDERS_CREATE');
    // Two subscriptions, one event: the same event id to each.
    expect(JSON.parse(hooksTo('/orders-copy')[0].body).id).toBe(body.id);
    await eventually(async () => (await deliveries(first.webhookSubscription.id))[0]?.status === 'DELIVERED');
    expect((await deliveries(first.webhookSubscription.id))[0]).toMatchObject({
      eventId: body.id,
      topic: 'ORDERS_CREATE',
      status: 'DELIVERED',
      attempts: 1,
      responseCode: 200,
    });
  });

  it_('a receiver failing three times gets the same event again, with backoff, until it answers', async () => {
    const sub = await subscribe('ORDERS_FULFILLED', '/flaky');
    receiver.answer('/flaky', 500, 503, 500);
    const order = await placeOrder();
    await admin(`mutation($id: ID!) { orderFulfill(id: $id) { userErrors { code } } }`, { id: order.id });
    await eventually(async () => (await deliveries(sub.webhookSubscription.id))[0]?.status === 'DELIVERED');
    const hooks = hooksTo('/flaky');
    expect(hooks).toHaveLength(4);
    const ids = new Set(hooks.map((h) => h.headers['x-retail-event-id']));
    expect(ids.size).toBe(1);
    expect(hooks.map((h) => h.headers['x-retail-attempt'])).toEqual(['1', '2', '3', '4']);
    expect(hooks.every((h) => verified(h, secret))).toBe(true);
    expect((await deliveries(sub.webhookSubscription.id))[0]).toMatchObject({
      status: 'DELIVERED',
      attempts: 4,
      responseCode: 200,
    });
    // Delivered: nothing more is sent.
    await new Promise((r) => setTimeout(r, 300));
    expect(hooksTo('/flaky')).toHaveLength(4);
  });

  it_('after the last attempt a delivery is dead, and an admin retry sends it again', async () => {
    const sub = await subscribe('ORDERS_CANCELLED', '/down');
    receiver.answer('/down', 500, 500, 500, 500, 500);
    const order = await placeOrder();
    await admin(`mutation($id: ID!) { orderCancel(id: $id) { userErrors { code } } }`, { id: order.id });
    await eventually(async () => (await deliveries(sub.webhookSubscription.id))[0]?.status === 'DEAD');
    const [dead] = await deliveries(sub.webhookSubscription.id);
    expect(dead).toMatchObject({ attempts: 5, responseCode: 500, lastError: 'the receiver answered 500' });
    expect(hooksTo('/down')).toHaveLength(5);
    const retried = await admin<{ webhookDeliveryRetry: { webhookDelivery: DeliveryData } }>(
      `mutation($id: ID!) { webhookDeliveryRetry(id: $id) { webhookDelivery { status attempts } userErrors { code } } }`,
      { id: dead.id },
    );
    expect(retried.webhookDeliveryRetry.webhookDelivery).toEqual({ status: 'PENDING', attempts: 0 });
    await eventually(async () => (await deliveries(sub.webhookSubscription.id))[0]?.status === 'DELIVERED');
    expect(new Set(hooksTo('/down').map((h) => h.headers['x-retail-event-id'])).size).toBe(1);
  });

  it_('a subscription failing for days is disabled, and updating it turns it back on', async () => {
    const t = get();
    const sub = await subscribe('PRODUCTS_CREATE', '/gone');
    const id = localIdOf(sub.webhookSubscription.id, 'WebhookSubscription')!;
    await rows(
      t,
      'alpha',
      sql`update webhook_subscriptions set failing_since = now() - interval '4 days' where id = ${id}`,
    );
    receiver.answer('/gone', 410);
    await admin(`mutation { productCreate(input: { title: "Gone", handle: "hook-gone" }) { product { id } } }`);
    const status = async () =>
      (
        await admin<{ webhookSubscriptions: { nodes: { id: string; status: string }[] } }>(
          `{ webhookSubscriptions(first: 50, topic: PRODUCTS_CREATE) { nodes { id status } } }`,
        )
      ).webhookSubscriptions.nodes.find((n) => n.id === sub.webhookSubscription.id)?.status;
    await eventually(async () => (await status()) === 'DISABLED');
    const updated = await admin<{ webhookSubscriptionUpdate: { webhookSubscription: { status: string } } }>(
      `mutation($id: ID!, $url: URL!) { webhookSubscriptionUpdate(id: $id, webhookSubscription: { callbackUrl: $url }) {
        webhookSubscription { status } userErrors { code } } }`,
      { id: sub.webhookSubscription.id, url: `${receiver.url}/back` },
    );
    expect(updated.webhookSubscriptionUpdate.webhookSubscription.status).toBe('ACTIVE');
  });

  it_('refuses callback URLs that are not https on a public address', async () => {
    for (const url of ['http://example.com/hook', 'https://user:pw@example.com/', 'https://10.0.0.8/x']) {
      const data = await admin<{ webhookSubscriptionCreate: { userErrors: { code: string; field: string[] }[] } }>(
        CREATE,
        { topic: 'ORDERS_CREATE', url },
      );
      expect(data.webhookSubscriptionCreate.userErrors).toEqual([
        expect.objectContaining({ code: 'INVALID', field: ['webhookSubscription', 'callbackUrl'] }),
      ]);
    }
  });

  it_('a rotated secret signs the deliveries that follow', async () => {
    const sub = await subscribe('CUSTOMERS_CREATE', '/rotated');
    const rotated = await admin<{ webhookSigningSecretRotate: { signingSecret: string } }>(
      `mutation { webhookSigningSecretRotate { signingSecret userErrors { code } } }`,
    );
    const fresh = rotated.webhookSigningSecretRotate.signingSecret;
    expect(fresh).not.toBe(secret);
    await admin(`mutation { customerCreate(input: { email: "rotated@example.com" }) { customer { id } } }`);
    await eventually(() => hooksTo('/rotated').length === 1);
    expect(verified(hooksTo('/rotated')[0], fresh)).toBe(true);
    expect(verified(hooksTo('/rotated')[0], secret)).toBe(false);
    expect(sub.signingSecret).toBeNull();
    secret = fresh;
  });

  it_('deletes delivered outbox events older than the retention, and keeps recent ones', async () => {
    const t = get();
    const insert = (age: string) => sql<{
      id: string;
    }>`insert into gateway_events (tenant_id, topic, payload, created_at, dispatched_at)
      values ('alpha', 'PRODUCTS_UPDATE', '{}'::jsonb, now() - ${age}::interval, now()) returning id`;
    const [old] = await rows<{ id: string }>(t, 'alpha', insert('8 days'));
    const [recent] = await rows<{ id: string }>(t, 'alpha', insert('1 day'));
    const left = async () =>
      (
        await rows<{ id: string }>(t, 'alpha', sql`select id from gateway_events where id in (${old.id}, ${recent.id})`)
      ).map((r) => r.id);
    await eventually(async () => !(await left()).includes(old.id));
    expect(await left()).toEqual([recent.id]);
  });

  it_("another tenant's admin sees none of the subscriptions", async () => {
    const t = get();
    const res = await t.graphql<{ webhookSubscriptions: { nodes: unknown[] } }>(
      `{ webhookSubscriptions { nodes { id } } }`,
      {},
      await t.admin('beta'),
    );
    expect(res.body.data!.webhookSubscriptions.nodes).toEqual([]);
  });
});
