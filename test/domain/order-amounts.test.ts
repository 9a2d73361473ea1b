import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateDown, migrateUp } from '../../src/db/migrator';
import { describeEachKind } from '../kit/databases';
import { describeEachDatabase } from '../kit/each-database';
import { everyMigration, migratedDatabase } from '../kit/migrated-database';
import { appendSettings } from './pricing-fixtures';
import { cartWith, createVariant, SUITE } from './orders-fixtures';

/** The fixture tenants with beta in Kuwaiti dinars (three decimals), tax added on top. */
function kuwaitiTenants(): string {
  const dir = appendSettings(SUITE.tenantsDir, {});
  const file = join(dir, 'beta.yaml');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/^currency: .*$/m, 'currency: KWD'));
  return dir;
}

const ADDRESS = `mutation($id: ID!) { cartDeliveryAddressUpdate(cartId: $id,
  address: { address1: "Gulf Road 1", city: "Kuwait City", zip: "13001", country: "KW" }) { userErrors { field code } } }`;
const SELECT = `mutation($id: ID!) { cartSelectedDeliveryOptionUpdate(cartId: $id, deliveryOptionHandle: "standard") { userErrors { field code } } }`;
const CODES = `mutation($id: ID!) { cartDiscountCodesUpdate(cartId: $id, discountCodes: ["DINAR10"]) { userErrors { field code } } }`;
const COST = `query($id: ID!) { cart(id: $id) { cost { subtotalAmount { amount } totalShippingAmount { amount }
  totalTaxAmount { amount } totalDiscountAmount { amount } totalAmount { amount currencyCode } } } }`;
const CHECKOUT = `mutation($id: ID!) { checkoutComplete(cartId: $id, idempotencyKey: "kwd-1", email: "kwd@example.com") {
  order { id } userErrors { field code } } }`;
const ORDER = `query($id: ID!) { order(id: $id) {
  subtotalPrice { amount currencyCode } totalPrice { amount currencyCode } totalShippingPrice { amount }
  totalTax { amount } totalDiscounts { amount }
  lineItems { nodes { quantity originalUnitPrice { amount } originalTotal { amount } } } } }`;

