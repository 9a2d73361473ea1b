import { describeEachDatabase } from '../kit/each-database';
import type { Auth } from '../kit/gateway';
import { catalogSuite, errorCodes, ok } from './catalog-kit';

const PRODUCT_FIELDS = `id handle title status publishedAt priceRange { minVariantPrice { amount currencyCode } maxVariantPrice { amount } }
  options { id name values } images(first: 5) { nodes { url altText } }
  variants(first: 10) { nodes { id title sku price { amount } compareAtPrice { amount } selectedOptions { name value } } }`;
const CREATE = `mutation($input: ProductCreateInput!) {
  productCreate(input: $input) { product { ${PRODUCT_FIELDS} } userErrors { field code message } } }`;
const UPDATE = `mutation($input: ProductUpdateInput!) {
  productUpdate(input: $input) { product { ${PRODUCT_FIELDS} } userErrors { field code message } } }`;
const DELETE = `mutation($id: ID!) { productDelete(input: { id: $id }) { deletedProductId userErrors { field code } } }`;
const VARIANT_CREATE = `mutation($input: ProductVariantCreateInput!) { productVariantCreate(input: $input) {
  productVariant { id title selectedOptions { value } } product { ${PRODUCT_FIELDS} } userErrors { field code message } } }`;
const VARIANT_UPDATE = `mutation($input: ProductVariantUpdateInput!) { productVariantUpdate(input: $input) {
  productVariant { id price { amount } } product { priceRange { minVariantPrice { amount } maxVariantPrice { amount } } }
  userErrors { field code message } } }`;
const VARIANT_DELETE = `mutation($id: ID!) { productVariantDelete(id: $id) {
  deletedProductVariantId product { variants(first: 10) { nodes { id } } } userErrors { field code } } }`;
const COUNT = `{ products(first: 1) { totalCount } }`;

const errors = (payload: { userErrors: { field: string[]; code: string }[] }) =>
  payload.userErrors.map((e) => ({ field: e.field.join('.'), code: e.code }));

