import { describeEachDatabase } from '../kit/each-database';
import { catalogSuite, ok } from './catalog-kit';
import { ADJUST, freshStock, SET } from './inventory-kit';

describeEachDatabase('inventory under concurrency', catalogSuite(), (get) => {
  it('lets only one of two concurrent removals of the last units succeed', async () => {
    const t = get();
    const admin = await t.admin('alpha');
    const s = await freshStock(t, admin, 'Last Units');
    const target = { variantId: s.variantId, locationId: s.locationId };
    await ok(t, SET, { input: { ...target, quantity: 3, reason: 'count' } }, admin);
    const results = await Promise.all(
      [1, 2].map(() => ok(t, ADJUST, { input: { ...target, delta: -2, reason: 'sold' } }, admin)),
    );
    const codes = results.map((r) => r.inventoryAdjust.userErrors.map((e: { code: string }) => e.code).join());
    expect(codes.sort()).toEqual(['', 'NOT_ENOUGH_STOCK']);
    const level = await ok(
      t,
      `query($id: ID!) { node(id: $id) { ... on ProductVariant { quantityAvailable } } }`,
      { id: s.variantId },
      admin,
    );
    expect(level.node.quantityAvailable).toBe(1);
  });

  it('never oversells or goes below zero when many removals race', async () => {
    const t = get();
    const admin = await t.admin('alpha');
    const s = await freshStock(t, admin, 'Racing Units');
    const target = { variantId: s.variantId, locationId: s.locationId };
    await ok(t, SET, { input: { ...target, quantity: 5, reason: 'count' } }, admin);
    const results = await Promise.all(
      Array.from({ length: 9 }, () => ok(t, ADJUST, { input: { ...target, delta: -1, reason: 'sold' } }, admin)),
    );
    const succeeded = results.filter((r) => r.inventoryAdjust.userErrors.length === 0);
    expect(succeeded).toHaveLength(5);
    expect(results.length - succeeded.length).toBe(4);
    const after = succeeded.map((r) => r.inventoryAdjust.adjustment.quantityAfter).sort();
    expect(after).toEqual([0, 1, 2, 3, 4]);
    const history = await ok(
      t,
      `query($v: ID!) { inventoryAdjustments(variantId: $v, first: 20) { nodes { delta } } }`,
      { v: s.variantId },
      admin,
    );
    expect(history.inventoryAdjustments.nodes.map((a: { delta: number }) => a.delta)).toEqual([-1, -1, -1, -1, -1, 5]);
  });
});
