import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import type { TestGateway } from '../kit/gateway';
import { CART_FIELDS, CHECKOUT, createVariant, rows, SUITE, type CartPayload } from '../domain/orders-fixtures';
import { asShopper, freshEmail, me, newShopper } from './account-fixtures';

jest.setTimeout(90_000);

const EXPORT = `mutation($id: ID!) { customerDataExport(customerId: $id) { json userErrors { field code } } }`;
const ERASE = `mutation($id: ID!) { customerErase(customerId: $id) { customerId userErrors { field code } } }`;
type ExportAnswer = { customerDataExport: { json: string | null; userErrors: { field: string[]; code: string }[] } };
type EraseAnswer = { customerErase: { customerId: string | null; userErrors: { field: string[]; code: string }[] } };

/** A query as the database superuser: row-level security does not hide anything from it. */
async function superuser<T>(t: TestGateway, query: ReturnType<typeof sql<T>>): Promise<T[]> {
  return (await query.execute(t.gateway.runtime.db)).rows;
}

/** A shopper with everything the gateway can hold of one: account, tokens, address, identity, cart, order, mail. */
async function fullShopper(t: TestGateway) {
  const email = freshEmail('private');
  const token = await newShopper(t, 'alpha', email);
  const auth = asShopper(t, 'alpha', token);
  const added = await t.graphql(
    `mutation { customerAddressCreate(address: { firstName: "Ada", address1: "12 Secret Lane", city: "Leeds", country: "GB", phone: "+44 1" }) { customerUserErrors { code } } }`,
    {},
    auth,
  );
  expect(added.body.errors).toBeUndefined();
  await t.graphql(
    `mutation($e: String!) { customerRecover(email: $e) { customerUserErrors { code } } }`,
    { e: email },
    t.storefront('alpha'),
  );
  const variant = await createVariant(t, 'alpha', { price: '7.25', stock: [5] });
  const created = await t.graphql<{ cartCreate: CartPayload }>(
    `mutation($input: CartInput) { cartCreate(input: $input) { cart { ${CART_FIELDS} } userErrors { code } } }`,
    { input: { lines: [{ merchandiseId: variant.variantGid, quantity: 2 }], note: 'ring twice' } },
    auth,
  );
  const cart = created.body.data!.cartCreate.cart!;
  const placed = await t.graphql<{ checkoutComplete: { order: { id: string; name: string } | null } }>(
    CHECKOUT,
    { cartId: cart.id, key: `k-${Math.random()}` },
    auth,
  );
  expect(placed.body.data!.checkoutComplete.order).not.toBeNull();
  // A second, open cart with a delivery address; the order's priced shipping address; a linked identity.
  const open = await t.graphql<{ cartCreate: CartPayload }>(
    `mutation($input: CartInput) { cartCreate(input: $input) { cart { id } userErrors { code } } }`,
    { input: { lines: [{ merchandiseId: variant.variantGid, quantity: 1 }], buyerIdentity: { phone: '+44 2' } } },
    auth,
  );
  expect(open.body.data!.cartCreate.cart).not.toBeNull();
  const [customer] = await superuser<{ id: string }>(
    t,
    sql`select id from customers where tenant_id = 'alpha' and email = ${email}`,
  );
  await rows(
    t,
    'alpha',
    sql`update carts set delivery_address = '{"address1": "12 Secret Lane", "city": "Leeds"}'
      where customer_id = ${customer.id} and status = 'ACTIVE'`,
  );
  await rows(
    t,
    'alpha',
    sql`update order_pricing set shipping_address = '{"address1": "12 Secret Lane"}'
      where order_id in (select id from orders where customer_id = ${customer.id})`,
  );
  await rows(
    t,
    'alpha',
    sql`insert into customer_identities (tenant_id, customer_id, issuer, subject)
      values ('alpha', ${customer.id}, 'https://id.test/', ${`sub-${customer.id}`})`,
  );
  const shopper = (await me(t, auth))!;
  return { email, token, auth, id: shopper.id, localId: customer.id, orderTotal: '14.50' };
}

