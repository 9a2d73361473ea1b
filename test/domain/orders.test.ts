import { sql } from 'kysely';
import { encodeGlobalId, localIdOf } from '../../src/sdk';
import { describeEachDatabase, readFraming, stampTenant } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { createVariant, SUITE, type VariantFixture } from './orders-fixtures';

const LIST = `query($first: Int, $after: String, $last: Int, $before: String, $sortKey: OrderSortKeys, $reverse: Boolean, $filter: OrderFilter) {
  orders(first: $first, after: $after, last: $last, before: $before, sortKey: $sortKey, reverse: $reverse, filter: $filter) {
    nodes { id name }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    totalCount
  }
}`;
type ListData = {
  orders: {
    nodes: { id: string; name: string }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string; endCursor: string };
    totalCount: number;
  };
};

interface Seeded {
  number: number;
  id: string;
  status: string;
  financial: string;
  fulfillment: string;
  total: string;
  createdAt: string;
  customer: string;
}

const ORDERS = 60;

/** 60 orders for alpha (2 lines each, two customers) and a few for beta, written directly. */
async function seedOrders(
  t: TestGateway,
  variants: VariantFixture[],
): Promise<{ orders: Seeded[]; customers: string[] }> {
  const customers = await t.gateway.runtime.withTenant('alpha', async (db) => {
    const { rows: made } = await sql<{ id: string }>`insert into customers (tenant_id, email, first_name)
      values ('alpha', 'one@example.com', 'One'), ('alpha', 'two@example.com', 'Two') returning id`.execute(db);
    return made.map((r) => r.id);
  });
  const orders: Seeded[] = [];
  for (let i = 1; i <= ORDERS; i++) {
    const cancelled = i % 10 === 0;
    const o = {
      number: 5000 + i,
      status: cancelled ? 'CANCELLED' : 'OPEN',
      financial: cancelled ? 'VOIDED' : i % 3 === 0 ? 'PAID' : 'PENDING',
      fulfillment: !cancelled && i % 4 === 0 ? 'FULFILLED' : 'UNFULFILLED',
      total: `${(i * 7) % 50}.00`,
      createdAt: new Date(Date.UTC(2025, 1, 1, i)).toISOString(),
      customer: customers[i % 2],
    };
    const id = await t.gateway.runtime.withTenant('alpha', async (db) => {
      const { rows: made } = await sql<{ id: string }>`insert into orders
        (tenant_id, number, customer_id, email, status, financial_status, fulfillment_status, currency_code, subtotal, total, created_at, updated_at)
        values ('alpha', ${o.number}, ${o.customer}, 'x@example.com', ${o.status}, ${o.financial}, ${o.fulfillment}, 'USD',
                ${o.total}, ${o.total}, ${o.createdAt}, ${o.createdAt}) returning id`.execute(db);
      for (const v of [variants[i % 3], variants[(i + 1) % 3]]) {
        await sql`insert into order_line_items (tenant_id, order_id, product_id, variant_id, title, quantity, unit_price, total)
          values ('alpha', ${made[0].id}, ${v.productId}, ${v.variantId}, 'Line', 1, 1, 1)`.execute(db);
      }
      return made[0].id;
    });
    orders.push({ ...o, id: encodeGlobalId('Order', id) });
  }
  await t.gateway.runtime.withTenant('beta', (db) =>
    sql`insert into orders (tenant_id, number, currency_code, subtotal, total) values ('beta', 1, 'EUR', 1, 1)`.execute(
      db,
    ),
  );
  return { orders, customers };
}

