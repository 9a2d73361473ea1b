import { sql } from 'kysely';
import { encodeGlobalId } from '../../src/sdk';
import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { cartWith, checkout, createVariant, rows, stockOf, SUITE } from './orders-fixtures';

interface EventRow {
  event_id: string;
  topic: string;
  payload: Record<string, unknown>;
}

/** The tenant's outbox events written after `since` (an outbox id), oldest first. */
async function eventsAfter(t: TestGateway, tenant: string, since: string): Promise<EventRow[]> {
  return rows<EventRow>(
    t,
    tenant,
    sql`select event_id, topic, payload from gateway_events where id > ${since}::bigint order by id`,
  );
}

async function lastEventId(t: TestGateway, tenant: string): Promise<string> {
  const [row] = await rows<{ id: string | null }>(t, tenant, sql`select max(id)::text as id from gateway_events`);
  return row.id ?? '0';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describeEachDatabase('outbox events', SUITE, (get) => {
  let key = 0;
  const nextKey = () => `outbox-${++key}-${Date.now()}`;

  async function admin<T>(query: string, variables: Record<string, unknown>, scopes?: string[]) {
    const t = get();
    return t.graphql<T>(query, variables, await t.admin('alpha', scopes ? { scopes } : {}));
  }

  it('checkout writes ORDERS_CREATE with the order and its lines, with an event id', async () => {
    const t = get();
    const since = await lastEventId(t, 'alpha');
    const tee = await createVariant(t, 'alpha', { price: '20.00', stock: [5], title: 'Tee' });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: tee.variantGid, quantity: 2 }], 'buyer@example.com');
    const res = await checkout(t, 'alpha', cart.id, nextKey());
    const order = res.body.data!.checkoutComplete.order!;
    const all = await eventsAfter(t, 'alpha', since);
    expect(all.map((e) => e.topic).sort()).toEqual(['CUSTOMERS_CREATE', 'INVENTORY_LEVELS_UPDATE', 'ORDERS_CREATE']);
    const events = all.filter((e) => e.topic === 'ORDERS_CREATE');
    expect(events[0].event_id).toMatch(UUID);
    expect(events[0].payload).toMatchObject({
      id: order.id,
      name: order.name,
      email: 'buyer@example.com',
      total: '40.00',
      currencyCode: 'USD',
      lineItems: [{ variantId: tee.variantGid, title: 'Tee', quantity: 2, price: '20.00', total: '40.00' }],
    });
    // The other tenant sees none of it.
    expect(await eventsAfter(t, 'beta', '0')).toEqual([]);
  });

  it('fulfilling and cancelling write their events; a refused cancel writes none', async () => {
    const t = get();
    const tee = await createVariant(t, 'alpha', { price: '3.00', stock: [9] });
    const place = async () => {
      const cart = await cartWith(t, 'alpha', [{ merchandiseId: tee.variantGid, quantity: 1 }]);
      return (await checkout(t, 'alpha', cart.id, nextKey())).body.data!.checkoutComplete.order!.id;
    };
    const [first, second] = [await place(), await place()];
    const since = await lastEventId(t, 'alpha');
    await admin(`mutation($id: ID!) { orderFulfill(id: $id) { userErrors { code } } }`, { id: first });
    await admin(`mutation($id: ID!) { orderCancel(id: $id) { userErrors { code } } }`, { id: second });
    const refused = await admin<{ orderCancel: { userErrors: { code: string }[] } }>(
      `mutation($id: ID!) { orderCancel(id: $id) { userErrors { code } } }`,
      { id: first },
    );
    expect(refused.body.data!.orderCancel.userErrors).toEqual([{ code: 'ALREADY_FULFILLED' }]);
    const events = (await eventsAfter(t, 'alpha', since)).filter((e) => e.topic.startsWith('ORDERS_'));
    expect(events.map((e) => [e.topic, e.payload.id])).toEqual([
      ['ORDERS_FULFILLED', first],
      ['ORDERS_CANCELLED', second],
    ]);
    expect(events[1].payload).toMatchObject({ status: 'CANCELLED', financialStatus: 'VOIDED' });
  });

  it('product writes emit PRODUCTS_CREATE, PRODUCTS_UPDATE and PRODUCTS_DELETE', async () => {
    const t = get();
    const since = await lastEventId(t, 'alpha');
    const created = await admin<{ productCreate: { product: { id: string } } }>(
      `mutation { productCreate(input: { title: "Hat", handle: "outbox-hat" }) { product { id } } }`,
      {},
    );
    const id = created.body.data!.productCreate.product.id;
    await admin(`mutation($id: ID!) { productUpdate(input: { id: $id, title: "Cap" }) { product { id } } }`, { id });
    await admin(`mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId } }`, { id });
    const events = await eventsAfter(t, 'alpha', since);
    expect(events.map((e) => e.topic)).toEqual(['PRODUCTS_CREATE', 'PRODUCTS_UPDATE', 'PRODUCTS_DELETE']);
    expect(events[0].payload).toMatchObject({ id, title: 'Hat', handle: 'outbox-hat' });
    expect(events[1].payload).toMatchObject({ id, title: 'Cap' });
    expect(events[2].payload).toEqual({ id });
  });

  it('stock changes emit INVENTORY_LEVELS_UPDATE, also from the one-statement adjust; a refused one emits none', async () => {
    const t = get();
    const tee = await createVariant(t, 'alpha', { price: '1.00', stock: [2] });
    const location = encodeGlobalId('Location', tee.locationIds[0]);
    const since = await lastEventId(t, 'alpha');
    const ADJUST = `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) { userErrors { code } } }`;
    const SET = `mutation($input: InventorySetInput!) { inventorySet(input: $input) { userErrors { code } } }`;
    const input = { variantId: tee.variantGid, locationId: location };
    await admin(ADJUST, { input: { ...input, delta: 3, reason: 'received' } });
    const short = await admin<{ inventoryAdjust: { userErrors: { code: string }[] } }>(ADJUST, {
      input: { ...input, delta: -50, reason: 'shrinkage' },
    });
    expect(short.body.data!.inventoryAdjust.userErrors).toEqual([{ code: 'NOT_ENOUGH_STOCK' }]);
    await admin(SET, { input: { ...input, quantity: 11, reason: 'count' } });
    const events = await eventsAfter(t, 'alpha', since);
    expect(events.map((e) => [e.topic, e.payload.available, e.payload.delta, e.payload.reason])).toEqual([
      ['INVENTORY_LEVELS_UPDATE', 5, 3, 'received'],
      ['INVENTORY_LEVELS_UPDATE', 11, 6, 'count'],
    ]);
    expect(events[0].payload).toMatchObject({ variantId: tee.variantGid, locationId: location });
  });

  it('customer writes emit CUSTOMERS_CREATE and CUSTOMERS_UPDATE', async () => {
    const t = get();
    const since = await lastEventId(t, 'alpha');
    const created = await admin<{ customerCreate: { customer: { id: string } } }>(
      `mutation { customerCreate(input: { email: "outbox@example.com", firstName: "Ada" }) { customer { id } } }`,
      {},
    );
    const id = created.body.data!.customerCreate.customer.id;
    await admin(`mutation($id: ID!) { customerUpdate(id: $id, input: { lastName: "L" }) { customer { id } } }`, { id });
    const events = await eventsAfter(t, 'alpha', since);
    expect(events.map((e) => e.topic)).toEqual(['CUSTOMERS_CREATE', 'CUSTOMERS_UPDATE']);
    expect(events[1].payload).toMatchObject({ id, email: 'outbox@example.com', firstName: 'Ada', lastName: 'L' });
  });

  it('a change that rolls back leaves no event', async () => {
    const t = get();
    const since = await lastEventId(t, 'alpha');
    // The second root field is refused (no write_orders scope): the mutation rolls back whole.
    const res = await admin<{ productCreate: { product: { id: string } | null } }>(
      `mutation($id: ID!) {
        productCreate(input: { title: "Ghost", handle: "outbox-ghost" }) { product { id } }
        orderFulfill(id: $id) { userErrors { code } }
      }`,
      { id: encodeGlobalId('Order', 1) },
      ['read_products', 'write_products'],
    );
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await rows(t, 'alpha', sql`select id from products where handle = 'outbox-ghost'`)).toEqual([]);
    expect(await eventsAfter(t, 'alpha', since)).toEqual([]);
  });
  it('checkout emits CUSTOMERS_CREATE for a customer it creates and INVENTORY_LEVELS_UPDATE per level it takes from', async () => {
    const t = get();
    const tee = await createVariant(t, 'alpha', { price: '2.00', stock: [1, 5] });
    const email = `new-buyer-${Date.now()}@example.com`;
    const since = await lastEventId(t, 'alpha');
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: tee.variantGid, quantity: 3 }], email);
    const res = await checkout(t, 'alpha', cart.id, nextKey());
    expect(res.body.data!.checkoutComplete.userErrors).toEqual([]);
    const events = await eventsAfter(t, 'alpha', since);
    expect(events.map((e) => e.topic).sort()).toEqual(['CUSTOMERS_CREATE', 'INVENTORY_LEVELS_UPDATE', 'ORDERS_CREATE']);
    const customer = events.find((e) => e.topic === 'CUSTOMERS_CREATE')!;
    expect(customer.payload).toMatchObject({ email, ordersCount: 0, id: expect.any(String) });
    // The location with the most stock first: 3 of its 5 units.
    expect(events.find((e) => e.topic === 'INVENTORY_LEVELS_UPDATE')!.payload).toMatchObject({
      variantId: tee.variantGid,
      locationId: encodeGlobalId('Location', tee.locationIds[1]),
      available: 2,
      delta: -3,
      reason: 'checkout',
    });
    // A second order of the same buyer creates no customer.
    const mark = await lastEventId(t, 'alpha');
    const second = await cartWith(t, 'alpha', [{ merchandiseId: tee.variantGid, quantity: 1 }], email);
    await checkout(t, 'alpha', second.id, nextKey());
    expect((await eventsAfter(t, 'alpha', mark)).map((e) => e.topic).sort()).toEqual([
      'INVENTORY_LEVELS_UPDATE',
      'ORDERS_CREATE',
    ]);
  });

  it('cancelling with restock emits INVENTORY_LEVELS_UPDATE per level restocked; without restock none', async () => {
    const t = get();
    const tee = await createVariant(t, 'alpha', { price: '2.00', stock: [4] });
    const place = async () => {
      const cart = await cartWith(t, 'alpha', [{ merchandiseId: tee.variantGid, quantity: 2 }]);
      return (await checkout(t, 'alpha', cart.id, nextKey())).body.data!.checkoutComplete.order!.id;
    };
    const [first, second] = [await place(), await place()];
    const since = await lastEventId(t, 'alpha');
    const CANCEL = `mutation($id: ID!, $restock: Boolean) { orderCancel(id: $id, restock: $restock) { userErrors { code } } }`;
    await admin(CANCEL, { id: first, restock: true });
    await admin(CANCEL, { id: second, restock: false });
    const events = await eventsAfter(t, 'alpha', since);
    const restocked = events.filter((e) => e.topic === 'INVENTORY_LEVELS_UPDATE');
    expect(restocked.map((e) => [e.payload.available, e.payload.delta, e.payload.reason])).toEqual([
      [2, 2, 'order_cancel'],
    ]);
    expect(restocked[0].payload).toMatchObject({ variantId: tee.variantGid });
    expect(events.filter((e) => e.topic === 'INVENTORY_LEVELS_UPDATE')).toHaveLength(1);
    expect(events.filter((e) => e.topic === 'ORDERS_CANCELLED')).toHaveLength(2);
  });

  it('variant and option writes emit PRODUCTS_UPDATE with the product', async () => {
    const t = get();
    const tee = await createVariant(t, 'alpha', { price: '5.00', title: 'Variant events' });
    const since = await lastEventId(t, 'alpha');
    const created = await admin<{ productOptionsCreate: { userErrors: unknown[] } }>(
      `mutation($p: ID!) { productOptionsCreate(productId: $p, options: [{ name: "Size", values: ["S", "M"] }]) { userErrors { code message } } }`,
      { p: tee.productGid },
    );
    expect(created.body.data!.productOptionsCreate.userErrors).toEqual([]);
    await admin(
      `mutation($id: ID!) { productVariantUpdate(input: { id: $id, price: "6.00", optionValues: ["S"] }) { userErrors { code message } } }`,
      { id: tee.variantGid },
    );
    const added = await admin<{ productVariantCreate: { productVariant: { id: string }; userErrors: unknown[] } }>(
      `mutation($p: ID!) { productVariantCreate(input: { productId: $p, price: "7.00", optionValues: ["M"] }) { productVariant { id } userErrors { code message } } }`,
      { p: tee.productGid },
    );
    expect(added.body.data!.productVariantCreate.userErrors).toEqual([]);
    await admin(`mutation($id: ID!) { productVariantDelete(id: $id) { userErrors { code } } }`, {
      id: added.body.data!.productVariantCreate.productVariant.id,
    });
    const events = await eventsAfter(t, 'alpha', since);
    expect(events.map((e) => [e.topic, e.payload.id, e.payload.title])).toEqual(
      Array(4).fill(['PRODUCTS_UPDATE', tee.productGid, 'Variant events']),
    );
  });

  it('a checkout, a cancel or a variant write that rolls back emits nothing', async () => {
    const t = get();
    const tee = await createVariant(t, 'alpha', { price: '2.00', stock: [3] });
    const cart = await cartWith(
      t,
      'alpha',
      [{ merchandiseId: tee.variantGid, quantity: 1 }],
      `ghost-${Date.now()}@example.com`,
    );
    const since = await lastEventId(t, 'alpha');
    // The storefront may not create products: the second root field fails and the checkout rolls back.
    const refusedCheckout = await t.graphql(
      `mutation($cartId: ID!, $key: String!) {
        checkoutComplete(cartId: $cartId, idempotencyKey: $key) { order { id } userErrors { code } }
        productCreate(input: { title: "Ghost", handle: "ghost-checkout" }) { product { id } }
      }`,
      { cartId: cart.id, key: nextKey() },
      t.storefront('alpha'),
    );
    expect(refusedCheckout.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stockOf(t, 'alpha', tee)).toEqual([3]);
    const placed = await checkout(
      t,
      'alpha',
      (await cartWith(t, 'alpha', [{ merchandiseId: tee.variantGid, quantity: 1 }])).id,
      nextKey(),
    );
    const orderId = placed.body.data!.checkoutComplete.order!.id;
    const mark = await lastEventId(t, 'alpha');
    const refusedCancel = await admin(
      `mutation($id: ID!, $v: ID!) {
        orderCancel(id: $id) { userErrors { code } }
        productVariantUpdate(input: { id: $v, price: "9.00" }) { userErrors { code } }
        orderFulfill(id: $id) { userErrors { code } }
      }`,
      { id: orderId, v: tee.variantGid },
      ['read_orders', 'write_orders', 'read_products'],
    );
    expect(refusedCancel.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await stockOf(t, 'alpha', tee)).toEqual([2]);
    const refusedVariant = await admin(
      `mutation($v: ID!, $id: ID!) {
        productVariantUpdate(input: { id: $v, price: "9.00" }) { userErrors { code } }
        orderFulfill(id: $id) { userErrors { code } }
      }`,
      { v: tee.variantGid, id: orderId },
      ['read_products', 'write_products'],
    );
    expect(refusedVariant.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const events = await eventsAfter(t, 'alpha', since);
    // Only the checkout that committed left its events.
    expect(events.map((e) => e.topic).sort()).toEqual(['INVENTORY_LEVELS_UPDATE', 'ORDERS_CREATE']);
    expect(await eventsAfter(t, 'alpha', mark)).toEqual([]);
  });
});