describeEachDatabase('privacy: data export and erasure of a customer', SUITE, (get) => {
  it('exports the profile, addresses, orders and carts as JSON, and records the request', async () => {
    const t = get();
    const s = await fullShopper(t);
    const res = await t.graphql<ExportAnswer>(
      EXPORT,
      { id: s.id },
      await t.admin('alpha', { scopes: ['read_customers'] }),
    );
    expect(res.body.errors).toBeUndefined();
    expect(res.body.data!.customerDataExport.userErrors).toEqual([]);
    const data = JSON.parse(res.body.data!.customerDataExport.json!);
    expect(data.customers.profile).toMatchObject({ email: s.email, first_name: 'Ada' });
    expect(data.customers.account).toMatchObject({ accepts_marketing: false });
    expect(JSON.stringify(data.customers.account)).not.toMatch(/argon2|hash/);
    expect(data.customers.addresses).toEqual([expect.objectContaining({ address1: '12 Secret Lane', city: 'Leeds' })]);
    expect(data.customers.identities).toEqual([expect.objectContaining({ issuer: 'https://id.test/' })]);
    expect(data.orders.orders).toEqual([
      expect.objectContaining({ email: s.email, total: expect.stringMatching(/^14\.50*$/) }),
    ]);
    expect(data.orders.orders[0].line_items).toEqual([expect.objectContaining({ quantity: 2 })]);
    expect(data.carts.carts.map((c: { note: string | null }) => c.note).sort()).toEqual(['ring twice', null].sort());
    expect(data.carts.orderShippingAddresses).toEqual([
      expect.objectContaining({ shipping_address: { address1: '12 Secret Lane' } }),
    ]);
    const audit = await superuser<{ kind: string; requested_by: string }>(
      t,
      sql`select kind, requested_by from customer_privacy_requests where tenant_id = 'alpha' and customer_id = ${s.localId}`,
    );
    expect(audit).toEqual([{ kind: 'export', requested_by: 'admin:test-admin' }]);
  });

  it('erases every personal field; orders keep their totals; the request is recorded', async () => {
    const t = get();
    const s = await fullShopper(t);
    const res = await t.graphql<EraseAnswer>(
      ERASE,
      { id: s.id },
      await t.admin('alpha', { scopes: ['write_customers'] }),
    );
    expect(res.body.data!.customerErase).toEqual({ customerId: s.id, userErrors: [] });

    const [customer] = await superuser<Record<string, unknown>>(
      t,
      sql`select email, first_name, last_name, phone from customers where id = ${s.localId}`,
    );
    expect(customer).toEqual({
      email: `redacted-${s.localId}@redacted.invalid`,
      first_name: null,
      last_name: null,
      phone: null,
    });
    for (const table of [
      'customer_accounts',
      'customer_access_tokens',
      'customer_reset_tokens',
      'customer_activation_tokens',
      'customer_identities',
      'customer_addresses',
    ]) {
      const left = await superuser<{ n: number }>(
        t,
        sql`select count(*)::int as n from ${sql.table(table)} where customer_id = ${s.localId}`,
      );
      expect([table, left[0].n]).toEqual([table, 0]);
    }
    const mail = await superuser<{ n: number }>(
      t,
      sql`select count(*)::int as n from customer_mail_outbox where recipient = ${s.email}`,
    );
    expect(mail[0].n).toBe(0);
    const orders = await superuser<{ email: string | null; total: string; shipping_address: unknown }>(
      t,
      sql`select o.email, o.total::text as total, p.shipping_address from orders o
            left join order_pricing p on p.order_id = o.id where o.customer_id = ${s.localId}`,
    );
    expect(orders).toEqual([{ email: null, total: expect.stringMatching(/^14\.50*$/), shipping_address: null }]);
    const carts = await superuser<Record<string, unknown>>(
      t,
      sql`select email, phone, note, delivery_address from carts where customer_id = ${s.localId}`,
    );
    expect(carts).toHaveLength(2);
    for (const cart of carts) expect(cart).toEqual({ email: null, phone: null, note: null, delivery_address: null });
    // Nothing anywhere still names the email.
    const named = await superuser<{ n: number }>(
      t,
      sql`select (select count(*) from customers where email = ${s.email})
               + (select count(*) from orders where email = ${s.email})
               + (select count(*) from carts where email = ${s.email})
               + (select count(*) from discount_usages where email = ${s.email}) as n`,
    );
    expect(Number(named[0].n)).toBe(0);
    expect(await me(t, s.auth)).toBeNull();
    const audit = await superuser<{ kind: string }>(
      t,
      sql`select kind from customer_privacy_requests where tenant_id = 'alpha' and customer_id = ${s.localId}`,
    );
    expect(audit).toEqual([{ kind: 'erase' }]);
  });

  it("answers NOT_FOUND for another tenant's customer and needs the scopes", async () => {
    const t = get();
    const s = await fullShopper(t);
    const beta = await t.admin('beta');
    expect((await t.graphql<EraseAnswer>(ERASE, { id: s.id }, beta)).body.data!.customerErase).toEqual({
      customerId: null,
      userErrors: [{ field: ['customerId'], code: 'NOT_FOUND' }],
    });
    expect((await t.graphql<ExportAnswer>(EXPORT, { id: s.id }, beta)).body.data!.customerDataExport).toEqual({
      json: null,
      userErrors: [{ field: ['customerId'], code: 'NOT_FOUND' }],
    });
    const readOnly = await t.admin('alpha', { scopes: ['read_customers'] });
    for (const [query, auth] of [
      [ERASE, readOnly],
      [ERASE, s.auth],
      [EXPORT, s.auth],
      [EXPORT, await t.admin('alpha', { scopes: ['read_orders'] })],
    ] as const) {
      const res = await t.graphql(query, { id: s.id }, auth);
      expect(res.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    expect((await me(t, s.auth))!.email).toBe(s.email);
    const audit = await superuser<{ n: number }>(
      t,
      sql`select count(*)::int as n from customer_privacy_requests where customer_id = ${s.localId}`,
    );
    expect(audit[0].n).toBe(0);
  });
});
