import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import { CART_FIELDS, CHECKOUT, createVariant, rows, SUITE, type CartPayload } from '../domain/orders-fixtures';
import { asShopper, freshEmail, me, newShopper, PASSWORD, RENEW, SIGN_OUT, signIn, signUp } from './account-fixtures';

jest.setTimeout(60_000);

describeEachDatabase('shopper accounts: sign-up, sign-in, the signed-in customer', SUITE, (get) => {
  it('signs up, signs in and answers the signed-in shopper only', async () => {
    const t = get();
    const email = freshEmail();
    const created = await signUp(t, 'alpha', email);
    expect(created.customerUserErrors).toEqual([]);
    const signed = await signIn(t, 'alpha', email.toUpperCase());
    expect(signed.customerUserErrors).toEqual([]);
    const token = signed.customerAccessToken!.accessToken;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Date(signed.customerAccessToken!.expiresAt).getTime()).toBeGreaterThan(Date.now());

    const shopper = await me(t, asShopper(t, 'alpha', token));
    expect(shopper).toMatchObject({ email, firstName: 'Ada', lastName: 'Lovelace', addresses: { nodes: [] } });
    expect(shopper!.orders).toEqual({ nodes: [] });
    // No token, or a token with another tenant's storefront: nobody.
    expect(await me(t, t.storefront('alpha'))).toBeNull();
    expect(await me(t, asShopper(t, 'beta', token))).toBeNull();
  });

  it('stores only hashes: neither the password nor the token is in the database', async () => {
    const t = get();
    const email = freshEmail();
    const token = await newShopper(t, 'alpha', email);
    const [account] = await rows<{ password_hash: string; token_hash: string }>(
      t,
      'alpha',
      sql`select a.password_hash, k.token_hash from customer_accounts a
            join customers c on c.id = a.customer_id
            join customer_access_tokens k on k.customer_id = c.id where c.email = ${email}`,
    );
    expect(account.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(account.password_hash).not.toContain(PASSWORD);
    expect(account.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(account.token_hash).not.toBe(token);
  });

  it('refuses weak passwords and answers unknown emails and wrong passwords alike', async () => {
    const t = get();
    expect((await signUp(t, 'alpha', freshEmail(), 'short')).customerUserErrors[0].code).toBe('TOO_SHORT');
    expect((await signUp(t, 'alpha', freshEmail(), 'Password123')).customerUserErrors[0].code).toBe(
      'PASSWORD_TOO_COMMON',
    );
    const email = freshEmail();
    await signUp(t, 'alpha', email);
    const wrong = await signIn(t, 'alpha', email, 'not the password');
    const unknown = await signIn(t, 'alpha', freshEmail('nobody'), PASSWORD);
    expect(wrong.customerAccessToken).toBeNull();
    expect(wrong).toEqual(unknown);
    expect(wrong.customerUserErrors).toEqual([
      { field: ['input'], code: 'UNIDENTIFIED_CUSTOMER', message: 'Unidentified customer' },
    ]);
  });

  it('does not hand an existing customer to whoever signs up with their email', async () => {
    const t = get();
    const email = freshEmail('guest');
    // A customer the shop knows from a guest checkout, without an account.
    await rows(t, 'alpha', sql`insert into customers (tenant_id, email) values ('alpha', ${email})`);
    const first = await signUp(t, 'alpha', email, 'attacker password 1');
    expect(first.customerUserErrors).toEqual([]);
    expect((await signIn(t, 'alpha', email, 'attacker password 1')).customerAccessToken).toBeNull();
    // Signing up twice answers the same and leaves the first password in place.
    const owner = freshEmail();
    await signUp(t, 'alpha', owner);
    expect((await signUp(t, 'alpha', owner, 'another password 2')).customerUserErrors).toEqual([]);
    expect((await signIn(t, 'alpha', owner, 'another password 2')).customerAccessToken).toBeNull();
    expect((await signIn(t, 'alpha', owner)).customerAccessToken).not.toBeNull();
  });

  it('renews by rotation and signs out: old tokens stop working', async () => {
    const t = get();
    const token = await newShopper(t, 'alpha');
    const renewed = await t.graphql<{
      customerAccessTokenRenew: { customerAccessToken: { accessToken: string } | null; userErrors: unknown[] };
    }>(RENEW, { t: token }, t.storefront('alpha'));
    const fresh = renewed.body.data!.customerAccessTokenRenew.customerAccessToken!.accessToken;
    expect(fresh).not.toBe(token);
    expect(await me(t, asShopper(t, 'alpha', token))).toBeNull();
    expect(await me(t, asShopper(t, 'alpha', fresh))).not.toBeNull();
    // The old token cannot be renewed again, nor can another tenant's storefront sign it out.
    const again = await t.graphql<{ customerAccessTokenRenew: { userErrors: { code: string }[] } }>(
      RENEW,
      { t: token },
      t.storefront('alpha'),
    );
    expect(again.body.data!.customerAccessTokenRenew.userErrors[0].code).toBe('TOKEN_INVALID');
    const foreign = await t.graphql<{ customerAccessTokenDelete: { deletedAccessToken: string | null } }>(
      SIGN_OUT,
      { t: fresh },
      t.storefront('beta'),
    );
    expect(foreign.body.data!.customerAccessTokenDelete.deletedAccessToken).toBeNull();
    expect(await me(t, asShopper(t, 'alpha', fresh))).not.toBeNull();
    await t.graphql(SIGN_OUT, { t: fresh }, t.storefront('alpha'));
    expect(await me(t, asShopper(t, 'alpha', fresh))).toBeNull();
  });

  it('refuses an expired token', async () => {
    const t = get();
    const token = await newShopper(t, 'alpha');
    await rows(t, 'alpha', sql`update customer_access_tokens set expires_at = now() - interval '1 second'`);
    expect(await me(t, asShopper(t, 'alpha', token))).toBeNull();
  });

  it('gives a signed-in shopper their carts and orders, and no one else', async () => {
    const t = get();
    const email = freshEmail('buyer');
    const token = await newShopper(t, 'alpha', email);
    const auth = asShopper(t, 'alpha', token);
    const variant = await createVariant(t, 'alpha', { price: '12.50', stock: [5] });
    const created = await t.graphql<{ cartCreate: CartPayload }>(
      `mutation($input: CartInput) { cartCreate(input: $input) { cart { ${CART_FIELDS} } userErrors { code } } }`,
      { input: { lines: [{ merchandiseId: variant.variantGid, quantity: 2 }] } },
      auth,
    );
    const cart = created.body.data!.cartCreate.cart!;
    expect(cart.buyerIdentity.email).toBe(email);

    // The cart id alone opens it for nobody else: not a guest, not another shopper.
    const other = asShopper(t, 'alpha', await newShopper(t, 'alpha'));
    const GET = `query($id: ID!) { cart(id: $id) { id } }`;
    for (const who of [t.storefront('alpha'), other]) {
      expect((await t.graphql<{ cart: unknown }>(GET, { id: cart.id }, who)).body.data!.cart).toBeNull();
      const add = await t.graphql<{ cartLinesAdd: CartPayload }>(
        `mutation($c: ID!, $l: [CartLineInput!]!) { cartLinesAdd(cartId: $c, lines: $l) { cart { id } userErrors { code } } }`,
        { c: cart.id, l: [{ merchandiseId: variant.variantGid, quantity: 1 }] },
        who,
      );
      expect(add.body.data!.cartLinesAdd.userErrors[0].code).toBe('NOT_FOUND');
      const checkout = await t.graphql<{ checkoutComplete: { order: unknown; userErrors: { code: string }[] } }>(
        CHECKOUT,
        { cartId: cart.id, key: `stolen-${Math.random()}` },
        who,
      );
      expect(checkout.body.data!.checkoutComplete.order).toBeNull();
    }
    expect((await t.graphql<{ cart: { id: string } }>(GET, { id: cart.id }, auth)).body.data!.cart.id).toBe(cart.id);

    const placed = await t.graphql<{ checkoutComplete: { order: { name: string } | null; userErrors: unknown[] } }>(
      CHECKOUT,
      { cartId: cart.id, key: `mine-${Math.random()}` },
      auth,
    );
    expect(placed.body.data!.checkoutComplete.userErrors).toEqual([]);
    const shopper = await me(t, auth);
    expect(shopper!.orders!.nodes.map((o) => [o.name, o.totalPrice.amount])).toEqual([
      [placed.body.data!.checkoutComplete.order!.name, '25.00'],
    ]);
    expect((await me(t, other))!.orders!.nodes).toEqual([]);
  });

  it('never lets a storefront read a customer by id', async () => {
    const t = get();
    const token = await newShopper(t, 'alpha');
    const mine = (await me(t, asShopper(t, 'alpha', token)))!;
    const other = (await me(t, asShopper(t, 'alpha', await newShopper(t, 'alpha'))))!;
    const BY_ID = `query($id: ID!) { customer(id: $id) { id } node(id: $id) { id } }`;
    const res = await t.graphql<{ customer: { id: string } | null; node: unknown }>(
      BY_ID,
      { id: other.id },
      asShopper(t, 'alpha', token),
    );
    expect(res.body.data).toEqual({ customer: null, node: null });
    const own = await t.graphql<{ customer: { id: string } | null }>(
      `query($id: ID!) { customer(id: $id) { id } }`,
      { id: mine.id },
      asShopper(t, 'alpha', token),
    );
    expect(own.body.data!.customer!.id).toBe(mine.id);
  });
});