describeEachDatabase('catalog product mutations', catalogSuite(), (get) => {
  let admin: Auth;
  beforeAll(async () => {
    admin = await get().admin('alpha');
  });

  it('creates a product with options, variants and images, in the tenant currency', async () => {
    const t = get();
    const { productCreate } = await ok(
      t,
      CREATE,
      {
        input: {
          title: 'Trail Runner',
          vendor: 'Fjord',
          tags: ['run', 'run', 'shoes'],
          status: 'ACTIVE',
          options: [{ name: 'Size', values: ['40', '41'] }],
          variants: [
            { price: '89.50', sku: 'TR-40', optionValues: ['40'] },
            { price: '99', compareAtPrice: '120.00', optionValues: ['41'] },
          ],
          images: [{ url: 'https://cdn.example.com/tr.jpg', altText: 'Side view' }],
        },
      },
      admin,
    );
    expect(productCreate.userErrors).toEqual([]);
    const p = productCreate.product;
    expect(p).toMatchObject({
      handle: 'trail-runner',
      status: 'ACTIVE',
      priceRange: { minVariantPrice: { amount: '89.50', currencyCode: 'USD' }, maxVariantPrice: { amount: '99.00' } },
      options: [{ name: 'Size', values: ['40', '41'] }],
      images: { nodes: [{ url: 'https://cdn.example.com/tr.jpg', altText: 'Side view' }] },
    });
    expect(p.publishedAt).not.toBeNull();
    expect(p.variants.nodes.map((v: { title: string }) => v.title)).toEqual(['40', '41']);
    expect(p.variants.nodes[1]).toMatchObject({
      compareAtPrice: { amount: '120.00' },
      selectedOptions: [{ name: 'Size', value: '41' }],
    });
    const again = await ok(t, CREATE, { input: { title: 'Trail Runner' } }, admin);
    expect(again.productCreate.product).toMatchObject({ handle: 'trail-runner-2', status: 'DRAFT', publishedAt: null });
    expect(again.productCreate.product.variants.nodes).toMatchObject([
      { title: 'Default Title', price: { amount: '0.00' } },
    ]);
  });

  it.each([
    [{ title: '' }, 'input.title', 'BLANK'],
    [{ title: 'x'.repeat(256) }, 'input.title', 'TOO_LONG'],
    [{ title: 'Ok', handle: 'Not A Handle' }, 'input.handle', 'INVALID'],
    [{ title: 'Ok', handle: 'trail-runner' }, 'input.handle', 'TAKEN'],
    [{ title: 'Ok', tags: ['ok', ''] }, 'input.tags.1', 'BLANK'],
    [{ title: 'Ok', variants: [{ price: '-1.00' }] }, 'input.variants.0.price', 'LESS_THAN_ZERO'],
    [{ title: 'Ok', variants: [{ price: '1.005' }] }, 'input.variants.0.price', 'TOO_MANY_DECIMALS'],
    [
      { title: 'Ok', variants: [{ price: '1', compareAtPrice: '-2' }] },
      'input.variants.0.compareAtPrice',
      'LESS_THAN_ZERO',
    ],
    [{ title: 'Ok', images: [{ url: 'ftp://cdn.example.com/a.jpg' }] }, 'input.images.0.url', 'INVALID'],
    [{ title: 'Ok', options: [{ name: 'Size', values: [] }] }, 'input.options.0.values', 'BLANK'],
    [
      { title: 'Ok', options: [{ name: 'Size', values: ['S'] }], variants: [{ price: '1', optionValues: ['XL'] }] },
      'input.variants.0.optionValues.0',
      'INVALID',
    ],
    [
      { title: 'Ok', options: ['A', 'B', 'C', 'D'].map((name) => ({ name, values: ['x'] })) },
      'input.options',
      'INVALID',
    ],
  ])('answers userErrors for %j and writes nothing', async (input, field, code) => {
    const t = get();
    const before = (await ok(t, COUNT, {}, admin)).products.totalCount;
    const { productCreate } = await ok(t, CREATE, { input }, admin);
    expect(productCreate.product).toBeNull();
    expect(errors(productCreate)).toContainEqual({ field, code });
    expect((await ok(t, COUNT, {}, admin)).products.totalCount).toBe(before);
  });

  it('refuses NUL bytes in any input (BAD_USER_INPUT before the resolver runs)', async () => {
    const t = get();
    const codes = await errorCodes(t, CREATE, { input: { title: 'Ok', description: 'nul \u0000 byte' } }, admin);
    expect(codes).toEqual(['BAD_USER_INPUT']);
  });

  it('updates fields, publishes, replaces images and reports TAKEN and NOT_FOUND', async () => {
    const t = get();
    const created = (
      await ok(t, CREATE, { input: { title: 'Camp Stove', images: [{ url: 'https://x.test/1.jpg' }] } }, admin)
    ).productCreate.product;
    const { productUpdate } = await ok(
      t,
      UPDATE,
      {
        input: { id: created.id, title: 'Camp Stove Pro', status: 'ACTIVE', images: [{ url: 'https://x.test/2.jpg' }] },
      },
      admin,
    );
    expect(productUpdate.userErrors).toEqual([]);
    expect(productUpdate.product).toMatchObject({
      title: 'Camp Stove Pro',
      status: 'ACTIVE',
      images: { nodes: [{ url: 'https://x.test/2.jpg' }] },
    });
    expect(productUpdate.product.publishedAt).not.toBeNull();
    const taken = await ok(t, UPDATE, { input: { id: created.id, handle: 'trail-runner' } }, admin);
    expect(errors(taken.productUpdate)).toEqual([{ field: 'input.handle', code: 'TAKEN' }]);
    const betaProduct = (await ok(t, CREATE, { input: { title: 'Beta Only' } }, await t.admin('beta'))).productCreate
      .product;
    const foreign = await ok(t, UPDATE, { input: { id: betaProduct.id, title: 'Hijacked' } }, admin);
    expect(errors(foreign.productUpdate)).toEqual([{ field: 'input.id', code: 'NOT_FOUND' }]);
    const wrongType = await ok(t, UPDATE, { input: { id: created.variants.nodes[0].id, title: 'x' } }, admin);
    expect(errors(wrongType.productUpdate)).toEqual([{ field: 'input.id', code: 'NOT_FOUND' }]);
  });

  it('deletes a product with its variants; a second delete is NOT_FOUND', async () => {
    const t = get();
    const created = (await ok(t, CREATE, { input: { title: 'Doomed Lantern' } }, admin)).productCreate.product;
    const first = await ok(t, DELETE, { id: created.id }, admin);
    expect(first.productDelete).toEqual({ deletedProductId: created.id, userErrors: [] });
    const gone = await ok(
      t,
      `query($id: ID!, $v: ID!) { product(id: $id) { id } node(id: $v) { id } }`,
      {
        id: created.id,
        v: created.variants.nodes[0].id,
      },
      admin,
    );
    expect(gone).toEqual({ product: null, node: null });
    expect(errors((await ok(t, DELETE, { id: created.id }, admin)).productDelete)).toEqual([
      { field: 'input.id', code: 'NOT_FOUND' },
    ]);
  });

  it('creates, updates and deletes variants, keeping the price range and at least one variant', async () => {
    const t = get();
    const product = (
      await ok(
        t,
        CREATE,
        {
          input: {
            title: 'Day Pack',
            options: [{ name: 'Colour', values: ['Red', 'Blue'] }],
            variants: [{ price: '30', optionValues: ['Red'] }],
          },
        },
        admin,
      )
    ).productCreate.product;
    const added = await ok(
      t,
      VARIANT_CREATE,
      { input: { productId: product.id, price: '45.00', optionValues: ['Blue'] } },
      admin,
    );
    expect(added.productVariantCreate.userErrors).toEqual([]);
    expect(added.productVariantCreate.productVariant).toMatchObject({
      title: 'Blue',
      selectedOptions: [{ value: 'Blue' }],
    });
    expect(added.productVariantCreate.product.priceRange).toMatchObject({
      minVariantPrice: { amount: '30.00' },
      maxVariantPrice: { amount: '45.00' },
    });
    const badValue = await ok(
      t,
      VARIANT_CREATE,
      { input: { productId: product.id, price: '1', optionValues: ['Green'] } },
      admin,
    );
    expect(errors(badValue.productVariantCreate)).toEqual([{ field: 'input.optionValues.0', code: 'INVALID' }]);
    const missingValues = await ok(t, VARIANT_CREATE, { input: { productId: product.id, price: '1' } }, admin);
    expect(errors(missingValues.productVariantCreate)).toEqual([{ field: 'input.optionValues', code: 'BLANK' }]);
    const noProduct = await ok(
      t,
      VARIANT_CREATE,
      { input: { productId: product.variants.nodes[0].id, price: '1' } },
      admin,
    );
    expect(errors(noProduct.productVariantCreate)).toEqual([{ field: 'input.productId', code: 'NOT_FOUND' }]);

    const blueId = added.productVariantCreate.productVariant.id;
    const cheaper = await ok(t, VARIANT_UPDATE, { input: { id: blueId, price: '12.5' } }, admin);
    expect(cheaper.productVariantUpdate.product.priceRange).toEqual({
      minVariantPrice: { amount: '12.50' },
      maxVariantPrice: { amount: '30.00' },
    });
    const negative = await ok(t, VARIANT_UPDATE, { input: { id: blueId, price: '-3' } }, admin);
    expect(errors(negative.productVariantUpdate)).toEqual([{ field: 'input.price', code: 'LESS_THAN_ZERO' }]);

    const removed = await ok(t, VARIANT_DELETE, { id: blueId }, admin);
    expect(removed.productVariantDelete.userErrors).toEqual([]);
    expect(removed.productVariantDelete.product.variants.nodes).toHaveLength(1);
    const last = await ok(t, VARIANT_DELETE, { id: product.variants.nodes[0].id }, admin);
    expect(errors(last.productVariantDelete)).toEqual([{ field: 'id', code: 'NOT_ALLOWED' }]);
  });

  it('adds, renames and deletes options, keeping every variant one value per option', async () => {
    const t = get();
    const product = (
      await ok(
        t,
        CREATE,
        {
          input: {
            title: 'Wool Hat',
            options: [{ name: 'Size', values: ['S', 'L'] }],
            variants: [
              { price: '20', optionValues: ['S'] },
              { price: '22', optionValues: ['L'] },
            ],
          },
        },
        admin,
      )
    ).productCreate.product;
    const SELECTED = `options { id name values } variants(first: 5) { nodes { selectedOptions { name value } } }`;
    const create = await ok(
      t,
      `mutation($id: ID!) { productOptionsCreate(productId: $id, options: [{ name: "Colour", values: ["Grey", "Navy"] }]) {
      product { ${SELECTED} } userErrors { field code } } }`,
      { id: product.id },
      admin,
    );
    expect(create.productOptionsCreate.userErrors).toEqual([]);
    expect(create.productOptionsCreate.product.variants.nodes[1].selectedOptions).toEqual([
      { name: 'Size', value: 'L' },
      { name: 'Colour', value: 'Grey' },
    ]);
    const duplicate = await ok(
      t,
      `mutation($id: ID!) { productOptionsCreate(productId: $id, options: [{ name: "Colour", values: ["Red"] }]) {
      userErrors { field code } } }`,
      { id: product.id },
      admin,
    );
    expect(errors(duplicate.productOptionsCreate)).toEqual([{ field: 'options', code: 'TAKEN' }]);
    const size = create.productOptionsCreate.product.options[0];
    const inUse = await ok(
      t,
      `mutation($id: ID!, $o: ProductOptionUpdateInput!) { productOptionUpdate(productId: $id, option: $o) {
      userErrors { field code } } }`,
      { id: product.id, o: { id: size.id, values: ['S'] } },
      admin,
    );
    expect(errors(inUse.productOptionUpdate)).toEqual([{ field: 'option.values', code: 'NOT_ALLOWED' }]);
    const renamed = await ok(
      t,
      `mutation($id: ID!, $o: ProductOptionUpdateInput!) { productOptionUpdate(productId: $id, option: $o) {
      product { options { name values } } userErrors { code } } }`,
      { id: product.id, o: { id: size.id, name: 'Fit', values: ['S', 'L', 'XL'] } },
      admin,
    );
    expect(renamed.productOptionUpdate.product.options[0]).toEqual({ name: 'Fit', values: ['S', 'L', 'XL'] });
    // Nothing to change (neither name nor values): the product as it is, not an error.
    const unchanged = await t.graphql<{ productOptionUpdate: { product: { options: unknown[] }; userErrors: [] } }>(
      `mutation($id: ID!, $o: ProductOptionUpdateInput!) { productOptionUpdate(productId: $id, option: $o) {
      product { options { name values } } userErrors { code } } }`,
      { id: product.id, o: { id: size.id } },
      admin,
    );
    expect(unchanged.body).toEqual({
      data: { productOptionUpdate: { product: renamed.productOptionUpdate.product, userErrors: [] } },
      extensions: expect.anything(),
    });
    const deleted = await ok(
      t,
      `mutation($id: ID!, $ids: [ID!]!) { productOptionsDelete(productId: $id, options: $ids) {
      product { ${SELECTED} } userErrors { code } } }`,
      { id: product.id, ids: [size.id] },
      admin,
    );
    expect(deleted.productOptionsDelete.product.options.map((o: { name: string }) => o.name)).toEqual(['Colour']);
    expect(deleted.productOptionsDelete.product.variants.nodes[0].selectedOptions).toEqual([
      { name: 'Colour', value: 'Grey' },
    ]);
  });

  it('requires write_products: storefront and read-only staff are FORBIDDEN', async () => {
    const t = get();
    const input = { input: { title: 'Nope' } };
    expect(await errorCodes(t, CREATE, input, t.storefront('alpha'))).toEqual(['FORBIDDEN']);
    expect(await errorCodes(t, CREATE, input, await t.admin('alpha', { scopes: ['read_products'] }))).toEqual([
      'FORBIDDEN',
    ]);
  });
});
