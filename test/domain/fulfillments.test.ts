import { sql } from 'kysely';
import { encodeGlobalId, localIdOf } from '../../src/sdk';
import { startFakeStripe, type FakeStripe } from '../fake-stripe/server';
import { describeEachDatabase } from '../kit/each-database';
import { cartWith, createVariant, rows, stockOf, type VariantFixture } from './orders-fixtures';
import {
  ORDER_FIELDS,
  PAYMENT_PLUGINS,
  paymentTenants,
  placeOrder,
  settleCancelled,
  type OrderData,
} from './payments-fixtures';

// alpha pays through the fake Stripe (its port fixed per test process, named in the tenant file); beta by hand.
const PORT = 41_000 + ((process.pid + 4_500) % 9_000);
process.env.TEST_FULFIL_STRIPE_KEY = 'sk_test_fulfil_key';
process.env.TEST_FULFIL_STRIPE_SECRET = 'whsec_fulfil_secret';
const settings = (tenant: string) =>
  tenant === 'alpha'
    ? `settings:
  payments:
    providers: [stripe, manual]
    stripe:
      secretKeyEnv: TEST_FULFIL_STRIPE_KEY
      webhookSecretEnv: TEST_FULFIL_STRIPE_SECRET
      apiUrl: http://127.0.0.1:${PORT}
`
    : '';

const FULFILLMENT = `id status location { id } trackingInfo { number url company }
  fulfillmentLineItems { lineItemId quantity } cancelledAt`;
const FULL_ORDER = `${ORDER_FIELDS} displayFulfillmentStatus lineItems { nodes { id quantity } }
  fulfillments { ${FULFILLMENT} }`;
const FULFIL = `mutation($id: ID!, $lines: [FulfillmentLineInput!], $location: ID!, $tracking: FulfillmentTrackingInput, $key: String) {
  fulfillmentCreate(orderId: $id, lines: $lines, locationId: $location, tracking: $tracking, notifyCustomer: true, idempotencyKey: $key) {
    fulfillment { ${FULFILLMENT} } order { ${FULL_ORDER} } userErrors { field code message } } }`;
const CANCEL_FULFILLMENT = `mutation($id: ID!) { fulfillmentCancel(id: $id) {
  fulfillment { ${FULFILLMENT} } order { ${FULL_ORDER} } userErrors { field code message } } }`;
const REFUND = `mutation($id: ID!, $amount: Decimal!, $key: String!, $lines: [RefundLineInput!], $restock: Boolean) {
  refundCreate(orderId: $id, amount: $amount, idempotencyKey: $key, lines: $lines, restock: $restock) {
    order { ${FULL_ORDER} } userErrors { field code message } } }`;
const ORDER = `query($id: ID!) { order(id: $id) { ${FULL_ORDER} } }`;
const MARK_PAID = `mutation($id: ID!) { orderMarkAsPaid(id: $id) { userErrors { code } } }`;
const ORDER_CANCEL = `mutation($id: ID!) { orderCancel(id: $id, reason: CUSTOMER) {
  order { status financialStatus fulfillmentStatus } job { done } userErrors { field code } } }`;
const ORDER_FULFIL = `mutation($id: ID!) { orderFulfill(id: $id) { order { fulfillmentStatus } userErrors { code } } }`;

interface FulfillmentData {
  id: string;
  status: string;
  location: { id: string } | null;
  trackingInfo: { number: string | null; url: string | null; company: string | null };
  fulfillmentLineItems: { lineItemId: string; quantity: number }[];
  cancelledAt: string | null;
}
type FullOrder = OrderData & {
  displayFulfillmentStatus: string;
  lineItems: { nodes: { id: string; quantity: number }[] };
  fulfillments: FulfillmentData[];
};
type Payload = {
  fulfillment?: FulfillmentData | null;
  order: FullOrder | null;
  userErrors: { field: string[]; code: string; message: string }[];
};

const location = (variant: VariantFixture, i = 0) => encodeGlobalId('Location', variant.locationIds[i]);

