import type { Auth, TestGateway } from '../kit/gateway';

const SIGN_UP = `mutation($input: CustomerInput!) { customerCreate(input: $input) { customerUserErrors { code } } }`;
const SIGN_IN = `mutation($input: CustomerAccessTokenCreateInput!) {
  customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } }
}`;

/**
 * A signed-in shopper of `tenant` (storefront token and customer access token), when the graph has
 * shopper accounts; none otherwise. `label` tells shoppers of one tenant apart (customer A, customer B).
 */
export async function shopperAuth(t: TestGateway, tenant: string, label = 'a'): Promise<Auth[]> {
  if (!t.gateway.composition.schema.getMutationType()?.getFields().customerAccessTokenCreate) return [];
  const input = { email: `shopper-${label}.${tenant}@example.test`, password: 'isolation suite passphrase' };
  await t.graphql(SIGN_UP, { input }, t.storefront(tenant));
  const res = await t.graphql<{ customerAccessTokenCreate: { customerAccessToken: { accessToken: string } | null } }>(
    SIGN_IN,
    { input },
    t.storefront(tenant),
  );
  const token = res.body.data?.customerAccessTokenCreate.customerAccessToken?.accessToken;
  if (!token) throw new Error(`shopper sign-in failed: ${JSON.stringify(res.body)}`);
  return [{ ...t.storefront(tenant), 'X-Customer-Access-Token': token }];
}
