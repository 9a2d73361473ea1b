import { sql } from 'kysely';
import { CHECKOUT_STEPS, stepPayload, type CheckoutState } from '../../bench/checkout-steps';
import { CART_COLUMNS } from '../../connectors/carts/tables';
import type { DatabaseKind } from '../../src/db/database';
import { describeEachDatabase, writeFraming } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { createVariant, seedCartsDemo, SUITE } from './orders-fixtures';

/**
 * Statements of each checkout step besides the framing (writeFraming: `begin` with the settings and
 * the first savepoint, `commit`), as bench scenario (i) sends them: 3 lines, a California address,
 * the "express" option, WELCOME10, completion.
 *   cartCreate: insert the cart (returning the row the answer shows), the variants and their stock,
 *     insert the lines, then the answer's priced lines (its subtotal needs no pricing setup): 4
 *   address: lock the cart (checking the shopper may use it), the shop's pricing setup (zones, tax
 *     rates and automatic discounts in one read; the zones checked here, all reused by the answer), the
 *     one update of the cart (returning its row), then priced lines, the buyer's exemption: 5
 *   option: lock, pricing setup, priced lines (both checked here, reused by the answer), the update,
 *     exemption: 5
 *   codes: lock, the update, then pricing setup, priced lines, the codes' discounts with the buyer's
 *     exemption (one read): 5
 *   checkoutComplete: lock the cart (checking the shopper may use it), the idempotency key's order, its
 *     lines priced now (for the order and the quote), the quote's two other reads (pricing setup; the
 *     codes' discounts with the exemption), lock the stock levels, take the stock (one update),
 *     the customer, the order with its number, line items, allocations and stock history
 *     (one statement), count the discount's use, record the buyer's use, the pricing snapshot (returning
 *     what the answer shows), units sold, complete the cart, the outbox events: 15
 */
const BODY = [4, 5, 5, 5, 15];
const expected = (kind: DatabaseKind) => BODY.map((n) => writeFraming(kind) + n);

describeEachDatabase('SQL statements per checkout step', SUITE, (get, kind) => {
  let variantIds: string[];

  beforeAll(async () => {
    const t = get();
    await seedCartsDemo(t);
    variantIds = [];
    for (let i = 0; i < 3; i++) {
      variantIds.push((await createVariant(t, 'alpha', { price: `${30 + i}.99`, stock: [100] })).variantGid);
    }
  }, 120_000);

  async function checkout(t: TestGateway): Promise<number[]> {
    const state: CheckoutState = {};
    const counts: number[] = [];
    for (const step of CHECKOUT_STEPS) {
      const res = await t.graphql(step.query, step.variables(variantIds, state), t.storefront('alpha'));
      const payload = stepPayload(step, JSON.stringify(res.body));
      expect(payload).not.toBeNull();
      if (payload?.cart?.id) state.cartId = payload.cart.id;
      counts.push(Number(res.headers.get('x-sql-statements')));
    }
    return counts;
  }

  it('names every column of the cart it locks and updates (a statement naming them stays prepared)', async () => {
    const { rows } = await sql<{ name: string }>`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = 'carts'`.execute(get().database.db);
    expect([...CART_COLUMNS].sort()).toEqual(rows.map((r) => r.name).sort());
  });

  it('sends the same statements per step in every checkout of a known buyer', async () => {
    const t = get();
    const first = await checkout(t);
    // The first checkout of the email creates its customer and writes CUSTOMERS_CREATE besides.
    expect(first).toEqual(expected(kind).map((n, step) => (step === 4 ? n + 1 : n)));
    expect(await checkout(t)).toEqual(expected(kind));
  });
});