describeEachDatabase('fulfillments', { plugins: PAYMENT_PLUGINS, tenantsDir: paymentTenants(settings) }, (get) => {
  let stripe: FakeStripe;
  let admin: Record<string, string>;
  let alphaAdmin: Record<string, string>;
  let n = 0;
  beforeAll(async () => {
    stripe = await startFakeStripe('sk_test_fulfil_key', PORT);
    const scopes = ['read_orders', 'write_orders', 'read_customers', 'read_inventory'];
    admin = await get().admin('beta', { scopes });
    alphaAdmin = await get().admin('alpha', { scopes });
  });
  afterAll(() => stripe.close());

  const send = async <K extends string>(
    field: K,
    query: string,
    variables: Record<string, unknown>,
    headers = admin,
  ): Promise<Payload> => {
    const res = await get().graphql<Record<K, Payload>>(query, variables, headers);
    expect(res.body.errors).toBeUndefined();
    return res.body.data![field];
  };
  const fulfil = (variables: Record<string, unknown>, headers = admin) =>
    send('fulfillmentCreate', FULFIL, variables, headers);
  const orderOf = async (id: string, headers = admin) =>
    (await get().graphql<{ order: FullOrder }>(ORDER, { id }, headers)).body.data!.order;
  const events = (tenant: string, topic: string, orderId: string) =>
    rows<{ n: number }>(
      get(),
      tenant,
      sql`select count(*)::int n from gateway_events where topic = ${topic} and payload->>'id' = ${orderId}`,
    );
  const reserved = async (tenant: string, orderId: string) =>
    (
      await rows<{ quantity: number }>(
        get(),
        tenant,
        sql`select coalesce(sum(quantity), 0)::int quantity from order_allocations
               where order_id = ${localIdOf(orderId, 'Order')}`,
      )
    )[0].quantity;
  /** A manual order of `quantity` units at one location, marked paid. */
  const paidOrder = async (quantity: number, stock = [10]) => {
    const placed = await placeOrder(get(), 'beta', quantity, '10.00', stock);
    await get().graphql(MARK_PAID, { id: placed.orderId }, admin);
    const order = await orderOf(placed.orderId);
    return { ...placed, line: order.lineItems.nodes[0].id };
  };

  it('checks out, pays through Stripe, ships in two parts and refunds a line with restock', async () => {
    const t = get();
    const a = await createVariant(t, 'alpha', { price: '10.00', stock: [5] });
    const b = await createVariant(t, 'alpha', { price: '5.00', stock: [1, 3] });
    const email = `shipper${++n}-${Date.now()}@example.com`;
    const cart = await cartWith(
      t,
      'alpha',
      [
        { merchandiseId: a.variantGid, quantity: 3 },
        { merchandiseId: b.variantGid, quantity: 2 },
      ],
      email,
    );
    const placed = await t.graphql<{
      checkoutComplete: { order: { id: string }; paymentSession: { clientSecret: string } };
    }>(
      `mutation($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
          order { id } paymentSession { clientSecret } userErrors { code } } }`,
      { cartId: cart.id, key: `fulfil-e2e-${Date.now()}` },
      t.storefront('alpha'),
    );
    const orderId = placed.body.data!.checkoutComplete.order.id;
    const intentId = placed.body.data!.checkoutComplete.paymentSession.clientSecret.split('_secret_')[0];
    // Checkout reserved the units: A's only location, and B's larger one (3 -> 1).
    expect(await stockOf(t, 'alpha', a)).toEqual([2]);
    expect(await stockOf(t, 'alpha', b)).toEqual([1, 1]);
    const pending = await orderOf(orderId, alphaAdmin);
    expect(pending).toMatchObject({
      financialStatus: 'PENDING',
      displayFulfillmentStatus: 'UNFULFILLED',
      totalPrice: { amount: '40.00' },
      transactions: [],
      customer: { numberOfOrders: 0, amountSpent: { amount: '0.00' } },
      fulfillments: [],
    });
    const [lineA, lineB] = pending.lineItems.nodes.map((l) => l.id);

    // The buyer pays; Stripe's webhook records the sale.
    const endpoint = `${t.url}/plugins/payments/stripe/alpha`;
    expect(await stripe.deliver(stripe.confirm(intentId, 'succeed'), endpoint, 'whsec_fulfil_secret')).toBe(200);
    expect(await orderOf(orderId, alphaAdmin)).toMatchObject({
      financialStatus: 'PAID',
      displayFulfillmentStatus: 'UNFULFILLED',
      transactions: [{ kind: 'SALE', status: 'SUCCESS', amount: { amount: '40.00' }, gateway: 'stripe' }],
      customer: { numberOfOrders: 1, amountSpent: { amount: '40.00' } },
    });

    // First shipment: all of A from its location, out of the reservation (stock unchanged).
    const tracking = { number: '1Z999', url: 'https://track.example.com/1Z999', company: 'UPS' };
    const first = await fulfil(
      { id: orderId, lines: [{ lineItemId: lineA, quantity: 3 }], location: location(a), tracking, key: 'part-1' },
      alphaAdmin,
    );
    expect(first.userErrors).toEqual([]);
    expect(first.fulfillment).toMatchObject({
      status: 'SUCCESS',
      location: { id: location(a) },
      trackingInfo: tracking,
      fulfillmentLineItems: [{ lineItemId: lineA, quantity: 3 }],
    });
    expect(first.order).toMatchObject({ displayFulfillmentStatus: 'PARTIALLY_FULFILLED', financialStatus: 'PAID' });
    expect(await stockOf(t, 'alpha', a)).toEqual([2]);
    // A retry with the key answers the same shipment.
    const retried = await fulfil(
      { id: orderId, lines: [{ lineItemId: lineA, quantity: 3 }], location: location(a), tracking, key: 'part-1' },
      alphaAdmin,
    );
    expect(retried.fulfillment!.id).toBe(first.fulfillment!.id);
    expect(retried.order!.fulfillments).toHaveLength(1);

    // Second shipment: one B from B's first location, where nothing was reserved: that unit comes from
    // its stock (1 -> 0), and one unit reserved at the second location goes back there (1 -> 2).
    const second = await fulfil(
      { id: orderId, lines: [{ lineItemId: lineB, quantity: 1 }], location: location(b, 0) },
      alphaAdmin,
    );
    expect(second.userErrors).toEqual([]);
    expect(second.order!.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    expect(await stockOf(t, 'alpha', a)).toEqual([2]);
    expect(await stockOf(t, 'alpha', b)).toEqual([0, 2]);
    expect(await events('alpha', 'ORDERS_FULFILLED', orderId)).toEqual([{ n: 0 }]);

    // Refund B's unshipped unit with restock: it returns to the second location, and nothing is owed.
    const refunded = await send(
      'refundCreate',
      REFUND,
      { id: orderId, amount: '5.00', key: 'refund-b', lines: [{ lineItemId: lineB, quantity: 1 }], restock: true },
      alphaAdmin,
    );
    expect(refunded.userErrors).toEqual([]);
    expect(refunded.order).toMatchObject({
      financialStatus: 'PARTIALLY_REFUNDED',
      displayFulfillmentStatus: 'FULFILLED',
      fulfillmentStatus: 'FULFILLED',
      transactions: [
        { kind: 'SALE', amount: { amount: '40.00' }, gateway: 'stripe' },
        { kind: 'REFUND', status: 'SUCCESS', amount: { amount: '5.00' }, gateway: 'stripe' },
      ],
      customer: { numberOfOrders: 1, amountSpent: { amount: '35.00' } },
    });
    expect(refunded.order!.fulfillments.map((f) => [f.location!.id, f.fulfillmentLineItems])).toEqual([
      [location(a), [{ lineItemId: lineA, quantity: 3 }]],
      [location(b, 0), [{ lineItemId: lineB, quantity: 1 }]],
    ]);
    expect(await stockOf(t, 'alpha', a)).toEqual([2]);
    expect(await stockOf(t, 'alpha', b)).toEqual([0, 3]);
    expect(stripe.refunds.filter((r) => r.payment_intent === intentId).map((r) => r.amount)).toEqual([500]);
    expect(await events('alpha', 'ORDERS_FULFILLED', orderId)).toEqual([{ n: 1 }]);
    // Nothing is left to ship, and a fulfilled order is not cancelled.
    expect(await fulfil({ id: orderId, location: location(a) }, alphaAdmin)).toMatchObject({
      userErrors: [{ field: ['orderId'], code: 'ALREADY_FULFILLED' }],
    });
  });

  it('refuses more than a line has left, unknown lines and locations, and writes nothing then', async () => {
    const { orderId, line, variant } = await paidOrder(3);
    await fulfil({ id: orderId, lines: [{ lineItemId: line, quantity: 2 }], location: location(variant) });
    const over = await fulfil({
      id: orderId,
      lines: [
        { lineItemId: line, quantity: 1 },
        { lineItemId: line, quantity: 1 },
      ],
      location: location(variant),
    });
    expect(over).toMatchObject({
      fulfillment: null,
      userErrors: [{ field: ['lines', '1', 'quantity'], code: 'QUANTITY_TOO_LARGE' }],
    });
    const other = await paidOrder(1);
    expect(
      await fulfil({ id: orderId, lines: [{ lineItemId: other.line, quantity: 1 }], location: location(variant) }),
    ).toMatchObject({ userErrors: [{ field: ['lines', '0', 'lineItemId'], code: 'NOT_FOUND' }] });
    expect(
      await fulfil({ id: orderId, lines: [{ lineItemId: line, quantity: 0 }], location: location(variant) }),
    ).toMatchObject({ userErrors: [{ field: ['lines', '0', 'quantity'], code: 'INVALID' }] });
    // Another tenant's location is no location.
    const alien = await createVariant(get(), 'alpha', { price: '1.00', stock: [1] });
    expect(await fulfil({ id: orderId, location: location(alien) })).toMatchObject({
      userErrors: [{ field: ['locationId'], code: 'NOT_FOUND' }],
    });
    expect(
      await fulfil({ id: orderId, location: location(variant), tracking: { number: 'x'.repeat(256) } }),
    ).toMatchObject({ userErrors: [{ field: ['tracking', 'number'], code: 'TOO_LONG' }] });
    const order = await orderOf(orderId);
    expect(order.fulfillments).toHaveLength(1);
    expect(order.displayFulfillmentStatus).toBe('PARTIALLY_FULFILLED');
    expect(await stockOf(get(), 'beta', variant)).toEqual([7]);
    // Without lines: the rest ships.
    expect(await fulfil({ id: orderId, location: location(variant) })).toMatchObject({
      fulfillment: { fulfillmentLineItems: [{ lineItemId: line, quantity: 1 }] },
      order: { displayFulfillmentStatus: 'FULFILLED' },
      userErrors: [],
    });
  });

  it('ships from a location with too little stock only what it holds (NOT_ENOUGH_STOCK, nothing written)', async () => {
    const { orderId, line, variant } = await paidOrder(2, [5, 1]);
    // Reserved at the first location (5 -> 3); the second holds one unit.
    const res = await fulfil({
      id: orderId,
      lines: [{ lineItemId: line, quantity: 2 }],
      location: location(variant, 1),
    });
    expect(res).toMatchObject({ userErrors: [{ field: ['lines', '0', 'quantity'], code: 'NOT_ENOUGH_STOCK' }] });
    expect(await stockOf(get(), 'beta', variant)).toEqual([3, 1]);
    expect((await orderOf(orderId)).fulfillments).toEqual([]);
  });

  it('lets one of several concurrent shipments of the same units through', async () => {
    const { orderId, line, variant } = await paidOrder(3);
    const results = await Promise.all(
      [1, 2, 3, 4].map(() =>
        fulfil({ id: orderId, lines: [{ lineItemId: line, quantity: 2 }], location: location(variant) }),
      ),
    );
    expect(results.filter((r) => r.userErrors.length === 0)).toHaveLength(1);
    expect(results.filter((r) => r.userErrors[0]?.code === 'QUANTITY_TOO_LARGE')).toHaveLength(3);
    const [shipped] = await rows<{ n: number }>(
      get(),
      'beta',
      sql`select coalesce(sum(fl.quantity), 0)::int n from fulfillment_lines fl join fulfillments f on f.id = fl.fulfillment_id
             where f.order_id = ${localIdOf(orderId, 'Order')}`,
    );
    expect(shipped.n).toBe(2);
    const lines = (await orderOf(orderId)).fulfillments.flatMap((f) => f.fulfillmentLineItems);
    expect(lines).toEqual([{ lineItemId: line, quantity: 2 }]);
    expect(await stockOf(get(), 'beta', variant)).toEqual([7]);
  });

  it('cancels a shipment: its units are owed and reserved again; a cancel restocks them', async () => {
    const { orderId, line, variant } = await paidOrder(2);
    const shipped = await fulfil({ id: orderId, location: location(variant) });
    expect(shipped.order!.displayFulfillmentStatus).toBe('FULFILLED');
    expect(await send('orderCancel', ORDER_CANCEL, { id: orderId })).toMatchObject({
      userErrors: [{ code: 'ALREADY_FULFILLED' }],
    });
    const cancelled = await send('fulfillmentCancel', CANCEL_FULFILLMENT, { id: shipped.fulfillment!.id });
    expect(cancelled).toMatchObject({
      fulfillment: { status: 'CANCELLED', cancelledAt: expect.any(String) },
      order: { displayFulfillmentStatus: 'UNFULFILLED', fulfillmentStatus: 'UNFULFILLED' },
      userErrors: [],
    });
    expect(await send('fulfillmentCancel', CANCEL_FULFILLMENT, { id: shipped.fulfillment!.id })).toMatchObject({
      userErrors: [{ field: ['id'], code: 'ALREADY_CANCELLED' }],
    });
    expect(await stockOf(get(), 'beta', variant)).toEqual([8]);
    expect(await send('orderCancel', ORDER_CANCEL, { id: orderId })).toMatchObject({
      order: { status: 'CANCELLED', financialStatus: 'REFUNDED' },
      userErrors: [],
    });
    expect(await stockOf(get(), 'beta', variant)).toEqual([10]);
    expect(
      await fulfil({ id: orderId, lines: [{ lineItemId: line, quantity: 1 }], location: location(variant) }),
    ).toMatchObject({
      userErrors: [{ field: ['orderId'], code: 'ALREADY_CANCELLED' }],
    });
    expect(
      await send('fulfillmentCancel', CANCEL_FULFILLMENT, { id: encodeGlobalId('Fulfillment', '999999999') }),
    ).toMatchObject({ userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
  });

  it('cancels a partly shipped order, restocking only the unshipped units', async () => {
    const { orderId, line, variant } = await paidOrder(3);
    await fulfil({ id: orderId, lines: [{ lineItemId: line, quantity: 1 }], location: location(variant) });
    expect(await stockOf(get(), 'beta', variant)).toEqual([7]);
    expect(await send('orderCancel', ORDER_CANCEL, { id: orderId })).toMatchObject({
      order: { status: 'CANCELLED', fulfillmentStatus: 'PARTIALLY_FULFILLED' },
      userErrors: [],
    });
    expect(await stockOf(get(), 'beta', variant)).toEqual([9]);
  });

  it('releases refunded unshipped units from the reservation; restock returns them to stock', async () => {
    const { orderId, line, variant } = await paidOrder(3);
    const noRestock = await send('refundCreate', REFUND, {
      id: orderId,
      amount: '10.00',
      key: `r-${orderId}-1`,
      lines: [{ lineItemId: line, quantity: 1 }],
      restock: false,
    });
    expect(noRestock.userErrors).toEqual([]);
    expect(await stockOf(get(), 'beta', variant)).toEqual([7]);
    await send('refundCreate', REFUND, {
      id: orderId,
      amount: '10.00',
      key: `r-${orderId}-2`,
      lines: [{ lineItemId: line, quantity: 1 }],
      restock: true,
    });
    expect(await stockOf(get(), 'beta', variant)).toEqual([8]);
    // One unit is still owed: it ships, and the order is fulfilled; a cancel now is refused.
    expect(await fulfil({ id: orderId, location: location(variant) })).toMatchObject({
      fulfillment: { fulfillmentLineItems: [{ lineItemId: line, quantity: 1 }] },
      order: { displayFulfillmentStatus: 'FULFILLED', financialStatus: 'PARTIALLY_REFUNDED' },
    });
    // A refund of a shipped unit restocks nothing (it comes back only by a return).
    await send('refundCreate', REFUND, {
      id: orderId,
      amount: '10.00',
      key: `r-${orderId}-3`,
      lines: [{ lineItemId: line, quantity: 1 }],
      restock: true,
    });
    expect(await stockOf(get(), 'beta', variant)).toEqual([8]);
    expect((await orderOf(orderId)).displayFulfillmentStatus).toBe('FULFILLED');
  });

  it('keeps orderFulfill: everything ships at once, and later refunds keep the order fulfilled', async () => {
    const { orderId, variant } = await paidOrder(2);
    expect(await send('orderFulfill', ORDER_FULFIL, { id: orderId })).toMatchObject({
      order: { fulfillmentStatus: 'FULFILLED' },
      userErrors: [],
    });
    const refunded = await send('refundCreate', REFUND, { id: orderId, amount: '5.00', key: `of-${orderId}` });
    expect(refunded.order).toMatchObject({
      displayFulfillmentStatus: 'FULFILLED',
      financialStatus: 'PARTIALLY_REFUNDED',
    });
    expect(await stockOf(get(), 'beta', variant)).toEqual([8]);
    expect(await reserved('beta', orderId)).toBe(0);
  });

  const settle = (tenant: string) => settleCancelled(get(), tenant);

  it('settles a cancelled Stripe order at Stripe in the request: captured money refunded once, with the order key', async () => {
    const t = get();
    const v = await createVariant(t, 'alpha', { price: '12.00', stock: [4] });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 2 }], `settle${++n}@example.com`);
    const placed = await t.graphql<{
      checkoutComplete: { order: { id: string }; paymentSession: { clientSecret: string } };
    }>(
      `mutation($cartId: ID!, $key: String!) { checkoutComplete(cartId: $cartId, idempotencyKey: $key) {
        order { id } paymentSession { clientSecret } userErrors { code } } }`,
      { cartId: cart.id, key: `settle-${Date.now()}` },
      t.storefront('alpha'),
    );
    const orderId = placed.body.data!.checkoutComplete.order.id;
    const intentId = placed.body.data!.checkoutComplete.paymentSession.clientSecret.split('_secret_')[0];
    await stripe.deliver(
      stripe.confirm(intentId, 'succeed'),
      `${t.url}/plugins/payments/stripe/alpha`,
      'whsec_fulfil_secret',
    );
    const first = (await orderOf(orderId, alphaAdmin)).lineItems.nodes[0].id;
    await fulfil({ id: orderId, lines: [{ lineItemId: first, quantity: 1 }], location: location(v) }, alphaAdmin);
    expect(await send('orderCancel', ORDER_CANCEL, { id: orderId }, alphaAdmin)).toMatchObject({
      order: { status: 'CANCELLED', financialStatus: 'REFUNDED' },
      job: { done: true },
      userErrors: [],
    });
    // The unshipped unit is back in stock; the shipped one is not.
    expect(await stockOf(t, 'alpha', v)).toEqual([3]);
    // Settled in the request: the job finds nothing left.
    expect(await settle('alpha')).toBe(0);
    const refunds = stripe.refunds.filter((r) => r.payment_intent === intentId);
    expect(refunds.map((r) => r.amount)).toEqual([2400]);
    const order = await orderOf(orderId, alphaAdmin);
    expect(order.transactions.map((x) => [x.kind, x.amount.amount, x.gateway, x.gatewayId !== null])).toEqual([
      ['SALE', '24.00', 'stripe', true],
      ['REFUND', '24.00', 'stripe', true],
    ]);
    expect(
      stripe.requests.filter((r) => r.method === 'POST' && r.path === '/v1/refunds').every((r) => r.idempotencyKey),
    ).toBe(true);
  });

  it('records the refund of a cancelled manual payment as the shop made it', async () => {
    const { orderId } = await paidOrder(1);
    expect(await send('orderCancel', ORDER_CANCEL, { id: orderId })).toMatchObject({ job: { done: true } });
    expect(await settle('beta')).toBe(0);
    expect((await orderOf(orderId)).transactions.map((x) => [x.kind, x.amount.amount, x.gateway])).toEqual([
      ['SALE', '10.00', 'manual'],
      ['REFUND', '10.00', 'manual'],
    ]);
  });
});
