import type { GatewayContext } from '../../src/sdk';

/** Drops a product's cached rows after a write, so the payload reads what was written. */
export function forgetProduct(ctx: GatewayContext, productId: string): void {
  const l = ctx.loaders;
  for (const loader of [
    l.productById,
    l.variantsByProduct,
    l.optionsByProduct,
    l.imagesByProduct,
    l.collectionsByProduct,
  ]) {
    loader.clear(productId);
  }
}
