import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { createPostgresDatabase, databaseMissing, withClient } from '../kit/databases';
import { fixtureTenantsFor, TEST_SECRETS } from '../kit/gateway';
import { runGatewayCommand, startInstance, type Instance } from '../kit/instances';
import { describeUnless } from '../kit/skip';
import { opensslMissing, selfSignedCertificate } from '../kit/tls';
import { eventually, startWebhookReceiver, type WebhookReceiver } from '../kit/webhook-receiver';

jest.setTimeout(240_000);

const suite = describeUnless(databaseMissing('postgres') ?? opensslMissing());

const adminToken = () =>
  new SignJWT({
    tenant: 'alpha',
    roles: ['admin'],
    scopes: ['read_products', 'write_products', 'read_webhooks', 'write_webhooks'],
  })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject('restart-test')
    .setIssuer('retail-gateway')
    .setAudience('retail-gateway-admin')
    .setIssuedAt()
    .setExpirationTime('1h')
    .sign(new TextEncoder().encode(TEST_SECRETS.TEST_ALPHA_JWT_SECRET));

suite('a gateway killed in the middle of a webhook delivery', () => {
  let database: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let receiver: WebhookReceiver;
  let env: Record<string, string>;
  const instances: Instance[] = [];

  beforeAll(async () => {
    const tls = selfSignedCertificate();
    const caFile = join(mkdtempSync(join(tmpdir(), 'rg-ca-')), 'ca.pem');
    writeFileSync(caFile, tls.cert);
    receiver = await startWebhookReceiver(tls);
    database = await createPostgresDatabase();
    env = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: database.url,
      TENANTS_DIR: fixtureTenantsFor(['catalog', 'webhooks']),
      NODE_EXTRA_CA_CERTS: caFile,
      WEBHOOKS_ALLOW_LOOPBACK: 'true',
      WEBHOOKS_INTERVAL_MS: '100',
      // An attempt may take 10 s; its lease (20 s) is what a restarted gateway waits out.
      WEBHOOKS_TIMEOUT_MS: '10000',
      WEBHOOKS_LEASE_MS: '20000',
    };
    await runGatewayCommand(['migrate', 'up'], env);
  }, 240_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
    await receiver?.close();
    await database?.drop();
  }, 60_000);

  const graphql = async <T>(instance: Instance, query: string, variables: object = {}) => {
    const res = await fetch(`${instance.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data: T; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  const deliveries = () =>
    withClient(database.url, async (client) => {
      const { rows } = await client.query<{ event_id: string; status: string; attempts: number }>(
        'select event_id, status, attempts from webhook_deliveries order by id',
      );
      return rows;
    });

  it('loses nothing, and sends the cut-off delivery again only with the same event id', async () => {
    const a = await startInstance(env);
    instances.push(a);
    const create = `mutation($url: URL!) { webhookSubscriptionCreate(topic: PRODUCTS_CREATE,
      webhookSubscription: { callbackUrl: $url }) { userErrors { code } } }`;
    await graphql(a, create, { url: `${receiver.url}/products` });
    // The receiver takes the first request and never answers: the gateway is killed while it waits.
    receiver.hang('/products', 1);
    await graphql(
      a,
      `
        mutation {
          productCreate(input: { title: "First" }) {
            product {
              id
            }
          }
        }
      `,
    );
    await eventually(() => receiver.received.length === 1);
    a.process.kill('SIGKILL');
    await a.exited;
    expect(await deliveries()).toEqual([{ event_id: expect.any(String), status: 'PENDING', attempts: 1 }]);

    // A restarted gateway claims the cut-off delivery once its lease has run out, and delivers it.
    const b = await startInstance(env);
    instances.push(b);
    await eventually(async () => (await deliveries())[0]?.status === 'DELIVERED');
    const [row] = await deliveries();
    expect(row.attempts).toBe(2);
    expect(
      receiver.received.map((h) => [h.path, h.headers['x-retail-event-id'], h.headers['x-retail-attempt']]),
    ).toEqual([
      ['/products', row.event_id, '1'],
      ['/products', row.event_id, '2'],
    ]);
    expect(JSON.parse(receiver.received[1].body)).toMatchObject({ id: row.event_id, data: { title: 'First' } });
  });
});
