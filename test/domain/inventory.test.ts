import { describeEachDatabase, stampTenant, writeFraming } from '../kit/each-database';
import type { Auth } from '../kit/gateway';
import { catalogSuite, errorCodes, ok, seedDemo } from './catalog-kit';
import { ADJUST, errorsOf, freshStock, SET } from './inventory-kit';

const VARIANT = `query($id: ID!) { node(id: $id) { ... on ProductVariant { quantityAvailable availableForSale
  inventoryLevels { available location { id } } } } }`;
const HISTORY = `query($variantId: ID, $locationId: ID, $first: Int, $after: String, $last: Int, $before: String) {
  inventoryAdjustments(variantId: $variantId, locationId: $locationId, first: $first, after: $after, last: $last, before: $before) {
    nodes { delta reason quantityAfter location { id } variant { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;

describeEachDatabase('inventory', catalogSuite(), (get, kind) => {
  let admin: Auth;
  beforeAll(async () => {
    const t = get();
    await seedDemo(t);
    admin = await t.admin('alpha');
  });

  it('lists the seeded locations and pages through them', async () => {
    const t = get();
    const all = await ok(t, `{ locations(first: 10) { totalCount nodes { name } } }`, {}, admin);
    expect(all.locations.nodes.map((l: { name: string }) => l.name)).toEqual(['Main warehouse', 'Downtown store']);
    const first = await ok(
      t,
      `{ locations(first: 1) { nodes { name } pageInfo { endCursor hasNextPage } } }`,
      {},
      admin,
    );
    const second = await ok(
      t,
      `query($a: String) { locations(first: 1, after: $a) { nodes { name } pageInfo { hasPreviousPage } } }`,
      {
        a: first.locations.pageInfo.endCursor,
      },
      admin,
    );
    expect(second.locations).toEqual({ nodes: [{ name: 'Downtown store' }], pageInfo: { hasPreviousPage: true } });
  });

  it('adjusts stock, refuses to go below zero, sets stock and records the history', async () => {
    const t = get();
    const s = await freshStock(t, admin, 'Adjusted Kettle');
    expect((await ok(t, VARIANT, { id: s.variantId }, admin)).node).toEqual({
      quantityAvailable: null,
      availableForSale: true,
      inventoryLevels: [],
    });
    const target = { variantId: s.variantId, locationId: s.locationId };
    const added = await ok(t, ADJUST, { input: { ...target, delta: 5, reason: 'received' } }, admin);
    expect(added.inventoryAdjust.userErrors).toEqual([]);
    expect(added.inventoryAdjust.inventoryLevel).toMatchObject({ available: 5, variant: { id: s.variantId } });
    expect(added.inventoryAdjust.adjustment).toMatchObject({ delta: 5, reason: 'received', quantityAfter: 5 });

    const tooMany = await ok(t, ADJUST, { input: { ...target, delta: -6, reason: 'damaged' } }, admin);
    expect(errorsOf(tooMany.inventoryAdjust)).toEqual([{ field: 'input.delta', code: 'NOT_ENOUGH_STOCK' }]);
    const removed = await ok(t, ADJUST, { input: { ...target, delta: -5, reason: 'damaged' } }, admin);
    expect(removed.inventoryAdjust.inventoryLevel.available).toBe(0);
    expect((await ok(t, VARIANT, { id: s.variantId }, admin)).node).toMatchObject({
      quantityAvailable: 0,
      availableForSale: false,
    });

    const set = await ok(t, SET, { input: { ...target, quantity: 12, reason: 'cycle count' } }, admin);
    expect(set.inventorySet).toEqual({
      inventoryLevel: { available: 12 },
      adjustment: { delta: 12, reason: 'cycle count', quantityAfter: 12 },
      userErrors: [],
    });
    const storefront = await ok(
      t,
      `query($id: ID!) { node(id: $id) { ... on ProductVariant { quantityAvailable availableForSale } } }`,
      {
        id: s.variantId,
      },
      t.storefront('alpha'),
    );
    expect(storefront.node).toEqual({ quantityAvailable: 12, availableForSale: true });

    const history = await ok(t, HISTORY, { variantId: s.variantId, first: 2 }, admin);
    expect(history.inventoryAdjustments.nodes.map((a: { delta: number }) => a.delta)).toEqual([12, -5]);
    const older = await ok(
      t,
      HISTORY,
      { variantId: s.variantId, first: 5, after: history.inventoryAdjustments.pageInfo.endCursor },
      admin,
    );
    expect(older.inventoryAdjustments.nodes.map((a: { reason: string }) => a.reason)).toEqual(['received']);
    const back = await ok(
      t,
      HISTORY,
      { variantId: s.variantId, last: 2, before: older.inventoryAdjustments.pageInfo.startCursor },
      admin,
    );
    expect(back.inventoryAdjustments.nodes).toEqual(history.inventoryAdjustments.nodes);
    const byLocation = await ok(t, HISTORY, { locationId: s.locationId, first: 10 }, admin);
    expect(byLocation.inventoryAdjustments.nodes).toHaveLength(3);
  });

  it.each([
    [{ delta: 0, reason: 'x' }, 'input.delta', 'INVALID'],
    [{ delta: 1, reason: ' ' }, 'input.reason', 'BLANK'],
    [{ delta: 1, reason: 'r'.repeat(256) }, 'input.reason', 'TOO_LONG'],
  ])('answers userErrors for an adjustment %j', async (input, field, code) => {
    const t = get();
    const s = await freshStock(t, admin, `Invalid ${field} ${code}`);
    const res = await ok(t, ADJUST, { input: { variantId: s.variantId, locationId: s.locationId, ...input } }, admin);
    expect(errorsOf(res.inventoryAdjust)).toEqual([{ field, code }]);
  });

  it('adjusts stock in one statement, checks and history included, whatever the outcome', async () => {
    const t = get();
    const s = await freshStock(t, admin, 'One-statement Kettle');
    await stampTenant(t, 'alpha');
    const adjust = `mutation($input: InventoryAdjustInput!) { inventoryAdjust(input: $input) {
      inventoryLevel { available } adjustment { delta quantityAfter } userErrors { code } } }`;
    const refused = (code: string) => ({ inventoryLevel: null, adjustment: null, userErrors: [{ code }] });
    // [delta, variant, answer, statements in a transaction besides its framing: a refusal rolls back to
    // its savepoint]. On Postgres the statement commits by itself (TenantDb.sole): one statement in all.
    const cases: [number, string, unknown, number][] = [
      [
        4,
        s.variantId,
        { inventoryLevel: { available: 4 }, adjustment: { delta: 4, quantityAfter: 4 }, userErrors: [] },
        1,
      ],
      [-9, s.variantId, refused('NOT_ENOUGH_STOCK'), 2],
      [-1, s.productId, refused('NOT_FOUND'), 2],
    ];
    for (const [delta, variantId, expected, statements] of cases) {
      const input = { variantId, locationId: s.locationId, delta, reason: 'count' };
      const res = await t.graphql<{ inventoryAdjust: unknown }>(adjust, { input }, admin);
      expect(res.body.data?.inventoryAdjust).toEqual(expected);
      const sent = kind === 'postgres' ? 1 : writeFraming(kind) + statements;
      expect(Number(res.headers.get('x-sql-statements'))).toBe(sent);
    }
    // Two root fields are one operation: they share a transaction, and an error in either undoes both.
    const twice = `mutation($a: InventoryAdjustInput!, $b: InventoryAdjustInput!) {
      a: inventoryAdjust(input: $a) { userErrors { code } } b: inventoryAdjust(input: $b) { userErrors { code } } }`;
    const input = { variantId: s.variantId, locationId: s.locationId, delta: 1, reason: 'count' };
    const both = await t.graphql(twice, { a: input, b: input }, admin);
    expect(both.body.errors).toBeUndefined();
    // The framing, each field's statement, and the second field's own savepoint.
    expect(Number(both.headers.get('x-sql-statements'))).toBe(writeFraming(kind) + 3);
    const history = await ok(t, HISTORY, { variantId: s.variantId, first: 5 }, admin);
    expect(history.inventoryAdjustments.nodes.map((a: { delta: number }) => a.delta)).toEqual([1, 1, 4]); // newest first

    // An id written with leading zeros names the same variant, and the answer names it as the database does.
    const [, localId] = /\/(\d+)$/.exec(Buffer.from(s.variantId, 'base64url').toString())!;
    const padded = Buffer.from(`gid://retail/ProductVariant/000${localId}`).toString('base64url');
    const again = await ok(
      t,
      ADJUST,
      { input: { variantId: padded, locationId: s.locationId, delta: 1, reason: 'count' } },
      admin,
    );
    expect(again.inventoryAdjust.inventoryLevel).toMatchObject({ available: 7, variant: { id: s.variantId } });
  });

  it('answers NOT_FOUND for unknown, mistyped or foreign variants and locations, and LESS_THAN_ZERO for a negative set', async () => {
    const t = get();
    const s = await freshStock(t, admin, 'Guarded Lamp');
    const beta = await freshStock(t, await t.admin('beta'), 'Beta Lamp');
    const cases = [
      [{ variantId: beta.variantId, locationId: s.locationId }, 'input.variantId'],
      [{ variantId: s.variantId, locationId: beta.locationId }, 'input.locationId'],
      [{ variantId: s.productId, locationId: s.locationId }, 'input.variantId'],
      [{ variantId: s.variantId, locationId: 'bm9wZQ' }, 'input.locationId'],
    ] as const;
    for (const [target, field] of cases) {
      const res = await ok(t, ADJUST, { input: { ...target, delta: 1, reason: 'x' } }, admin);
      expect(errorsOf(res.inventoryAdjust)).toEqual([{ field, code: 'NOT_FOUND' }]);
    }
    const negative = await ok(
      t,
      SET,
      { input: { variantId: s.variantId, locationId: s.locationId, quantity: -1, reason: 'x' } },
      admin,
    );
    expect(errorsOf(negative.inventorySet)).toEqual([{ field: 'input.quantity', code: 'LESS_THAN_ZERO' }]);
    const betaLevel = await ok(t, VARIANT, { id: beta.variantId }, await t.admin('beta'));
    expect(betaLevel.node.inventoryLevels).toEqual([]);
  });

  it('keeps stock to staff: the storefront sees totals, not levels, and cannot adjust', async () => {
    const t = get();
    const variant = (
      await ok(t, `{ products(first: 1) { nodes { variants(first: 1) { nodes { id } } } } }`, {}, t.storefront('alpha'))
    ).products.nodes[0].variants.nodes[0].id;
    const res = await t.graphql(VARIANT, { id: variant }, t.storefront('alpha'));
    expect(res.body.errors?.map((e) => [e.extensions?.code, e.path?.join('.')])).toEqual([
      ['FORBIDDEN', 'node.inventoryLevels'],
    ]);
    expect(res.body.data).toMatchObject({ node: { inventoryLevels: null } });
    expect(typeof (res.body.data as { node: { quantityAvailable: number } }).node.quantityAvailable).toBe('number');
    expect(await errorCodes(t, `{ locations(first: 1) { nodes { id } } }`, {}, t.storefront('alpha'))).toEqual([
      'FORBIDDEN',
    ]);
    const readOnly = await t.admin('alpha', { scopes: ['read_inventory', 'read_products'] });
    const s = { variantId: variant, locationId: 'x', delta: 1, reason: 'x' };
    expect(await errorCodes(t, ADJUST, { input: s }, readOnly)).toEqual(['FORBIDDEN']);
    expect(
      await errorCodes(t, `mutation { locationAdd(input: { name: "Nope" }) { userErrors { code } } }`, {}, readOnly),
    ).toEqual(['FORBIDDEN']);
  });

  it('names a location: BLANK and NUL-free names only', async () => {
    const t = get();
    const res = await ok(
      t,
      `mutation { locationAdd(input: { name: "   " }) { location { id } userErrors { field code } } }`,
      {},
      admin,
    );
    expect(res.locationAdd).toEqual({ location: null, userErrors: [{ field: ['input', 'name'], code: 'BLANK' }] });
  });
});
