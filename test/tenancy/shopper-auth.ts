import { sql, type Kysely } from 'kysely';
import { hashPassword } from '../../connectors/customers/accounts/passwords';
import type { Auth, TestGateway } from '../kit/gateway';

const SIGN_IN = `mutation($input: CustomerAccessTokenCreateInput!) {
  customerAccessTokenCreate(input: $input) { customerAccessToken { accessToken } }
}`;
const ADD_ADDRESS = `mutation($address: MailingAddressInput!) {
  customerAddressCreate(address: $address) { customerAddress { id } }
}`;
const PASSWORD = 'isolation suite passphrase';

/**
 * The newest seeded customer of `tenant` (`skip` passes over the newest ones), given an account: a
 * shopper whose orders the generated suites find, listed last where customers are listed by id.
 */
async function accountOfSeededCustomer(db: Kysely<unknown>, tenant: string, skip: number): Promise<string | null> {
  const { rows } = await sql<{ id: string; email: string }>`
    select c.id, c.email from customers c
     where c.tenant_id = ${tenant}
     order by c.id desc limit 1 offset ${skip}`.execute(db);
  if (!rows[0]) return null;
  await sql`insert into customer_accounts (tenant_id, customer_id, password_hash)
    values (${tenant}, ${rows[0].id}, ${await hashPassword(PASSWORD)}) on conflict do nothing`.execute(db);
  return rows[0].email;
}

/**
 * A signed-in shopper of `tenant` (storefront token and customer access token), when the graph has
 * shopper accounts; none otherwise. `skip` picks another customer (customer A: 0, customer B: 1).
 */
export async function shopperAuth(t: TestGateway, tenant: string, skip = 0): Promise<Auth[]> {
  if (!t.gateway.composition.schema.getMutationType()?.getFields().customerAccessTokenCreate) return [];
  const email = await accountOfSeededCustomer(t.gateway.database.db, tenant, skip);
  if (!email) return [];
  const res = await t.graphql<{ customerAccessTokenCreate: { customerAccessToken: { accessToken: string } | null } }>(
    SIGN_IN,
    { input: { email, password: PASSWORD } },
    t.storefront(tenant),
  );
  const token = res.body.data?.customerAccessTokenCreate.customerAccessToken?.accessToken;
  if (!token) throw new Error(`shopper sign-in failed: ${JSON.stringify(res.body)}`);
  const shopper = { ...t.storefront(tenant), 'X-Customer-Access-Token': token };
  // Addresses of their own, the newest of the tenant: probes that update or remove one find them.
  for (const city of ['Bergen', 'Turku', 'Aarhus']) {
    await t.graphql(ADD_ADDRESS, { address: { city, country: 'NO' } }, shopper);
  }
  return [shopper];
}
