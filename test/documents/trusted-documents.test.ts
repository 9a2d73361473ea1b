import { appendFileSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { storefront } from '../../examples/storefront/src/storefront';
import { describeEachDatabase } from '../kit/each-database';
import { TEST_SECRETS } from '../kit/gateway';
import { createVariant, PLUGINS, retailTenants, rows, type VariantFixture } from '../domain/orders-fixtures';
import { parseManifest } from '../../src/documents/manifests';
import { documentIdOf } from '../../src/documents';

const MANIFEST = join(__dirname, '../../examples/storefront/src/generated/persisted-documents.json');
const manifest = parseManifest(readFileSync(MANIFEST, 'utf8'));
const idOf = (operation: string) => [...manifest].find(([, text]) => text.includes(operation))![0];

/** alpha registers the example's documents and runs only those for storefront tokens; beta registers none. */
function tenantsWithDocuments(): string {
  const dir = retailTenants();
  appendFileSync(join(dir, 'alpha.yaml'), '\ndocuments:\n  registeredOnly: true\n');
  mkdirSync(join(dir, 'alpha', 'documents'), { recursive: true });
  copyFileSync(MANIFEST, join(dir, 'alpha', 'documents', 'storefront-example.json'));
  return dir;
}

interface Answer {
  data?: { products: { nodes: unknown[] } };
  errors?: { message: string; extensions: { code: string } }[];
  extensions?: unknown;
}

const PRODUCT_QUERY = '{ products(first: 1) { nodes { id } } }';

describeEachDatabase('trusted documents', { plugins: PLUGINS, tenantsDir: tenantsWithDocuments() }, (get) => {
  let tee: VariantFixture;
  let handle: string;
  const shop = () => storefront({ endpoint: `${get().url}/graphql`, token: TEST_SECRETS.TEST_ALPHA_STOREFRONT_TOKEN });
  const post = async (body: unknown, auth: Record<string, string>) => {
    const res = await fetch(`${get().url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Answer };
  };

  beforeAll(async () => {
    tee = await createVariant(get(), 'alpha', { price: '19.90', stock: [4], title: 'Classic Tee' });
    [{ handle }] = await rows<{ handle: string }>(
      get(),
      'alpha',
      sql`select handle from products where id = ${tee.productId}`,
    );
  });

  it('runs the example product page by documentId, with typed results', async () => {
    const { data, errors } = await shop().productPage(handle);
    expect(errors).toBeUndefined();
    expect(data?.product?.title).toBe('Classic Tee');
    expect(data?.product?.variants.nodes).toEqual([
      { id: tee.variantGid, title: 'Default', availableForSale: true, price: { amount: '19.90', currencyCode: 'USD' } },
    ]);
    expect(data?.product?.priceRange.minVariantPrice.currencyCode).toBe('USD');
  });

  it('runs the example cart by documentId: cartCreate then cartLinesAdd', async () => {
    const created = await shop().createCart([{ merchandiseId: tee.variantGid, quantity: 1 }]);
    expect(created.errors).toBeUndefined();
    const cartId = created.data!.cartCreate.cart!.id;
    const added = await shop().addToCart(cartId, [{ merchandiseId: tee.variantGid, quantity: 2 }]);
    expect(added.data?.cartLinesAdd.userErrors).toEqual([]);
    const cart = added.data!.cartLinesAdd.cart!;
    expect(cart.totalQuantity).toBe(3);
    expect(cart.cost.subtotalAmount).toEqual({ amount: '59.70', currencyCode: 'USD' });
  });

  it('accepts documentId in a GET request too', async () => {
    const id = idOf('query ProductPage');
    const params = new URLSearchParams({ documentId: id, variables: JSON.stringify({ handle }) });
    // GETs name their operation: the gateway's CSRF guard wants a header a simple cross-site request cannot set.
    const headers = { ...get().storefront('alpha'), 'x-apollo-operation-name': 'ProductPage' };
    const res = await fetch(`${get().url}/graphql?${params.toString()}`, { headers });
    const body = (await res.json()) as { data: { product: { title: string } } };
    expect([res.status, body]).toEqual([
      200,
      { data: { product: expect.objectContaining({ title: 'Classic Tee' }) }, extensions: expect.anything() },
    ]);
  });

  it('refuses other documents from storefront tokens of a shop that runs registered ones only', async () => {
    const res = await post({ query: PRODUCT_QUERY }, get().storefront('alpha'));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
    const hash = documentIdOf(PRODUCT_QUERY).slice('sha256:'.length);
    const apq = await post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
      get().storefront('alpha'),
    );
    expect(apq.body.errors?.[0].extensions.code).toBe('PERSISTED_DOCUMENT_REQUIRED');
  });

  it('still lets admins of that shop send ad hoc queries', async () => {
    const res = await post({ query: PRODUCT_QUERY }, await get().admin('alpha'));
    expect(res.status).toBe(200);
    expect(res.body.data?.products.nodes.length).toBeGreaterThan(0);
  });

  it("does not run another shop's registered documents", async () => {
    const id = idOf('query ProductPage');
    const res = await post({ documentId: id, variables: { handle } }, get().storefront('beta'));
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0].extensions.code).toBe('PERSISTED_DOCUMENT_NOT_FOUND');
  });

  it('answers unknown, malformed and ambiguous document ids with stable codes', async () => {
    const auth = get().storefront('alpha');
    const unknown = await post({ documentId: documentIdOf('{ __typename }') }, auth);
    expect([unknown.status, unknown.body.errors?.[0].extensions.code]).toEqual([400, 'PERSISTED_DOCUMENT_NOT_FOUND']);
    const malformed = await post({ documentId: 'md5:abc' }, auth);
    expect([malformed.status, malformed.body.errors?.[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    const id = idOf('query ProductPage');
    const both = await post({ documentId: id, query: PRODUCT_QUERY }, auth);
    expect([both.status, both.body.errors?.[0].message]).toEqual([400, 'Send documentId or query, not both']);
  });

  it('serves automatic persisted queries where ad hoc queries are allowed', async () => {
    const hash = documentIdOf(PRODUCT_QUERY).slice('sha256:'.length);
    const ext = { persistedQuery: { version: 1, sha256Hash: hash } };
    const auth = get().storefront('beta');
    const first = await post({ extensions: ext }, auth);
    // Apollo Client and urql recognise the message and then send the full text once.
    expect(first.body.errors?.[0].message).toBe('PersistedQueryNotFound');
    const registered = await post({ query: PRODUCT_QUERY, extensions: ext }, auth);
    expect(registered.body.errors).toBeUndefined();
    const byHash = await post({ extensions: ext }, auth);
    expect(byHash.body).toEqual({ ...registered.body, extensions: byHash.body.extensions });
  });
});

describe('document manifests', () => {
  it('accepts the example manifest and refuses an entry whose id is not the hash of its text', () => {
    expect(manifest.size).toBe(3);
    const forged = JSON.stringify({ [documentIdOf('{ a }')]: '{ b }' });
    expect(() => parseManifest(forged)).toThrow('is not the hash of its text');
    expect(() => parseManifest('["x"]')).toThrow('not a JSON object');
  });
});
