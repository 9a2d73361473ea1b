import { join } from 'node:path';
import { projectRoot } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import { cartWith, createVariant } from './orders-fixtures';
import { ORDER_FIELDS, PAYMENT_PLUGINS, paymentTenants, type OrderData } from './payments-fixtures';
import { testPay } from '../fixtures/plugins/test-pay/plugin';

// A provider contributed by a plugin from outside resolvers/ (as GATEWAY_PLUGIN_PATHS would load it).
const TEST_PAY = join(projectRoot(), 'test', 'fixtures', 'plugins', 'test-pay', 'plugin.ts');
process.env.TEST_PAY_SECRET = 'test-pay-signing-secret';
const settings = (tenant: string) =>
  tenant === 'alpha'
    ? `settings:\n  payments:\n    providers: [test-pay, manual]\n    test-pay:\n      signingSecretEnv: TEST_PAY_SECRET\n`
    : `settings:\n  payments:\n    providers: [manual, paypal]\n`;

const CHECKOUT = `mutation($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
  order { id } paymentSession { provider status clientSecret } userErrors { code } } }`;
const CAPTURE = `mutation($id: ID!) { orderCapture(id: $id, idempotencyKey: "tp-capture") {
  order { financialStatus } userErrors { code } } }`;
const CANCEL = `mutation($id: ID!) { orderCancel(id: $id) {
  order { status financialStatus } job { done } userErrors { code } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${ORDER_FIELDS} } }`;

describeEachDatabase(
  'payment providers from plugins',
  { plugins: [...PAYMENT_PLUGINS, TEST_PAY], tenantsDir: paymentTenants(settings) },
  (get) => {
    let n = 0;
    beforeAll(() => testPay.reset());
    const admin = () => get().admin('alpha', { scopes: ['read_orders', 'write_orders'] });
    const send = async <T>(query: string, variables: Record<string, unknown>) => {
      const res = await get().graphql<T>(query, variables, await admin());
      expect(res.body.errors).toBeUndefined();
      return res.body.data!;
    };
    const deliver = (body: string, signature: string) =>
      fetch(`${get().url}/plugins/payments/test-pay/alpha`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-test-pay-signature': signature },
        body,
      });

    it('checks out, authorizes by a verified webhook, captures and cancels through a third provider', async () => {
      const t = get();
      const variant = await createVariant(t, 'alpha', { price: '15.00', stock: [3] });
      const cart = await cartWith(
        t,
        'alpha',
        [{ merchandiseId: variant.variantGid, quantity: 2 }],
        `tp${++n}@example.com`,
      );
      const placed = await t.graphql<{
        checkoutComplete: {
          order: { id: string };
          paymentSession: { provider: string; status: string; clientSecret: string };
        };
      }>(CHECKOUT, { cartId: cart.id, key: `tp-${n}-${Date.now()}` }, t.storefront('alpha'));
      const { order, paymentSession } = placed.body.data!.checkoutComplete;
      expect(paymentSession).toMatchObject({ provider: 'test-pay', status: 'OPEN' });
      const paymentId = paymentSession.clientSecret.replace(/_secret$/, '');
      expect(testPay.payments.get(paymentId)).toMatchObject({ amount: 3000, status: 'open' });

      // The buyer confirms at the provider; its webhook says so, signed, and the order is authorized.
      testPay.confirm(paymentId);
      const body = JSON.stringify({ paymentId });
      expect((await deliver(body, testPay.sign(body, 'wrong-secret'))).status).toBe(401);
      const delivered = await deliver(body, testPay.sign(body, 'test-pay-signing-secret'));
      expect(delivered.status).toBe(200);
      expect(await delivered.json()).toEqual({ status: 'applied' });
      const authorized = (await send<{ order: OrderData }>(ORDER, { id: order.id })).order;
      expect(authorized.financialStatus).toBe('AUTHORIZED');

      const captured = await send<{ orderCapture: { order: { financialStatus: string } } }>(CAPTURE, { id: order.id });
      expect(captured.orderCapture.order.financialStatus).toBe('PAID');
      const cancelled = await send<{ orderCancel: unknown }>(CANCEL, { id: order.id });
      expect(cancelled.orderCancel).toEqual({
        order: { status: 'CANCELLED', financialStatus: 'REFUNDED' },
        job: { done: true },
        userErrors: [],
      });

      const calls = testPay.calls.filter((c) => c.paymentId === paymentId);
      expect(calls.map((c) => [c.call, c.amount])).toEqual([
        ['capture', 3000],
        ['refund', 3000],
      ]);
      expect(calls.every((c) => c.key.length > 0)).toBe(true);
      const books = (await send<{ order: OrderData }>(ORDER, { id: order.id })).order;
      expect(books.transactions.map((x) => [x.kind, x.amount.amount, x.gateway])).toEqual([
        ['AUTHORIZATION', '30.00', 'test-pay'],
        ['CAPTURE', '30.00', 'test-pay'],
        ['REFUND', '30.00', 'test-pay'],
      ]);
    });

    it('disables a tenant whose file lists a provider no plugin contributes, with the reason', () => {
      const beta = get()
        .gateway.registry.status()
        .find((x) => x.id === 'beta');
      expect(beta).toMatchObject({
        state: 'disabled',
        problems: [
          'settings.payments.providers.1: unknown payment provider "paypal" (the plugins contribute: manual, stripe, test-pay)',
        ],
      });
    });
  },
);
