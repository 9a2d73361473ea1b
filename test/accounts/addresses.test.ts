import { describeEachDatabase } from '../kit/each-database';
import { SUITE } from '../domain/orders-fixtures';
import { asShopper, me, newShopper } from './account-fixtures';

jest.setTimeout(60_000);

const ERRORS = 'customerUserErrors { field code message }';
const CREATE = `mutation($a: MailingAddressInput!, $t: String) {
  customerAddressCreate(address: $a, customerAccessToken: $t) { customerAddress { id name city countryCode } ${ERRORS} }
}`;
const UPDATE = `mutation($id: ID!, $a: MailingAddressInput!) {
  customerAddressUpdate(id: $id, address: $a) { customerAddress { id city } ${ERRORS} }
}`;
const DELETE = `mutation($id: ID!) { customerAddressDelete(id: $id) { deletedCustomerAddressId ${ERRORS} } }`;
const DEFAULT = `mutation($id: ID!) {
  customerDefaultAddressUpdate(addressId: $id) { customer { defaultAddress { id } } ${ERRORS} }
}`;

type Errors = { field: string[]; code: string; message: string }[];
type Payload = Record<string, unknown> & { customerUserErrors: Errors };

describeEachDatabase('shopper address book', SUITE, (get) => {
  const call = async (query: string, variables: Record<string, unknown>, auth: Record<string, string>) => {
    const res = await get().graphql<Record<string, Payload>>(query, variables, auth);
    expect(res.body.errors).toBeUndefined();
    return Object.values(res.body.data!)[0];
  };

  it('adds, changes, picks the default and removes addresses', async () => {
    const t = get();
    const auth = asShopper(t, 'alpha', await newShopper(t, 'alpha'));
    const first = await call(CREATE, { a: { firstName: 'Ada', lastName: 'L', city: 'London', country: 'gb' } }, auth);
    expect(first).toMatchObject({ customerAddress: { name: 'Ada L', city: 'London', countryCode: 'GB' } });
    const firstId = (first.customerAddress as { id: string }).id;
    const second = await call(CREATE, { a: { city: 'Paris', country: 'FR' } }, auth);
    const secondId = (second.customerAddress as { id: string }).id;
    let book = (await me(t, auth))!;
    expect(book.addresses.nodes.map((a) => a.city)).toEqual(['London', 'Paris']);
    expect(book.defaultAddress!.id).toBe(firstId); // the first address is the default

    expect(await call(UPDATE, { id: secondId, a: { city: 'Lyon' } }, auth)).toMatchObject({
      customerAddress: { id: secondId, city: 'Lyon' },
      customerUserErrors: [],
    });
    expect(await call(DEFAULT, { id: secondId }, auth)).toMatchObject({
      customer: { defaultAddress: { id: secondId } },
    });
    expect(await call(DELETE, { id: secondId }, auth)).toMatchObject({ deletedCustomerAddressId: secondId });
    book = (await me(t, auth))!;
    expect(book.addresses.nodes.map((a) => a.id)).toEqual([firstId]);
    expect(book.defaultAddress!.id).toBe(firstId); // the default moved to the one that is left
  });

  it('checks input and needs a signed-in shopper', async () => {
    const t = get();
    const auth = asShopper(t, 'alpha', await newShopper(t, 'alpha'));
    const bad = await call(CREATE, { a: { country: 'Germany', city: 'x'.repeat(300) } }, auth);
    expect(bad.customerUserErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['address.city', 'TOO_LONG'],
      ['address.country', 'INVALID'],
    ]);
    const anonymous = await call(CREATE, { a: { city: 'Oslo' } }, t.storefront('alpha'));
    expect(anonymous).toMatchObject({ customerAddress: null, customerUserErrors: [{ code: 'TOKEN_INVALID' }] });
    // The token may also come as the argument, as in the Storefront API.
    const token = auth['X-Customer-Access-Token'];
    const byArgument = await call(CREATE, { a: { city: 'Oslo' }, t: token }, t.storefront('alpha'));
    expect(byArgument).toMatchObject({ customerAddress: { city: 'Oslo' }, customerUserErrors: [] });
  });

  it("keeps customer A's addresses out of customer B's reach", async () => {
    const t = get();
    const a = asShopper(t, 'alpha', await newShopper(t, 'alpha'));
    const b = asShopper(t, 'alpha', await newShopper(t, 'alpha'));
    const created = await call(CREATE, { a: { city: 'Rome' } }, a);
    const id = (created.customerAddress as { id: string }).id;
    for (const [query, variables] of [
      [UPDATE, { id, a: { city: 'Stolen' } }],
      [DELETE, { id }],
      [DEFAULT, { id }],
    ] as const) {
      const result = await call(query, variables, b);
      expect(result.customerUserErrors[0].code).toBe('NOT_FOUND');
    }
    expect((await me(t, b))!.addresses.nodes).toEqual([]);
    expect((await me(t, a))!.addresses.nodes.map((x) => [x.id, x.city])).toEqual([[id, 'Rome']]);
  });
});
