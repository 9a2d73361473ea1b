import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { createVariant, SUITE, type VariantFixture } from './orders-fixtures';

/** The bench's admin orders page (bench/scenarios.ts ORDERS_PAGE), with extra product fields to add. */
const ordersPage = (productFields = '') => `query OrdersPage {
  orders(first: 10) {
    nodes {
      id name createdAt financialStatus fulfillmentStatus totalPrice { amount currencyCode }
      customer { id email firstName lastName }
      lineItems(first: 5) {
        nodes {
          id title quantity originalUnitPrice { amount currencyCode }
          variant { id title sku }
          product { id handle title ${productFields} }
        }
      }
    }
  }
}`;

type Page = {
  orders: {
    nodes: {
      name: string;
      totalPrice: { amount: string; currencyCode: string };
      customer: { email: string } | null;
      lineItems: { nodes: { variant: { sku: string } | null; product: { title: string; description?: string } }[] };
    }[];
  };
};

/** The SQL of every statement the test database runs while `fn` runs. */
async function statementsOf(t: TestGateway, fn: () => Promise<unknown>): Promise<string[]> {
  const seen: string[] = [];
  const stop = t.database.observe((event) => seen.push(event.query.sql));
  try {
    await fn();
  } finally {
    stop();
  }
  return seen;
}

const from = (statements: string[], table: string) => {
  const found = statements.filter((s) => new RegExp(`from "${table}"`).test(s));
  expect(found).toHaveLength(1);
  return found[0];
};

describeEachDatabase('columns selected per operation', SUITE, (get) => {
  let admin: Record<string, string>;
  let variant: VariantFixture;

  beforeAll(async () => {
    const t = get();
    variant = await createVariant(t, 'alpha', { price: '4.00', stock: [10], title: 'Lantern' });
    await t.gateway.runtime.withTenant('alpha', async (db) => {
      await sql`update products set description = 'A bright lantern' where id = ${variant.productId}`.execute(db);
      const { rows } = await sql<{ id: string }>`insert into customers (tenant_id, email, first_name)
        values ('alpha', 'buyer@example.com', 'Buyer') returning id`.execute(db);
      const order = await sql<{ id: string }>`insert into orders
        (tenant_id, number, customer_id, currency_code, subtotal, total)
        values ('alpha', 7001, ${rows[0].id}, 'USD', 8, 8) returning id`.execute(db);
      await sql`insert into order_line_items (tenant_id, order_id, product_id, variant_id, title, quantity, unit_price, total)
        values ('alpha', ${order.rows[0].id}, ${variant.productId}, ${variant.variantId}, 'Lantern', 2, 4, 8)`.execute(
        db,
      );
    });
    admin = await t.admin('alpha', { scopes: ['read_orders', 'read_customers', 'read_products'] });
  });

  it('selects only the columns the orders page reads, and answers it in full', async () => {
    const t = get();
    let data: Page | null | undefined;
    const statements = await statementsOf(t, async () => {
      const res = await t.graphql<Page>(ordersPage(), {}, admin);
      expect(res.body.errors).toBeUndefined();
      data = res.body.data;
    });
    const [order] = data!.orders.nodes;
    expect(order).toMatchObject({ name: '#7001', totalPrice: { amount: '8.00', currencyCode: 'USD' } });
    expect(order.customer).toEqual(expect.objectContaining({ email: 'buyer@example.com' }));
    expect(order.lineItems.nodes[0].product.title).toBe('Lantern');
    expect(order.lineItems.nodes[0].variant?.sku).toMatch(/^SKU-/);

    const products = from(statements, 'products');
    expect(products).toContain('"handle"');
    expect(products).not.toMatch(/"description"|"tags"|"created_at"|\*/);
    const orders = from(statements, 'orders');
    expect(orders).toMatch(/"number".*"total"|"total".*"number"/);
    expect(orders).not.toMatch(/"subtotal"|"email"|"cancel_reason"|\*/);
    expect(from(statements, 'customers')).not.toMatch(/"amount_spent"|\*/);
    expect(from(statements, 'product_variants')).not.toMatch(/"option_values"|"price"|\*/);
  });

  it('selects a column once a field that reads it is selected', async () => {
    const t = get();
    let data: Page | null | undefined;
    const statements = await statementsOf(t, async () => {
      data = (await t.graphql<Page>(ordersPage('description'), {}, admin)).body.data;
    });
    expect(data!.orders.nodes[0].lineItems.nodes[0].product.description).toBe('A bright lantern');
    expect(from(statements, 'products')).toContain('"description"');
  });

  it('reads fields selected through node and an inline fragment', async () => {
    const t = get();
    let body: { data?: { node: { id: string; title: string } | null } | null } = {};
    const statements = await statementsOf(t, async () => {
      ({ body } = await t.graphql<{ node: { id: string; title: string } | null }>(
        `query($id: ID!) { node(id: $id) { id ... on Product { title } } }`,
        { id: variant.productGid },
        admin,
      ));
    });
    expect(body.data!.node).toEqual({ id: variant.productGid, title: 'Lantern' });
    const products = from(statements, 'products');
    expect(products).toContain('"title"');
    expect(products).not.toMatch(/"description"|\*/);
  });
});
