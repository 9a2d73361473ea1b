import { sql } from 'kysely';
import { describeEachDatabase } from '../kit/each-database';
import type { Auth, TestGateway } from '../kit/gateway';
import { DEFINE, metafieldSuite, ok, SET, seedDemo, type SetResult, type UserErrorOut } from './metafields-kit';

interface DefineResult {
  metafieldDefinitionCreate: {
    createdDefinition: { id: string; validations: { name: string; value: string }[] } | null;
    userErrors: UserErrorOut[];
  };
}

const READ_PRODUCT = `query($id: ID!, $namespace: String, $key: String!) {
  product: node(id: $id) { ... on Product { metafield(namespace: $namespace, key: $key) { type value } } }
}`;

/** Each type: a value accepted (and the text stored), and values refused. */
const TYPES: [string, string, string, string[]][] = [
  ['single_line_text_field', 'Blue cotton', 'Blue cotton', ['two\nlines', 'x'.repeat(5001)]],
  [
    'multi_line_text_field',
    'Wash cold.\nHang dry.',
    'Wash cold.\nHang dry.',
    ['x'.repeat(65_536 - 2) + '\u00e9\u00e9'],
  ],
  ['number_integer', '-9007199254740991', '-9007199254740991', ['9007199254740992', '1.5', '1e3', ' 7', '007']],
  ['number_decimal', '12.50', '12.50', ['1.0000000001', '12,50', 'NaN', '.5', '12345678901234']],
  ['boolean', 'true', 'true', ['TRUE', 'yes', '1']],
  ['json', '{ "a": [1, 2] }', '{"a":[1,2]}', ['{', `"${'\u00e9'.repeat(33_000)}"`]],
  ['date', '2028-02-29', '2028-02-29', ['2026-02-29', '2026-13-01', '01/02/2026']],
  ['date_time', '2026-12-07T10:30:00+01:00', '2026-12-07T10:30:00+01:00', ['2026-12-07 10:30', '2026-12-07T25:00:00Z']],
  [
    'url',
    'https://shop.example/size-chart',
    'https://shop.example/size-chart',
    ['ftp://x.example/a', 'javascript:alert(1)', 'not a url'],
  ],
  [
    'money',
    '{"amount":"5.99","currency_code":"EUR"}',
    '{"amount":"5.99","currency_code":"EUR"}',
    [
      '{"amount":5.99,"currency_code":"EUR"}',
      '{"amount":"5.999","currency_code":"EUR"}',
      '{"amount":"5","currency_code":"XXQ"}',
      '{"amount":"5","currency_code":"EUR","extra":1}',
    ],
  ],
  ['list.single_line_text_field', '["S", "M"]', '["S","M"]', ['["a\\nb"]', '[1]', '"S"']],
];

