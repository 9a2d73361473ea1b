import { sql } from 'kysely';
import { encodeGlobalId, localIdOf } from '../../src/sdk';
import { createTestDatabase, databaseMissing, type TestDatabase } from '../kit/databases';
import { startTestGateway, type TestGateway } from '../kit/gateway';
import { LockBarrier } from '../kit/lock-barrier';
import { describeUnless } from '../kit/skip';
import { ADJUST } from './inventory-kit';
import {
  cartWith,
  checkout,
  createVariant,
  PLUGINS,
  retailTenants,
  rows,
  stockOf,
  type CartPayload,
  type VariantFixture,
} from './orders-fixtures';

/**
 * Checkouts that really run at the same time: the test holds the row lock they need (a stock level, a
 * cart) on its own connection, fires the requests over HTTP, waits until Postgres shows them all
 * waiting on it, then lets them go at once. Postgres only: PGlite serialises its single connection.
 */
const MANY = 8;
const CART_EDIT = `mutation($cartId: ID!, $lines: [CartLineUpdateInput!]!) {
  cartLinesUpdate(cartId: $cartId, lines: $lines) { cart { lines { nodes { quantity } } } userErrors { field code message } } }`;
const CART_REMOVE = `mutation($cartId: ID!, $lineIds: [ID!]!) {
  cartLinesRemove(cartId: $cartId, lineIds: $lineIds) { cart { totalQuantity } userErrors { field code message } } }`;

/** A cart's row id: the random token at the end of its global ID. */
const cartToken = (gid: string) => Buffer.from(gid, 'base64url').toString('utf8').split('/').pop()!;

