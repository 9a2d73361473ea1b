import { encodeGlobalId, localIdOf, type GatewayContext, UserErrors } from '../../src/sdk';
import {
  addMembers,
  deleteCollection,
  existingProductIds,
  insertCollection,
  removeMembers,
  updateCollection,
  type CollectionFields,
} from '../../connectors/catalog/collection-writes';
import type { CatalogTables } from '../../connectors/catalog/tables';
import { Checker } from '../../connectors/catalog/validation';
import type { Kysely } from 'kysely';
import { attempt, notFound } from './attempt';
import { catalogElsewhere } from './elsewhere';
import { checkCollection } from './input-checks';
import type { MutationResolvers } from '../generated/resolvers-types';

const MAX_MEMBERS_PER_CALL = 250;

/** Local product ids of the tenant, or NOT_FOUND naming the first bad entry. */
async function productIdsOf(trx: Kysely<CatalogTables>, ctx: GatewayContext, gids: readonly string[], field: string[]) {
  if (gids.length > MAX_MEMBERS_PER_CALL) {
    throw new UserErrors([{ field, code: 'TOO_LONG', message: `At most ${MAX_MEMBERS_PER_CALL} products per call` }]);
  }
  const ids = gids.map((gid) => localIdOf(gid, 'Product'));
  const existing = await existingProductIds(
    trx,
    ctx.db.tenantId,
    ids.filter((id): id is string => id !== null),
  );
  const missing = ids.findIndex((id) => id === null || !existing.has(id));
  if (missing >= 0) throw notFound([...field, String(missing)], 'Product');
  return ids as string[];
}

function forget(ctx: GatewayContext, collectionId: string, productIds: readonly string[] = []) {
  ctx.loaders.collectionById.clear(collectionId);
  for (const id of productIds) ctx.loaders.collectionsByProduct.clear(id);
}

/** A membership change on an existing collection. */
function membership(change: typeof addMembers, mutation: string) {
  return async (_: unknown, args: { id: string; productIds: string[] }, ctx: GatewayContext) => {
    const elsewhere = await catalogElsewhere(ctx, 'Collection', mutation, { gid: args.id, field: ['id'] }, args);
    if (elsewhere) return { collection: elsewhere.value?.collection ?? null, userErrors: elsewhere.userErrors };
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const id = localIdOf(args.id, 'Collection');
      const collection = id ? await ctx.loaders.collectionById.load(id) : null;
      if (!collection) throw notFound(['id'], 'Collection');
      const productIds = await productIdsOf(trx, ctx, args.productIds, ['productIds']);
      await change(trx, ctx.db.tenantId, collection.id, productIds);
      forget(ctx, collection.id, productIds);
      return collection;
    });
    return { collection: value, userErrors };
  };
}

export const collectionMutations: MutationResolvers = {
  collectionCreate: async (
    _: unknown,
    { input }: { input: CollectionFields & { title: string; productIds?: string[] | null } },
    ctx: GatewayContext,
  ) => {
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const c = new Checker();
      checkCollection(c, ['input'], input, true);
      c.done();
      const productIds = await productIdsOf(trx, ctx, input.productIds ?? [], ['input', 'productIds']);
      const collection = await insertCollection(trx, ctx.db.tenantId, input);
      await addMembers(trx, ctx.db.tenantId, collection.id, productIds);
      forget(ctx, collection.id, productIds);
      return collection;
    });
    return { collection: value, userErrors };
  },

  collectionUpdate: async (
    _: unknown,
    { input }: { input: CollectionFields & { id: string } },
    ctx: GatewayContext,
  ) => {
    const target = { gid: input.id, field: ['input', 'id'] };
    const elsewhere = await catalogElsewhere(ctx, 'Collection', 'collectionUpdate', target, { input });
    if (elsewhere) return { collection: elsewhere.value?.collection ?? null, userErrors: elsewhere.userErrors };
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const c = new Checker();
      checkCollection(c, ['input'], input, false);
      c.done();
      const id = localIdOf(input.id, 'Collection');
      const row = id ? await updateCollection(trx, ctx.db.tenantId, id, input) : null;
      if (!row) throw notFound(['input', 'id'], 'Collection');
      forget(ctx, row.id);
      return row;
    });
    return { collection: value, userErrors };
  },

  collectionDelete: async (_: unknown, { input }: { input: { id: string } }, ctx: GatewayContext) => {
    const target = { gid: input.id, field: ['input', 'id'] };
    const elsewhere = await catalogElsewhere(ctx, 'Collection', 'collectionDelete', target, { input });
    if (elsewhere) return { deletedCollectionId: null, userErrors: elsewhere.userErrors };
    const { value, userErrors } = await attempt(ctx, async (trx) => {
      const id = localIdOf(input.id, 'Collection');
      if (!id || !(await deleteCollection(trx, ctx.db.tenantId, id))) throw notFound(['input', 'id'], 'Collection');
      forget(ctx, id);
      return encodeGlobalId('Collection', id);
    });
    return { deletedCollectionId: value, userErrors };
  },

  collectionAddProducts: membership(addMembers, 'collectionAddProducts'),
  collectionRemoveProducts: membership(removeMembers, 'collectionRemoveProducts'),
};
