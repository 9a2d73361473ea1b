import { localIdOf, type UserError, type WriteThroughCall } from '../../src/sdk';
import { SOURCE, type ShopifyTrx } from './tables';
import type { ReadOutside, ShopifyWrite } from './write-through';

/** Our ids and Shopify ids of the given products, in order (null: not found, or not Shopify's). */
async function shopifyProducts(trx: ShopifyTrx, tenantId: string, gids: readonly string[]) {
  const ids = gids.map((gid) => localIdOf(gid, 'Product'));
  const known = ids.filter((id): id is string => id !== null);
  const rows =
    known.length === 0
      ? []
      : await trx
          .selectFrom('products')
          .select(['id', 'external_id'])
          .where('tenant_id', '=', tenantId)
          .where('source', '=', SOURCE)
          .where('id', 'in', known)
          .execute();
  return ids.map((id) => rows.find((r) => r.id === id) ?? null);
}

/**
 * A Shopify collection's products change in Shopify (`collectionAddProductsV2`, an asynchronous job
 * there, or `collectionRemoveProducts`); once Shopify accepted, our memberships change the same way.
 * Only Shopify's products can join a Shopify collection.
 */
function membership(add: boolean) {
  return async (call: WriteThroughCall, read: ReadOutside): Promise<ShopifyWrite | UserError[]> => {
    const { productIds } = call.change.args as { productIds: string[] };
    const tenantId = call.ctx.tenant.id;
    if (productIds.length === 0) return [];
    const products = await read((trx) => shopifyProducts(trx, tenantId, productIds));
    const missing = products.findIndex((p) => !p?.external_id);
    if (missing >= 0) {
      return [
        {
          field: ['productIds', String(missing)],
          code: 'NOT_FOUND',
          message: 'Product not found in Shopify: only Shopify products join a Shopify collection',
        },
      ];
    }
    const root = add ? 'collectionAddProductsV2' : 'collectionRemoveProducts';
    return {
      document: `mutation Members($id: ID!, $productIds: [ID!]!) {
        ${root}(id: $id, productIds: $productIds) { job { id } userErrors { field message } } }`,
      variables: { id: call.externalId, productIds: products.map((p) => p!.external_id) },
      root,
      field: (path) => (path[0] === 'productIds' ? ['productIds', ...path.slice(1)] : undefined),
      async apply(trx) {
        const ours = products.map((p) => p!.id);
        if (add) {
          await trx
            .insertInto('collection_products')
            .values(
              ours.map((product_id) => ({
                tenant_id: tenantId,
                collection_id: call.change.id,
                product_id,
                position: 0,
              })),
            )
            .onConflict((oc) => oc.doNothing())
            .execute();
        } else {
          await trx
            .deleteFrom('collection_products')
            .where('tenant_id', '=', tenantId)
            .where('collection_id', '=', call.change.id)
            .where('product_id', 'in', ours)
            .execute();
        }
      },
    };
  };
}

export const collectionAddProducts = membership(true);
export const collectionRemoveProducts = membership(false);