type Answer = { body: { data?: unknown; errors?: unknown[] } };
type CartCheckout = { order: { id: string } | null; userErrors: { field: string[]; code: string }[] };
// Declared for Postgres only (skipped, with the reason, without DATABASE_URL): PGlite serialises its single
// connection, so no two requests can overlap on it and a PGlite variant could only ever skip.
describeUnless(databaseMissing('postgres'))('checkout races that really overlap [postgres]', () => {
  let t: TestGateway;
  let database: TestDatabase;
  let key = 0;
  const nextKey = () => `race-${++key}`;

  beforeAll(async () => {
    // Room for every racing request to hold a connection while it waits.
    database = await createTestDatabase('postgres', { poolMax: MANY + 4 });
    t = await startTestGateway({ kind: 'postgres', plugins: PLUGINS, tenantsDir: retailTenants(), database });
  });
  afterAll(async () => {
    await t?.close();
    await database?.close();
  });

  /** Locks the variant's stock levels until released. */
  const holdStock = (v: VariantFixture) =>
    LockBarrier.hold(database.url!, 'select 1 from inventory_levels where variant_id = $1 for update', [v.variantId]);
  const holdCart = (cartId: string) =>
    LockBarrier.hold(database.url!, 'select 1 from carts where id = $1 for update', [cartToken(cartId)]);

  /** Starts the requests one after another, each queued behind the barrier before the next is sent. */
  async function queued<T>(barrier: LockBarrier, requests: (() => Promise<T>)[]): Promise<T[]> {
    const pending: Promise<T>[] = [];
    try {
      for (const request of requests) {
        pending.push(request());
        await barrier.waitFor(pending.length);
      }
    } finally {
      await barrier.release();
    }
    return Promise.all(pending);
  }

  /**
   * Every order of the variant is whole (its line, its allocations and its cart agree) and the stock
   * history and units sold match them; returns the units sold.
   */
  async function expectWholeOrders(v: VariantFixture) {
    const orders = await rows<{ id: string; quantity: number; allocated: number; carts: number }>(
      t,
      'alpha',
      sql`select o.id, li.quantity,
          (select coalesce(sum(a.quantity), 0)::int from order_allocations a
            where a.order_id = o.id and a.variant_id = li.variant_id) allocated,
          (select count(*)::int from carts c where c.order_id = o.id and c.status = 'COMPLETED') carts
        from orders o join order_line_items li on li.order_id = o.id
        where li.variant_id = ${v.variantId}`,
    );
    for (const o of orders) expect(o).toEqual({ ...o, allocated: o.quantity, carts: 1 });
    const units = orders.reduce((sum, o) => sum + o.quantity, 0);
    const [moved] = await rows<{ sold: number; taken: number; negative: number }>(
      t,
      'alpha',
      sql`select (select total_sold from products where id = ${v.productId}) sold,
          (select coalesce(-sum(delta), 0)::int from inventory_adjustments
            where variant_id = ${v.variantId} and reason = 'checkout') taken,
          (select count(*)::int from inventory_adjustments where variant_id = ${v.variantId} and quantity_after < 0) negative`,
    );
    expect(moved).toEqual({ sold: units, taken: units, negative: 0 });
    return units;
  }

  const payloads = (results: Awaited<ReturnType<typeof checkout>>[]) =>
    results.map((r) => {
      expect(r.body.errors).toBeUndefined();
      return r.body.data!.checkoutComplete;
    });

  it('sells the last unit once when two checkouts wait on it together', async () => {
    const last = await createVariant(t, 'alpha', { price: '50.00', stock: [1] });
    const carts = [
      await cartWith(t, 'alpha', [{ merchandiseId: last.variantGid, quantity: 1 }]),
      await cartWith(t, 'alpha', [{ merchandiseId: last.variantGid, quantity: 1 }]),
    ];
    const results = payloads(
      await queued(
        await holdStock(last),
        carts.map((cart) => () => checkout(t, 'alpha', cart.id, nextKey())),
      ),
    );
    expect(results[0].userErrors).toEqual([]);
    expect(results[1]).toEqual({
      order: null,
      userErrors: [{ field: ['lines', '0', 'quantity'], code: 'NOT_ENOUGH_STOCK', message: expect.any(String) }],
    });
    expect(await stockOf(t, 'alpha', last)).toEqual([0]);
    expect(await expectWholeOrders(last)).toBe(1);
  });

  it(`sells exactly the units there are to ${MANY} checkouts waiting together, across two locations`, async () => {
    const scarce = await createVariant(t, 'alpha', { price: '9.00', stock: [2, 1] });
    const carts = [];
    for (let i = 0; i < MANY; i++)
      carts.push(await cartWith(t, 'alpha', [{ merchandiseId: scarce.variantGid, quantity: 1 }]));
    const results = payloads(
      await queued(
        await holdStock(scarce),
        carts.map((cart) => () => checkout(t, 'alpha', cart.id, nextKey())),
      ),
    );
    const sold = results.filter((p) => p.order !== null);
    expect(sold).toHaveLength(3);
    for (const refused of results.filter((p) => p.order === null)) {
      expect(refused.userErrors).toEqual([
        { field: ['lines', '0', 'quantity'], code: 'NOT_ENOUGH_STOCK', message: expect.any(String) },
      ]);
    }
    expect(await stockOf(t, 'alpha', scarce)).toEqual([0, 0]);
    expect(await expectWholeOrders(scarce)).toBe(3);
    const active = await rows<{ n: number }>(
      t,
      'alpha',
      sql`select count(*)::int n from carts
        where id = any(${carts.map((c) => cartToken(c.id))}) and status = 'ACTIVE' and order_id is null`,
    );
    expect(active).toEqual([{ n: MANY - 3 }]);
  });

  it('a checkout and a stock removal waiting together: one of them, never both, and stock stays true', async () => {
    const v = await createVariant(t, 'alpha', { price: '4.00', stock: [2] });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 2 }]);
    const admin = await t.admin('alpha');
    const adjust = () =>
      t.graphql<{ inventoryAdjust: { userErrors: { code: string }[] } }>(
        ADJUST,
        {
          input: {
            variantId: v.variantGid,
            locationId: encodeGlobalId('Location', v.locationIds[0]),
            delta: -1,
            reason: 'damaged',
          },
        },
        admin,
      );
    for (const checkoutFirst of [true, false]) {
      await rows(t, 'alpha', sql`update inventory_levels set available = 2 where variant_id = ${v.variantId}`);
      const fresh = checkoutFirst ? cart : await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 2 }]);
      const order = () => checkout(t, 'alpha', fresh.id, nextKey());
      const barrier = await holdStock(v);
      const [first, second] = await queued<Answer>(barrier, checkoutFirst ? [order, adjust] : [adjust, order]);
      expect([first.body.errors, second.body.errors]).toEqual([undefined, undefined]);
      const placed = ((checkoutFirst ? first : second).body.data as { checkoutComplete: CartCheckout })
        .checkoutComplete;
      const adjusted = (
        (checkoutFirst ? second : first).body.data as { inventoryAdjust: { userErrors: { code: string }[] } }
      ).inventoryAdjust;
      // Whichever came first wins; the other is refused with a code, and stock is what the winner left.
      expect({
        checkout: placed.userErrors.map((e) => e.code),
        adjust: adjusted.userErrors.map((e) => e.code),
        stock: await stockOf(t, 'alpha', v),
      }).toEqual(
        checkoutFirst
          ? { checkout: [], adjust: ['NOT_ENOUGH_STOCK'], stock: [0] }
          : { checkout: ['NOT_ENOUGH_STOCK'], adjust: [], stock: [1] },
      );
    }
    expect(await expectWholeOrders(v)).toBe(2);
  });

  it('a checkout and a cart edit waiting together: the order is the cart as the first of them left it', async () => {
    const v = await createVariant(t, 'alpha', { price: '3.00', stock: [50] });
    const w = await createVariant(t, 'alpha', { price: '7.00', stock: [50] });
    const quantities = async (orderId: string) =>
      (
        await rows<{ variant_id: string; quantity: number }>(
          t,
          'alpha',
          sql`select variant_id, quantity from order_line_items
            where order_id = ${localIdOf(orderId, 'Order')} order by variant_id`,
        )
      ).map((l) => [l.variant_id, l.quantity]);
    for (const [edit, editFirst] of [
      ['update', true],
      ['update', false],
      ['remove', true],
      ['remove', false],
    ] as const) {
      const cart = await cartWith(t, 'alpha', [
        { merchandiseId: v.variantGid, quantity: 1 },
        { merchandiseId: w.variantGid, quantity: 1 },
      ]);
      const [vLine, wLine] = cart.lines.nodes;
      const change = () =>
        edit === 'update'
          ? t.graphql<{ cartLinesUpdate: CartPayload }>(
              CART_EDIT,
              { cartId: cart.id, lines: [{ id: vLine.id, quantity: 3 }] },
              t.storefront('alpha'),
            )
          : t.graphql<{ cartLinesRemove: CartPayload }>(
              CART_REMOVE,
              { cartId: cart.id, lineIds: [wLine.id] },
              t.storefront('alpha'),
            );
      const order = () => checkout(t, 'alpha', cart.id, nextKey());
      const results = await queued<Answer>(await holdCart(cart.id), editFirst ? [change, order] : [order, change]);
      const [changed, placed] = editFirst ? results : [results[1], results[0]];
      expect([changed.body.errors, placed.body.errors]).toEqual([undefined, undefined]);
      const changeErrors = Object.values(changed.body.data as Record<string, CartPayload>)[0].userErrors;
      const result = (placed.body.data as { checkoutComplete: CartCheckout }).checkoutComplete;
      expect(result.userErrors).toEqual([]);
      const afterEdit =
        edit === 'update'
          ? [
              [v.variantId, 3],
              [w.variantId, 1],
            ]
          : [[v.variantId, 1]];
      expect({
        edit,
        editFirst,
        changeErrors: changeErrors.map((e) => e.code),
        order: await quantities(result.order!.id),
      }).toEqual({
        edit,
        editFirst,
        changeErrors: editFirst ? [] : ['ALREADY_COMPLETED'],
        order: editFirst
          ? afterEdit
          : [
              [v.variantId, 1],
              [w.variantId, 1],
            ],
      });
    }
    await expectWholeOrders(v);
    await expectWholeOrders(w);
  });

  it('two carts checked out at once with one idempotency key: one order, the other refused as TAKEN', async () => {
    const v = await createVariant(t, 'alpha', { price: '6.00', stock: [5] });
    const carts = [
      await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 1 }]),
      await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 2 }]),
    ];
    const k = nextKey();
    // Both pass the look-up of the key before either has written: the unique key decides.
    const results = payloads(
      await queued(
        await holdStock(v),
        carts.map((cart) => () => checkout(t, 'alpha', cart.id, k)),
      ),
    );
    expect(results[0].userErrors).toEqual([]);
    expect(results[1]).toEqual({
      order: null,
      userErrors: [{ field: ['idempotencyKey'], code: 'TAKEN', message: expect.any(String) }],
    });
    expect(await rows(t, 'alpha', sql`select count(*)::int n from orders where idempotency_key = ${k}`)).toEqual([
      { n: 1 },
    ]);
    expect(await stockOf(t, 'alpha', v)).toEqual([4]);
    expect(await expectWholeOrders(v)).toBe(1);
    // The first cart's retry gets its order; the refused cart is untouched and can check out with a key of its own.
    const retry = payloads([await checkout(t, 'alpha', carts[0].id, k)])[0];
    expect(retry.order!.id).toBe(results[0].order!.id);
    expect(payloads([await checkout(t, 'alpha', carts[1].id, nextKey())])[0].userErrors).toEqual([]);
  });

  it('one cart checked out twice at once with one key: both answers are the same order', async () => {
    const v = await createVariant(t, 'alpha', { price: '2.00', stock: [5] });
    const cart = await cartWith(t, 'alpha', [{ merchandiseId: v.variantGid, quantity: 2 }]);
    const k = nextKey();
    const results = payloads(
      await queued(await holdStock(v), [
        () => checkout(t, 'alpha', cart.id, k),
        () => checkout(t, 'alpha', cart.id, k),
      ]),
    );
    expect(results.map((r) => r.userErrors)).toEqual([[], []]);
    expect(results[1].order!.id).toBe(results[0].order!.id);
    expect(await stockOf(t, 'alpha', v)).toEqual([3]);
    expect(await expectWholeOrders(v)).toBe(2);
  });
});
