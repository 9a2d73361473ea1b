import { sql } from 'kysely';
import { seedPlugins } from '../../src/engine/seed';
import { DEMO_CUSTOMERS_PER_TENANT } from '../../connectors/customers/seed';
import { DEMO_ORDERS_PER_TENANT } from '../../connectors/orders/seed';
import { describeEachDatabase } from '../kit/each-database';
import { rows, SUITE } from './orders-fixtures';

describeEachDatabase('demo seed of customers and orders', SUITE, (get) => {
  beforeAll(async () => {
    const t = get();
    await seedPlugins(t.gateway.runtime, t.gateway.composition.plugins, 'demo');
  });

  it.each(['alpha', 'beta'])('gives %s customers and orders whose lines reference its own variants', async (tenant) => {
    const t = get();
    const [counts] = await rows<{
      customers: number;
      orders: number;
      lines: number;
      foreign: number;
      counted: number;
      paid: number;
    }>(
      t,
      tenant,
      sql`select
        (select count(*)::int from customers) customers,
        (select count(*)::int from orders) orders,
        (select count(*)::int from order_line_items) lines,
        (select count(*)::int from order_line_items li join product_variants v on v.id = li.variant_id
          where v.tenant_id <> li.tenant_id or li.unit_price <> v.price) foreign,
        (select coalesce(sum(orders_count), 0)::int from customers) counted,
        (select count(*)::int from orders where customer_id is not null
          and financial_status not in ('PENDING', 'VOIDED')) paid`,
    );
    expect(counts.customers).toBe(DEMO_CUSTOMERS_PER_TENANT);
    expect(counts.orders).toBe(DEMO_ORDERS_PER_TENANT);
    expect(counts.lines).toBeGreaterThanOrEqual(DEMO_ORDERS_PER_TENANT);
    expect(counts.foreign).toBe(0);
    // Customers' statistics count paid orders only.
    expect(counts.counted).toBe(counts.paid);
    expect(counts.paid).toBeGreaterThan(0);
    const totals = await rows(
      t,
      tenant,
      sql`select count(*)::int n from orders o
      where o.total <> (select sum(total) from order_line_items where order_id = o.id)`,
    );
    expect(totals).toEqual([{ n: 0 }]);
  });

  it("interleaves the tenants' order ids, as a shared sequence does in production", async () => {
    const t = get();
    const range = async (tenant: string) =>
      (await rows<{ lo: string; hi: string }>(t, tenant, sql`select min(id) lo, max(id) hi from orders`))[0];
    const [a, b] = [await range('alpha'), await range('beta')];
    expect(Number(a.lo)).toBeLessThan(Number(b.hi));
    expect(Number(b.lo)).toBeLessThan(Number(a.hi));
  });

  it('serves the seeded orders through the API, newest first', async () => {
    const t = get();
    const res = await t.graphql<{
      orders: { totalCount: number; nodes: { name: string; customer: { email: string } }[] };
    }>(
      '{ orders(first: 3, sortKey: CREATED_AT, reverse: true) { totalCount nodes { name customer { email } } } }',
      {},
      await t.admin('beta'),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.orders.totalCount).toBe(DEMO_ORDERS_PER_TENANT);
    expect(res.body.data!.orders.nodes[0].name).toBe(`#${1000 + DEMO_ORDERS_PER_TENANT}`);
    expect(res.body.data!.orders.nodes[0].customer.email).toMatch(/@beta\.example$/);
  });
});