describeEachDatabase('metafields', metafieldSuite(), (get) => {
  let admin: Auth;
  let storefront: Auth;
  let productId: string;
  let otherProductId: string;
  let betaProductId: string;
  let customerId: string;
  let orderId: string;
  let variantId: string;
  let collectionId: string;

  const set = (metafields: unknown[], auth: Auth = admin) => ok<SetResult>(get(), SET, { metafields }, auth);
  const define = (definition: Record<string, unknown>, auth: Auth = admin) =>
    ok<DefineResult>(get(), DEFINE, { definition: { namespace: 'test', name: 'Test', ...definition } }, auth);
  const readProduct = async (id: string, key: string, namespace: string | null = 'test', auth: Auth = admin) =>
    (
      await ok<{ product: { metafield: { type: string; value: string } | null } }>(
        get(),
        READ_PRODUCT,
        { id, key, namespace },
        auth,
      )
    ).product.metafield;

  beforeAll(async () => {
    const t = get();
    await seedDemo(t);
    admin = await t.admin('alpha');
    storefront = t.storefront('alpha');
    const ids = await ok<{
      products: { nodes: { id: string; variants: { nodes: { id: string }[] } }[] };
      customers: { nodes: { id: string }[] };
      orders: { nodes: { id: string }[] };
      collections: { nodes: { id: string }[] };
    }>(
      t,
      `{ products(first: 2) { nodes { id variants(first: 1) { nodes { id } } } }
         customers(first: 1) { nodes { id } } orders(first: 1) { nodes { id } } collections(first: 1) { nodes { id } } }`,
      {},
      admin,
    );
    [productId, otherProductId] = ids.products.nodes.map((p) => p.id);
    variantId = ids.products.nodes[0].variants.nodes[0].id;
    customerId = ids.customers.nodes[0].id;
    orderId = ids.orders.nodes[0].id;
    collectionId = ids.collections.nodes[0].id;
    const beta = await ok<{ products: { nodes: { id: string }[] } }>(
      t,
      '{ products(first: 1) { nodes { id } } }',
      {},
      await t.admin('beta'),
    );
    betaProductId = beta.products.nodes[0].id;
  }, 180_000);

  describe.each(TYPES)('%s', (type, good, stored, bad) => {
    const key = `t_${type.replace(/\W/g, '_')}`;
    it('is set and read back as its canonical text', async () => {
      const res = await set([{ ownerId: productId, namespace: 'test', key, type, value: good }]);
      expect(res.metafieldsSet.userErrors).toEqual([]);
      expect(res.metafieldsSet.metafields).toEqual([
        expect.objectContaining({ type, value: stored, ownerType: 'PRODUCT' }),
      ]);
      expect(await readProduct(productId, key, null)).toBeNull(); // namespace defaults to custom
      const read = await ok<{ product: { metafield: { value: string } } }>(
        get(),
        `query($id: ID!, $key: String!) { product: node(id: $id) { ... on Product { metafield(namespace: "test", key: $key) { value } } } }`,
        { id: productId, key },
        admin,
      );
      expect(read.product.metafield.value).toBe(stored);
    });
    it.each(bad)('refuses bad value #%# with a userError naming the value', async (value) => {
      const res = await set([{ ownerId: otherProductId, namespace: 'test', key, type, value }]);
      expect(res.metafieldsSet.metafields).toBeNull();
      expect(res.metafieldsSet.userErrors).toEqual([
        { field: ['metafields', '0', 'value'], code: 'INVALID', message: expect.stringMatching(/^value /) },
      ]);
    });
  });

  it('sets values on every owner type, read through each type', async () => {
    const inputs = [productId, variantId, collectionId, customerId, orderId].map((ownerId) => ({
      ownerId,
      namespace: 'test',
      key: 'everywhere',
      type: 'number_integer',
      value: '42',
    }));
    const res = await set(inputs);
    expect(res.metafieldsSet.userErrors).toEqual([]);
    expect(res.metafieldsSet.metafields!.map((m) => m.ownerType)).toEqual([
      'PRODUCT',
      'PRODUCTVARIANT',
      'COLLECTION',
      'CUSTOMER',
      'ORDER',
    ]);
    const field = `metafields(identifiers: [{ namespace: "test", key: "everywhere" }, { namespace: "test", key: "absent" }]) { value }`;
    const read = await ok<Record<string, { metafields: ({ value: string } | null)[] }>>(
      get(),
      `query($p: ID!, $v: ID!, $c: ID!, $cu: ID!, $o: ID!) {
        p: node(id: $p) { ... on Product { ${field} } }
        v: node(id: $v) { ... on ProductVariant { ${field} } }
        c: node(id: $c) { ... on Collection { ${field} } }
        cu: node(id: $cu) { ... on Customer { ${field} } }
        o: node(id: $o) { ... on Order { ${field} } }
      }`,
      { p: productId, v: variantId, c: collectionId, cu: customerId, o: orderId },
      admin,
    );
    for (const alias of ['p', 'v', 'c', 'cu', 'o']) expect(read[alias].metafields).toEqual([{ value: '42' }, null]);
  });

  it('applies a definition: its type, min/max, regex, choices; values refused name their input', async () => {
    const created = await Promise.all([
      define({
        ownerType: 'PRODUCT',
        key: 'stars',
        type: 'number_integer',
        validations: [
          { name: 'min', value: '1' },
          { name: 'max', value: '5' },
        ],
      }),
      define({
        ownerType: 'PRODUCT',
        key: 'sku_code',
        type: 'single_line_text_field',
        validations: [{ name: 'regex', value: '[A-Z]{3}-\\d{2,4}' }],
      }),
      define({
        ownerType: 'PRODUCT',
        key: 'fit',
        type: 'single_line_text_field',
        validations: [{ name: 'choices', value: '["slim","regular"]' }],
      }),
      define({
        ownerType: 'PRODUCT',
        key: 'price_floor',
        type: 'number_decimal',
        validations: [{ name: 'min', value: '0.01' }],
      }),
      define({
        ownerType: 'PRODUCT',
        key: 'launch',
        type: 'date',
        validations: [{ name: 'max', value: '2030-12-31' }],
      }),
      define({
        ownerType: 'PRODUCT',
        key: 'sizes',
        type: 'list.single_line_text_field',
        validations: [{ name: 'choices', value: '["S","M","L"]' }],
      }),
    ]);
    for (const c of created) expect(c.metafieldDefinitionCreate.userErrors).toEqual([]);
    const good = [
      { key: 'stars', value: '5' },
      { key: 'sku_code', value: 'ABC-123' },
      { key: 'fit', value: 'slim' },
      { key: 'price_floor', value: '0.010' },
      { key: 'launch', value: '2030-12-31' },
      { key: 'sizes', value: '["S","L"]' },
    ].map((m) => ({ ownerId: productId, namespace: 'test', ...m }));
    const written = await set(good);
    expect(written.metafieldsSet.userErrors).toEqual([]);
    expect(written.metafieldsSet.metafields!.map((m) => m.type)).toEqual([
      'number_integer',
      'single_line_text_field',
      'single_line_text_field',
      'number_decimal',
      'date',
      'list.single_line_text_field',
    ]);
    const badValues = [
      { key: 'stars', value: '6' },
      { key: 'sku_code', value: 'ABC-12345' },
      { key: 'fit', value: 'baggy' },
      { key: 'price_floor', value: '0.009' },
      { key: 'launch', value: '2031-01-01' },
      { key: 'sizes', value: '["S","XL"]' },
      { key: 'stars', value: '3', type: 'single_line_text_field' },
    ].map((m, i) => ({ ownerId: otherProductId, namespace: 'test', ...m, key: i === 6 ? 'stars' : m.key }));
    // Each refused alone, naming its index.
    for (const [i, input] of badValues.entries()) {
      const first = { ownerId: otherProductId, namespace: 'test', key: 'valid_first', type: 'boolean', value: 'true' };
      const res = await set([first, input]);
      const field = i === 6 ? ['metafields', '1', 'type'] : ['metafields', '1', 'value'];
      expect({ i, errors: res.metafieldsSet.userErrors.map((e) => [e.field, e.code]) }).toEqual({
        i,
        errors: [[field, 'INVALID']],
      });
    }
    // Nothing of those calls was written (the valid first input included).
    expect(await readProduct(otherProductId, 'stars')).toBeNull();
    expect(await readProduct(otherProductId, 'valid_first')).toBeNull();
  });

  it('is atomic: one invalid input of several writes nothing, and says which', async () => {
    const inputs = [0, 1, 2, 3].map((i) => ({
      ownerId: otherProductId,
      namespace: 'atomic',
      key: `k${i}`,
      type: 'number_integer',
      value: i === 3 ? 'three' : String(i),
    }));
    const res = await set(inputs);
    expect(res.metafieldsSet).toEqual({
      metafields: null,
      userErrors: [{ field: ['metafields', '3', 'value'], code: 'INVALID', message: 'value must be an integer' }],
    });
    const rows = await get().gateway.runtime.withTenant(
      'alpha',
      async (db) => (await sql`select 1 from metafields where namespace = 'atomic'`.execute(db)).rows,
    );
    expect(rows).toEqual([]);
  });

  it('takes at most 25 values per call', async () => {
    const inputs = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        ownerId: productId,
        namespace: 'bulk',
        key: `k${i}`,
        type: 'boolean',
        value: 'true',
      }));
    const over = await set(inputs(26));
    expect(over.metafieldsSet.userErrors).toEqual([
      { field: ['metafields'], code: 'INVALID', message: 'At most 25 metafields per call' },
    ]);
    const full = await set(inputs(25));
    expect(full.metafieldsSet.userErrors).toEqual([]);
    expect(full.metafieldsSet.metafields).toHaveLength(25);
  });

  it('needs a type without a definition, and refuses unknown owners, types and names', async () => {
    const res = await set([
      { ownerId: productId, namespace: 'test', key: 'untyped', value: 'x' },
      { ownerId: productId, namespace: 'test', key: 'oddtype', value: 'x', type: 'color' },
      { ownerId: betaProductId, namespace: 'test', key: 'foreign', value: 'true', type: 'boolean' },
      { ownerId: productId, namespace: 'a', key: 'bad key!', value: 'x', type: 'boolean' },
    ]);
    expect(res.metafieldsSet.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['metafields', '3', 'namespace'], 'INVALID'],
      [['metafields', '3', 'key'], 'INVALID'],
      [['metafields', '2', 'ownerId'], 'NOT_FOUND'],
      [['metafields', '0', 'type'], 'INVALID'],
      [['metafields', '1', 'type'], 'INVALID'],
    ]);
  });

  it('refuses definitions with unknown types, unsafe or invalid rules, and taken keys', async () => {
    const cases: [Record<string, unknown>, string[], string][] = [
      [{ ownerType: 'PRODUCT', key: 'bad_type', type: 'colour' }, ['definition', 'type'], 'INVALID'],
      [
        {
          ownerType: 'PRODUCT',
          key: 'nested',
          type: 'single_line_text_field',
          validations: [{ name: 'regex', value: '(a+)+$' }],
        },
        ['definition', 'validations', '0'],
        'INVALID',
      ],
      [
        {
          ownerType: 'PRODUCT',
          key: 'alt',
          type: 'single_line_text_field',
          validations: [{ name: 'regex', value: '(a|aa)*b' }],
        },
        ['definition', 'validations', '0'],
        'INVALID',
      ],
      [
        {
          ownerType: 'PRODUCT',
          key: 'poly',
          type: 'single_line_text_field',
          validations: [{ name: 'regex', value: '\\s*\\s*\\s*x' }],
        },
        ['definition', 'validations', '0'],
        'INVALID',
      ],
      [
        {
          ownerType: 'PRODUCT',
          key: 'backref',
          type: 'single_line_text_field',
          validations: [{ name: 'regex', value: '(a)\\1' }],
        },
        ['definition', 'validations', '0'],
        'INVALID',
      ],
      [
        {
          ownerType: 'PRODUCT',
          key: 'long',
          type: 'single_line_text_field',
          validations: [{ name: 'regex', value: 'a'.repeat(201) }],
        },
        ['definition', 'validations', '0'],
        'INVALID',
      ],
      [
        {
          ownerType: 'PRODUCT',
          key: 'broken',
          type: 'single_line_text_field',
          validations: [{ name: 'regex', value: '[a-' }],
        },
        ['definition', 'validations', '0'],
        'INVALID',
      ],
      [
        { ownerType: 'PRODUCT', key: 'bool_min', type: 'boolean', validations: [{ name: 'min', value: '1' }] },
        ['definition', 'validations', '0'],
        'INVALID',
      ],
      [
        {
          ownerType: 'PRODUCT',
          key: 'min_max',
          type: 'number_integer',
          validations: [
            { name: 'min', value: '5' },
            { name: 'max', value: '1' },
          ],
        },
        ['definition', 'validations', '1'],
        'INVALID',
      ],
      [
        { ownerType: 'PRODUCT', key: 'care_instructions', namespace: 'custom', type: 'multi_line_text_field' },
        ['definition', 'key'],
        'TAKEN',
      ],
    ];
    for (const [input, field, code] of cases) {
      const res = await define(input);
      expect({ input, errors: res.metafieldDefinitionCreate.userErrors.map((e) => [e.field, e.code]) }).toEqual({
        input,
        errors: [[field, code]],
      });
    }
  });

  it('shows storefronts only values of PUBLIC_READ definitions; staff see all', async () => {
    await define({
      ownerType: 'PRODUCT',
      key: 'public_note',
      type: 'single_line_text_field',
      access: { storefront: 'PUBLIC_READ' },
    });
    await define({ ownerType: 'PRODUCT', key: 'private_note', type: 'single_line_text_field' });
    const written = await set(
      ['public_note', 'private_note', 'loose_note'].map((key) => ({
        ownerId: productId,
        namespace: 'test',
        key,
        value: key,
        type: 'single_line_text_field',
      })),
    );
    expect(written.metafieldsSet.userErrors).toEqual([]);
    const query = `query($id: ID!) { product(id: $id) {
      metafields(identifiers: [{ namespace: "test", key: "public_note" }, { namespace: "test", key: "private_note" }, { namespace: "test", key: "loose_note" }]) { value definition { key } }
    } }`;
    const asStore = await ok<{ product: { metafields: unknown[] } }>(get(), query, { id: productId }, storefront);
    expect(asStore.product.metafields).toEqual([{ value: 'public_note', definition: null }, null, null]);
    const asStaff = await ok<{ product: { metafields: unknown[] } }>(get(), query, { id: productId }, admin);
    expect(asStaff.product.metafields).toEqual([
      { value: 'public_note', definition: { key: 'public_note' } },
      { value: 'private_note', definition: { key: 'private_note' } },
      { value: 'loose_note', definition: null },
    ]);
  });

  it("follows the owner type's scopes for writes and definitions", async () => {
    const t = get();
    const productsOnly = await t.admin('alpha', { scopes: ['read_products', 'write_products'] });
    const res = await set(
      [
        { ownerId: productId, namespace: 'test', key: 'scoped', value: '1', type: 'number_integer' },
        { ownerId: customerId, namespace: 'test', key: 'scoped', value: '1', type: 'number_integer' },
      ],
      productsOnly,
    );
    expect(res.metafieldsSet.userErrors.map((e) => [e.field, e.code])).toEqual([
      [['metafields', '1', 'ownerId'], 'NOT_ALLOWED'],
    ]);
    const def = await define({ ownerType: 'ORDER', key: 'scoped', type: 'boolean' }, productsOnly);
    expect(def.metafieldDefinitionCreate.userErrors.map((e) => e.code)).toEqual(['NOT_ALLOWED']);
    const listed = await ok<{ metafieldDefinitions: { nodes: { ownerType: string }[] } }>(
      t,
      '{ metafieldDefinitions(first: 250) { nodes { ownerType } } }',
      {},
      productsOnly,
    );
    expect(new Set(listed.metafieldDefinitions.nodes.map((n) => n.ownerType))).toEqual(
      new Set(['PRODUCT', 'PRODUCTVARIANT', 'COLLECTION']),
    );
    const forbidden = await t.graphql(
      '{ metafieldDefinitions(ownerType: CUSTOMER) { nodes { id } } }',
      {},
      productsOnly,
    );
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refused = await t.graphql(SET, { metafields: [] }, storefront);
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lists, updates and deletes definitions; deleting keeps or removes the values', async () => {
    const t = get();
    const created = await define({ ownerType: 'PRODUCTVARIANT', key: 'lifecycle', type: 'single_line_text_field' });
    const id = created.metafieldDefinitionCreate.createdDefinition!.id;
    const listed = await ok<{ metafieldDefinitions: { nodes: { id: string }[] } }>(
      t,
      '{ metafieldDefinitions(ownerType: PRODUCTVARIANT, namespace: "test") { nodes { id } } }',
      {},
      admin,
    );
    expect(listed.metafieldDefinitions.nodes.map((n) => n.id)).toContain(id);
    const updated = await ok<{ metafieldDefinitionUpdate: { updatedDefinition: unknown; userErrors: unknown[] } }>(
      t,
      `mutation($d: MetafieldDefinitionUpdateInput!) { metafieldDefinitionUpdate(definition: $d) {
        updatedDefinition { name validations { name value } access { storefront } } userErrors { field code } } }`,
      {
        d: {
          id,
          name: 'Lifecycle',
          validations: [{ name: 'choices', value: '["new","old"]' }],
          access: { storefront: 'PUBLIC_READ' },
        },
      },
      admin,
    );
    expect(updated.metafieldDefinitionUpdate).toEqual({
      updatedDefinition: {
        name: 'Lifecycle',
        validations: [{ name: 'choices', value: '["new","old"]' }],
        access: { storefront: 'PUBLIC_READ' },
      },
      userErrors: [],
    });
    expect(
      (await set([{ ownerId: variantId, namespace: 'test', key: 'lifecycle', value: 'mid' }])).metafieldsSet.userErrors,
    ).toHaveLength(1);
    expect(
      (await set([{ ownerId: variantId, namespace: 'test', key: 'lifecycle', value: 'new' }])).metafieldsSet.userErrors,
    ).toEqual([]);
    const DELETE = `mutation($id: ID!, $all: Boolean) { metafieldDefinitionDelete(id: $id, deleteAllAssociatedMetafields: $all) { deletedDefinitionId userErrors { code } } }`;
    const deleted = await ok<{ metafieldDefinitionDelete: { deletedDefinitionId: string } }>(t, DELETE, { id }, admin);
    expect(deleted.metafieldDefinitionDelete.deletedDefinitionId).toBe(id);
    const again = await ok<{ metafieldDefinitionDelete: { userErrors: unknown[] } }>(t, DELETE, { id }, admin);
    expect(again.metafieldDefinitionDelete.userErrors).toEqual([{ code: 'NOT_FOUND' }]);
    const VARIANT = `query($id: ID!) { node(id: $id) { ... on ProductVariant { metafield(namespace: "test", key: "lifecycle") { value type } } } }`;
    expect((await ok<{ node: unknown }>(t, VARIANT, { id: variantId }, admin)).node).toEqual({
      metafield: { value: 'new', type: 'single_line_text_field' },
    });
    const redefined = await define({ ownerType: 'PRODUCTVARIANT', key: 'lifecycle', type: 'single_line_text_field' });
    const id2 = redefined.metafieldDefinitionCreate.createdDefinition!.id;
    await ok(t, DELETE, { id: id2, all: true }, admin);
    expect((await ok<{ node: unknown }>(t, VARIANT, { id: variantId }, admin)).node).toEqual({ metafield: null });
  });

  it('deletes values, answering null for those that did not exist', async () => {
    await set([{ ownerId: productId, namespace: 'gone', key: 'soon', type: 'boolean', value: 'false' }]);
    const res = await ok<{ metafieldsDelete: { deletedMetafields: unknown[]; userErrors: unknown[] } }>(
      get(),
      `mutation($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { ownerId namespace key } userErrors { field code } } }`,
      {
        m: [
          { ownerId: productId, namespace: 'gone', key: 'soon' },
          { ownerId: productId, namespace: 'gone', key: 'never' },
        ],
      },
      admin,
    );
    expect(res.metafieldsDelete).toEqual({
      deletedMetafields: [{ ownerId: productId, namespace: 'gone', key: 'soon' }, null],
      userErrors: [],
    });
  });

  it("keeps tenants apart: another tenant's owner is not found, its definitions and values unseen", async () => {
    const t = get();
    const beta = await t.admin('beta');
    await set([{ ownerId: productId, namespace: 'secret', key: 'alpha_only', type: 'boolean', value: 'true' }]);
    const asBeta = await set(
      [{ ownerId: productId, namespace: 'secret', key: 'alpha_only', type: 'boolean', value: 'false' }],
      beta,
    );
    expect(asBeta.metafieldsSet.userErrors.map((e) => e.code)).toEqual(['NOT_FOUND']);
    const defs = await ok<{ metafieldDefinitions: { nodes: { namespace: string }[] } }>(
      t,
      '{ metafieldDefinitions(first: 250) { nodes { namespace } } }',
      {},
      beta,
    );
    expect(defs.metafieldDefinitions.nodes.map((n) => n.namespace)).not.toContain('test');
    const read = await t.graphql<{ node: unknown }>(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: productId },
      beta,
    );
    expect(read.body.data?.node).toBeNull();
  });
});