describeEachDatabase('orders', SUITE, (get, kind) => {
  let seeded: Seeded[];
  let customers: string[];
  let admin: Record<string, string>;
  const list = (variables: Record<string, unknown>) => get().graphql<ListData>(LIST, variables, admin);
  const ids = (res: { body: { data?: ListData | null } }) => res.body.data!.orders.nodes.map((n) => n.id);

  /** Walks every page of a sort, forwards, returning ids in order. */
  async function walk(variables: Record<string, unknown>, size: number): Promise<string[]> {
    const out: string[] = [];
    let after: string | undefined;
    for (;;) {
      const res = await list({ ...variables, first: size, after });
      expect(res.body.errors).toBeUndefined();
      out.push(...ids(res));
      if (!res.body.data!.orders.pageInfo.hasNextPage) return out;
      after = res.body.data!.orders.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    const t = get();
    const variants = [];
    for (let i = 0; i < 3; i++) variants.push(await createVariant(t, 'alpha', { price: '1.00', stock: [100] }));
    ({ orders: seeded, customers } = await seedOrders(t, variants));
    admin = await t.admin('alpha', { scopes: ['read_orders', 'write_orders', 'read_customers', 'read_products'] });
  });

  const sortedBy = (key: (o: Seeded) => string | number, reverse = false) => {
    const out = [...seeded].sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      return ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
    });
    return (reverse ? out.reverse() : out).map((o) => o.id);
  };

  it('pages forwards and backwards with a total count', async () => {
    const forward = await walk({}, 25);
    expect(forward).toEqual(seeded.map((o) => o.id));
    const last = await list({ last: 25 });
    expect(ids(last)).toEqual(forward.slice(35));
    expect(last.body.data!.orders.pageInfo).toMatchObject({ hasPreviousPage: true, hasNextPage: false });
    const before = await list({ last: 25, before: last.body.data!.orders.pageInfo.startCursor });
    expect(ids(before)).toEqual(forward.slice(10, 35));
    expect(before.body.data!.orders.totalCount).toBe(ORDERS);
  });

  it('sorts by every key, in both directions, ties broken by id', async () => {
    expect(await walk({ sortKey: 'TOTAL_PRICE' }, 7)).toEqual(sortedBy((o) => Number(o.total)));
    expect(await walk({ sortKey: 'TOTAL_PRICE', reverse: true }, 7)).toEqual(sortedBy((o) => Number(o.total), true));
    expect(await walk({ sortKey: 'CREATED_AT', reverse: true }, 13)).toEqual(sortedBy((o) => o.createdAt, true));
    expect(await walk({ sortKey: 'UPDATED_AT' }, 30)).toEqual(sortedBy((o) => o.createdAt));
    expect(await walk({ sortKey: 'ID', reverse: true }, 50)).toEqual(sortedBy((o) => o.number, true));
    const back = await list({ sortKey: 'TOTAL_PRICE', last: 5 });
    expect(ids(back)).toEqual(sortedBy((o) => Number(o.total)).slice(-5));
  });

  it('filters by status, financial and fulfillment status, dates and customer', async () => {
    const count = async (filter: Record<string, unknown>) =>
      (await list({ first: 1, filter })).body.data!.orders.totalCount;
    const expectIds = async (filter: Record<string, unknown>, pick: (o: Seeded) => boolean) =>
      expect(await walk({ filter }, 250)).toEqual(seeded.filter(pick).map((o) => o.id));
    await expectIds({ status: 'CANCELLED' }, (o) => o.status === 'CANCELLED');
    await expectIds({ financialStatus: 'PAID' }, (o) => o.financial === 'PAID');
    await expectIds({ fulfillmentStatus: 'FULFILLED', status: 'OPEN' }, (o) => o.fulfillment === 'FULFILLED');
    const min = seeded[9].createdAt;
    const max = seeded[19].createdAt;
    await expectIds({ createdAtMin: min, createdAtMax: max }, (o) => o.createdAt >= min && o.createdAt <= max);
    await expectIds({ customerId: encodeGlobalId('Customer', customers[1]) }, (o) => o.customer === customers[1]);
    // The same statement shapes again with other values: each list reads its own.
    await expectIds({ customerId: encodeGlobalId('Customer', customers[0]) }, (o) => o.customer === customers[0]);
    await expectIds({ status: 'OPEN' }, (o) => o.status === 'OPEN');
    expect(ids(await list({ filter: { customerId: encodeGlobalId('Customer', '999999') } }))).toEqual([]);
    expect(await count({ status: 'CANCELLED' })).toBe(6);
    expect(await count({ customerId: encodeGlobalId('Customer', '999999') })).toBe(0);
    expect(await count({ customerId: 'not-an-id' })).toBe(0);
  });

  it('keeps cursors stable when rows are inserted between pages', async () => {
    const t = get();
    const first = await list({ first: 10, sortKey: 'CREATED_AT' });
    const early = new Date(Date.UTC(2024, 0, 1)).toISOString();
    await t.gateway.runtime.withTenant('alpha', (db) =>
      sql`insert into orders (tenant_id, number, currency_code, subtotal, total, created_at)
          values ('alpha', 9999, 'USD', 1, 1, ${early})`.execute(db),
    );
    const next = await list({ first: 10, sortKey: 'CREATED_AT', after: first.body.data!.orders.pageInfo.endCursor });
    expect(ids(next)).toEqual(sortedBy((o) => o.createdAt).slice(10, 20));
    await t.gateway.runtime.withTenant('alpha', (db) => sql`delete from orders where number = 9999`.execute(db));
  });

  it('keeps its cursors: the sort key, the sort column as Postgres writes it as text, the id', async () => {
    const t = get();
    const columns = { ID: 'id', CREATED_AT: 'created_at', UPDATED_AT: 'updated_at', TOTAL_PRICE: 'total' };
    for (const [sortKey, column] of Object.entries(columns)) {
      const res = await list({ first: 3, sortKey, reverse: sortKey === 'TOTAL_PRICE' });
      const id = localIdOf(ids(res)[2], 'Order');
      const { rows } = await t.gateway.runtime.withTenant('alpha', (db) =>
        sql<{ value: string }>`select ${sql.ref(column)}::text as value from orders where id = ${id}`.execute(db),
      );
      const cursor = res.body.data!.orders.pageInfo.endCursor;
      expect(JSON.parse(Buffer.from(cursor, 'base64url').toString())).toEqual([sortKey, rows[0].value, id]);
    }
  });

  it('rejects bad cursors, cursors of another sort and oversized pages with BAD_USER_INPUT', async () => {
    const byTotal = await list({ first: 2, sortKey: 'TOTAL_PRICE' });
    const otherSort = { first: 2, sortKey: 'CREATED_AT', after: byTotal.body.data!.orders.pageInfo.endCursor };
    for (const variables of [{ after: 'garbage' }, { first: 251 }, { first: 5, last: 5 }, otherSort]) {
      const res = await list(variables);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });

  it('rejects a cursor whose sort value is not of its column’s type with BAD_USER_INPUT, never sending it', async () => {
    const forged = (sortKey: string, value: string) => ({
      sortKey,
      after: Buffer.from(JSON.stringify([sortKey, value, '1'])).toString('base64url'),
    });
    const cursors = [
      forged('ID', 'x'),
      forged('CREATED_AT', 'yesterday'),
      forged('UPDATED_AT', '2025-02-30 10:00:00+00'),
      forged('TOTAL_PRICE', '1e999'),
    ];
    for (const variables of cursors) {
      const res = await list(variables);
      expect({ variables, codes: res.body.errors?.map((e) => e.extensions?.code) }).toEqual({
        variables,
        codes: ['BAD_USER_INPUT'],
      });
    }
  });

  it('runs the same number of SQL statements for 2 orders as for 50, with lines, variants, products and customers', async () => {
    const t = get();
    const query = `query($first: Int) { orders(first: $first) { nodes {
      name totalPrice { amount }
      customer { email }
      lineItems(first: 5) { nodes { title variant { id price { amount } product { title } } product { handle } } }
    } } }`;
    await stampTenant(t, 'alpha');
    const counts: number[] = [];
    for (const first of [2, 50]) {
      const res = await t.graphql<{
        orders: { nodes: { customer: unknown; lineItems: { nodes: { variant: unknown }[] } }[] };
      }>(query, { first }, admin);
      expect(res.body.errors).toBeUndefined();
      const nodes = res.body.data!.orders.nodes;
      expect(nodes).toHaveLength(first);
      expect(
        nodes.every(
          (n) => n.customer !== null && n.lineItems.nodes.length === 2 && n.lineItems.nodes.every((l) => l.variant),
        ),
      ).toBe(true);
      counts.push(Number(res.headers.get('x-sql-statements')));
    }
    expect(counts[0]).toBe(counts[1]);
    // The framing (begin, settings and commit on PGlite), then orders + line items + customers + variants +
    // products, whatever the page size.
    expect(counts[1]).toBeLessThanOrEqual(readFraming(kind) + 5);
  });

  it("shows a customer's orders to staff holding both scopes", async () => {
    const t = get();
    const query = `query($id: ID!) { customer(id: $id) { email orders(first: 3) { nodes { id } pageInfo { hasNextPage } } } }`;
    const id = encodeGlobalId('Customer', customers[0]);
    const res = await t.graphql<{
      customer: { orders: { nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } } };
    }>(query, { id }, admin);
    expect(res.body.errors).toBeUndefined();
    const mine = seeded
      .filter((o) => o.customer === customers[0])
      .map((o) => o.id)
      .reverse();
    expect(res.body.data!.customer.orders.nodes.map((n) => n.id)).toEqual(mine.slice(0, 3));
    expect(res.body.data!.customer.orders.pageInfo.hasNextPage).toBe(true);
    const noOrders = await t.graphql(query, { id }, await t.admin('alpha', { scopes: ['read_customers'] }));
    expect(noOrders.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const noCustomers = await t.graphql<{ order: { customer: unknown } }>(
      'query($id: ID!) { order(id: $id) { customer { email } } }',
      { id: seeded[0].id },
      await t.admin('alpha', { scopes: ['read_orders'] }),
    );
    expect(noCustomers.body.data!.order.customer).toBeNull();
  });

  it('keeps orders from storefront tokens and other tenants', async () => {
    const t = get();
    const asStorefront = await t.graphql(LIST, { first: 1 }, t.storefront('alpha'));
    expect(asStorefront.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const beta = await t.admin('beta', { scopes: ['read_orders'] });
    const id = seeded[0].id;
    const peek = await t.graphql('query($id: ID!) { order(id: $id) { id } node(id: $id) { id } }', { id }, beta);
    expect(peek.body.data).toEqual({ order: null, node: null });
    const betaList = await t.graphql<ListData>(LIST, { first: 10 }, beta);
    expect(betaList.body.data!.orders.totalCount).toBe(1);
    const node = await t.graphql('query($id: ID!) { node(id: $id) { id } }', { id }, t.storefront('alpha'));
    expect(node.body.data).toEqual({ node: null });
  });
});
