/**
 * The baseline server: node:http and a pg pool, one hand-written statement per page. It answers
 * POST /<scenario> with the same JSON body the gateway gets, so both parse the same request.
 * Prints `listening <port>` once ready. Bench only.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { importPKCS8, SignJWT, type KeyLike } from 'jose';
import pg from 'pg';
import { completeCheckout, createCart, setAddress, setCodes, setOption } from './checkout';
import type { Answer } from './checkout-facts';
import { ADJUST_SQL, ORDERS_SQL, PRODUCT_SQL, STOREFRONT_SQL } from './pages';
import { predictivePage, searchPage, tenantDb } from './search';
import { currencyExponent } from '../../src/sdk/money';

const tenant = process.env.BENCH_TENANT ?? 'bench';
const currency = process.env.BENCH_CURRENCY ?? 'USD';
const digits = currencyExponent(currency);
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_MAX ?? 10),
  // The search statements read their matches for the session's tenant (catalog_search_matches).
  options: `-c app.tenant_id=${tenant}`,
});
pool.on('error', () => undefined);

/** The numeric id inside a global id (base64url of gid://retail/<Type>/<id>). */
const localId = (globalId: string) => Buffer.from(globalId, 'base64url').toString('utf8').split('/').pop()!;

type Variables = Record<string, unknown> & { input?: Record<string, unknown> };

const pages: Record<string, (v: Variables) => [string, unknown[]]> = {
  '/storefront': (v) => [STOREFRONT_SQL, [tenant, currency, v.first, digits]],
  '/product': (v) => [PRODUCT_SQL, [tenant, currency, v.handle, digits]],
  '/orders': (v) => [ORDERS_SQL, [tenant, v.first, digits]],
  '/adjust': ({ input = {} }) => [
    ADJUST_SQL,
    [tenant, localId(String(input.variantId)), localId(String(input.locationId)), input.delta, input.reason],
  ],
};

/** Pages answered by code of their own (several statements, or none). */
const handlers: Record<string, (v: Variables, req: IncomingMessage) => Promise<Answer>> = {
  '/search': (v) => searchPage(search, currency, v),
  '/predictive': (v) => predictivePage(search, v),
  '/checkout/1': (v) => createCart(pool, tenant, currency, v),
  '/checkout/2': (v) => setAddress(pool, tenant, currency, v),
  '/checkout/3': (v) => setOption(pool, tenant, currency, v),
  '/checkout/4': (v) => setCodes(pool, tenant, currency, v),
  '/checkout/5': (v) => completeCheckout(pool, tenant, currency, v),
  '/typename': (_, req) => Promise.resolve(typename(req)),
};
const search = tenantDb(pool, tenant);

/** The storefront token's hash, as the gateway keeps it (the token names its tenant's file). */
const tokenHash = createHash('sha256')
  .update(process.env.BENCH_STOREFRONT_TOKEN ?? '')
  .digest();

/** `{ __typename }` with the gateway's check of the storefront token: a hash compared in constant time. */
function typename(req: IncomingMessage): Answer {
  const token = req.headers['x-storefront-token'];
  const hash = createHash('sha256')
    .update(typeof token === 'string' ? token : '')
    .digest();
  if (!timingSafeEqual(hash, tokenHash)) throw new Unauthenticated();
  return { body: '{"data":{"__typename":"Query"}}', statements: 0 };
}

class Unauthenticated extends Error {}

const reviewsKey: Promise<KeyLike> | null = process.env.SERVICE_TOKEN_PRIVATE_KEY
  ? importPKCS8(process.env.SERVICE_TOKEN_PRIVATE_KEY, 'ES256')
  : null;

/**
 * The storefront page, then each product's rating from the reviews subgraph in one call per page, as a
 * hand-written service would: one `_entities` call with the page's products, signed like the gateway's.
 */
async function ratedPage(v: Variables): Promise<string> {
  const { rows } = await pool.query<{ body: string }>(STOREFRONT_SQL, [tenant, currency, v.first, digits]);
  const page = JSON.parse(rows[0].body) as { data: { products: { nodes: Record<string, unknown>[] } } };
  const nodes = page.data.products.nodes;
  const token = await new SignJWT({ tenant, principal_kind: 'storefront', scope: '', request_id: randomUUID() })
    .setProtectedHeader({ alg: 'ES256' })
    .setIssuer('retail-gateway')
    .setAudience('reviews')
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(await reviewsKey!);
  const response = await fetch(process.env.REVIEWS_URL!, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { rating } } }',
      variables: { r: nodes.map((n) => ({ __typename: 'Product', id: n.id })) },
    }),
  });
  const answer = (await response.json()) as { data?: { _entities: ({ rating: number | null } | null)[] } };
  if (!answer.data) throw new Error('reviews failed');
  const ratings = answer.data._entities;
  return JSON.stringify({
    data: {
      products: {
        nodes: nodes.map((n, i) => {
          // The gateway's field order: rating after availableForSale.
          const { priceRange, variants, ...head } = n;
          return { ...head, rating: ratings[i]?.rating ?? null, priceRange, variants };
        }),
      },
    },
  });
}

async function body(req: IncomingMessage): Promise<{ variables?: Variables }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as { variables?: Variables };
}

const server = createServer((req, res) => {
  const handler = handlers[req.url ?? ''];
  if (handler && req.method === 'POST') {
    body(req)
      .then(async ({ variables = {} }) => {
        const answer = await handler(variables, req);
        res
          .writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': String(answer.statements) })
          .end(answer.body);
      })
      .catch((error: unknown) =>
        error instanceof Unauthenticated
          ? res.writeHead(401).end('{"errors":[{"message":"unauthenticated"}]}')
          : res.writeHead(500).end('{"errors":[{"message":"failed"}]}'),
      );
    return;
  }
  if (req.url === '/rated' && req.method === 'POST') {
    body(req)
      .then(async ({ variables = {} }) => {
        const answer = await ratedPage(variables);
        res.writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': '1' }).end(answer);
      })
      .catch(() => res.writeHead(500).end('{"errors":[{"message":"failed"}]}'));
    return;
  }
  const page = pages[req.url ?? ''];
  if (!page || req.method !== 'POST') {
    res.writeHead(404).end();
    return;
  }
  body(req)
    .then(async ({ variables = {} }) => {
      const [text, values] = page(variables);
      const { rows } = await pool.query<{ body: string }>(text, values);
      res.writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': '1' }).end(rows[0].body);
    })
    .catch(() => res.writeHead(500).end('{"errors":[{"message":"failed"}]}'));
});
server.keepAliveTimeout = 5000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);
});
process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