/** Statement counts: one statement per list level for the metafields of a page, whatever its size. */
describeEachDatabase('metafields statements', metafieldSuite(), (get, kind) => {
  beforeAll(() => seedDemo(get()));
  const PAGE = `query($first: Int) { products(first: $first) { nodes {
    metafield(key: "care_instructions") { value }
    metafields(identifiers: [{ key: "erp_id" }, { key: "size_chart" }]) { value }
    variants(first: 5) { nodes { metafield(key: "weight_grams") { value } } } } } }`;

  it('reads the metafields of a page of products and their variants in one statement per level', async () => {
    const t: TestGateway = get();
    const auth = await t.admin('alpha');
    const counts: number[] = [];
    let seen = 0;
    for (const first of [2, 30]) {
      await t.graphql('{ products(first: 1) { nodes { id } } }', {}, auth); // the connection carries the tenant
      const res = await t.graphql<{
        products: { nodes: { metafield: unknown; variants: { nodes: { metafield: unknown }[] } }[] };
      }>(PAGE, { first }, auth);
      expect(res.body.errors).toBeUndefined();
      seen += res.body.data!.products.nodes.filter((p) => p.metafield !== null).length;
      counts.push(Number(res.headers.get('x-sql-statements')));
    }
    expect(seen).toBeGreaterThan(0);
    // the framing, then products + variants + the products' metafields + the variants' metafields
    const framing = kind === 'postgres' ? 0 : 3;
    expect(counts).toEqual([framing + 4, framing + 4]);
  });
});