describeEachDatabase('orders keep three-decimal amounts exactly', { ...SUITE, tenantsDir: kuwaitiTenants() }, (get) => {
  it('checks out a KWD cart with half-fils amounts and reads the exact totals back on the order', async () => {
    const t = get();
    await t.gateway.runtime.withTenant('beta', async (db) => {
      const zone = await sql<{ id: string }>`insert into shipping_zones (tenant_id, name, regions)
        values ('beta', 'Kuwait', '{KW}') returning id`.execute(db);
      await sql`insert into shipping_rates (tenant_id, zone_id, handle, title, kind, price)
        values ('beta', ${zone.rows[0].id}, 'standard', 'Courier', 'FLAT', 1.250)`.execute(db);
      await sql`insert into tax_rates (tenant_id, country_code, title, rate_percentage, applies_to_shipping)
        values ('beta', 'KW', 'VAT', 5, false)`.execute(db);
      await sql`insert into discounts (tenant_id, code, title, kind, value)
        values ('beta', 'DINAR10', '10 % off', 'PERCENTAGE', 10)`.execute(db);
    });
    const lamp = await createVariant(t, 'beta', { price: '1.15' });
    const bulb = await createVariant(t, 'beta', { price: '0.35' });
    const cart = await cartWith(t, 'beta', [
      { merchandiseId: lamp.variantGid, quantity: 1 },
      { merchandiseId: bulb.variantGid, quantity: 1 },
    ]);
    const storefront = t.storefront('beta');
    for (const mutation of [ADDRESS, SELECT, CODES]) {
      const res = await t.graphql<Record<string, { userErrors: unknown[] }>>(mutation, { id: cart.id }, storefront);
      expect(Object.values(res.body.data!)[0].userErrors).toEqual([]);
    }
    // 1.500 subtotal; 10 % = 0.150 (0.115 + 0.035); tax 5 % of 1.035 = 0.05175 → 0.052, of 0.315 = 0.01575 → 0.016;
    // courier 1.250 untaxed: 1.500 − 0.150 + 1.250 + 0.068 = 2.668.
    const cost = await t.graphql<{ cart: { cost: unknown } }>(COST, { id: cart.id }, storefront);
    expect(cost.body.data!.cart.cost).toEqual({
      subtotalAmount: { amount: '1.500' },
      totalShippingAmount: { amount: '1.250' },
      totalTaxAmount: { amount: '0.068' },
      totalDiscountAmount: { amount: '0.150' },
      totalAmount: { amount: '2.668', currencyCode: 'KWD' },
    });
    const placed = await t.graphql<{ checkoutComplete: { order: { id: string } | null; userErrors: unknown[] } }>(
      CHECKOUT,
      { id: cart.id },
      storefront,
    );
    expect(placed.body.data!.checkoutComplete.userErrors).toEqual([]);
    const order = await t.graphql<{ order: unknown }>(
      ORDER,
      { id: placed.body.data!.checkoutComplete.order!.id },
      await t.admin('beta'),
    );
    expect(order.body.data!.order).toEqual({
      subtotalPrice: { amount: '1.500', currencyCode: 'KWD' },
      totalPrice: { amount: '2.668', currencyCode: 'KWD' },
      totalShippingPrice: { amount: '1.250' },
      totalTax: { amount: '0.068' },
      totalDiscounts: { amount: '0.150' },
      lineItems: {
        nodes: [
          { quantity: 1, originalUnitPrice: { amount: '1.150' }, originalTotal: { amount: '1.150' } },
          { quantity: 1, originalUnitPrice: { amount: '0.350' }, originalTotal: { amount: '0.350' } },
        ],
      },
    });
    const stored = await t.gateway.runtime.withTenant('beta', async (db) =>
      sql<{ subtotal: string; total: string }>`select subtotal::text, total::text from orders
        where currency_code = 'KWD'`
        .execute(db)
        .then((r) => r.rows),
    );
    expect(stored).toEqual([{ subtotal: '1.500', total: '2.668' }]);
  });
});

const migrations = everyMigration();

describeEachKind('the exact order amounts migration', (kind) => {
  const database = migratedDatabase(kind);

  const amounts = async () =>
    (
      await sql<{ number: number; subtotal: string; total: string }>`
        select number, subtotal::text, total::text from orders order by tenant_id, number`.execute(database().db)
    ).rows;

  it('keeps existing amounts up and down, and refuses to go down while an amount has three decimals', async () => {
    const { db } = database();
    // Orders written before: two decimals.
    expect(await migrateDown(db, migrations, { plugin: 'orders', steps: 1 })).toEqual([
      'orders/0002_exact_order_amounts',
    ]);
    await sql`insert into orders (tenant_id, number, currency_code, subtotal, total)
      values ('alpha', 1001, 'USD', 59.88, 62.26), ('alpha', 1002, 'USD', 10, 10.5)`.execute(db);
    await migrateUp(db, migrations);
    expect(await amounts()).toEqual([
      { number: 1001, subtotal: '59.88', total: '62.26' },
      { number: 1002, subtotal: '10.00', total: '10.50' },
    ]);
    await sql`insert into orders (tenant_id, number, currency_code, subtotal, total)
      values ('beta', 1001, 'KWD', 1.500, 2.668)`.execute(db);
    const refused = await migrateDown(db, migrations, { plugin: 'orders', steps: 1 }).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(refused).toMatch(/orders_total_has_two_decimals/);
    expect((await amounts())[2]).toEqual({ number: 1001, subtotal: '1.500', total: '2.668' });
    await sql`delete from orders where currency_code = 'KWD'`.execute(db);
    await migrateDown(db, migrations, { plugin: 'orders', steps: 1 });
    expect(await amounts()).toEqual([
      { number: 1001, subtotal: '59.88', total: '62.26' },
      { number: 1002, subtotal: '10.00', total: '10.50' },
    ]);
  }, 180_000);
});
