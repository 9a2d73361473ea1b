import type { Auth, TestGateway } from '../kit/gateway';

export const SIGN_UP = `mutation($input: CustomerInput!) {
  customerCreate(input: $input) { customer { id } customerUserErrors { field code message } userErrors { code } }
}`;
export const SIGN_IN = `mutation($input: CustomerAccessTokenCreateInput!) {
  customerAccessTokenCreate(input: $input) {
    customerAccessToken { accessToken expiresAt }
    customerUserErrors { field code message }
  }
}`;
export const RENEW = `mutation($t: String!) {
  customerAccessTokenRenew(customerAccessToken: $t) { customerAccessToken { accessToken expiresAt } userErrors { code } }
}`;
export const SIGN_OUT = `mutation($t: String!) {
  customerAccessTokenDelete(customerAccessToken: $t) { deletedAccessToken userErrors { code } }
}`;
export const ME = `query {
  customer {
    id email firstName lastName
    orders { nodes { id name totalPrice { amount } } }
    addresses { nodes { id name city countryCode } }
    defaultAddress { id city }
  }
}`;

export interface Me {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  orders: { nodes: { id: string; name: string; totalPrice: { amount: string } }[] } | null;
  addresses: { nodes: { id: string; name: string | null; city: string | null; countryCode: string | null }[] };
  defaultAddress: { id: string; city: string | null } | null;
}

let sequence = 0;
/** A fresh email per call, so tests in one database never meet. */
export const freshEmail = (label = 'shopper') => `${label}.${process.pid}.${++sequence}@example.test`;
export const PASSWORD = 'correct horse battery staple';

/** The storefront credentials of `tenant` with a shopper's access token. */
export const asShopper = (t: TestGateway, tenant: string, token: string): Auth => ({
  ...t.storefront(tenant),
  'X-Customer-Access-Token': token,
});

export async function signUp(t: TestGateway, tenant: string, email: string, password = PASSWORD) {
  const res = await t.graphql<{ customerCreate: { customerUserErrors: { code: string }[] } }>(
    SIGN_UP,
    { input: { email, password, firstName: 'Ada', lastName: 'Lovelace' } },
    t.storefront(tenant),
  );
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.customerCreate;
}

export async function signIn(t: TestGateway, tenant: string, email: string, password = PASSWORD) {
  const res = await t.graphql<{
    customerAccessTokenCreate: {
      customerAccessToken: { accessToken: string; expiresAt: string } | null;
      customerUserErrors: { field: string[]; code: string; message: string }[];
    };
  }>(SIGN_IN, { input: { email, password } }, t.storefront(tenant));
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.customerAccessTokenCreate;
}

/** Signs up and in; the access token. */
export async function newShopper(t: TestGateway, tenant: string, email = freshEmail()): Promise<string> {
  await signUp(t, tenant, email);
  const signed = await signIn(t, tenant, email);
  if (!signed.customerAccessToken) throw new Error(`sign-in failed: ${JSON.stringify(signed)}`);
  return signed.customerAccessToken.accessToken;
}

export async function me(t: TestGateway, auth: Auth): Promise<Me | null> {
  const res = await t.graphql<{ customer: Me | null }>(ME, {}, auth);
  expect(res.body.errors).toBeUndefined();
  return res.body.data!.customer;
}
