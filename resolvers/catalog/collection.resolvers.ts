import { connectionOf, encodeGlobalId, pageOf, type GatewayContext, type PageArgs } from '../../src/sdk';
import { collectionByHandle } from '../../connectors/catalog/by-handle';
import { countCollections, listCollections, type CollectionSortKey } from '../../connectors/catalog/collections';
import type { CollectionRow } from '../../connectors/catalog/tables';
import { idArg, productSearch, textArg, type ProductFilterArg } from './args';
import { collectionProductConnection, type ProductListArgs } from './product-connection';
import { readsAll, visibleCollection } from './visibility';
import type { CollectionResolvers, QueryResolvers } from '../generated/resolvers-types';

interface CollectionsArgs extends PageArgs {
  query?: string | null;
  sortKey?: CollectionSortKey | null;
  reverse?: boolean | null;
}

async function findCollection(ctx: GatewayContext, id: string | null, handle: string | null) {
  const row = id
    ? await ctx.loaders.collectionById.load(id)
    : handle
      ? await collectionByHandle(ctx.db, handle, ctx.columns('Collection'))
      : null;
  return visibleCollection(ctx, row);
}

export const collectionResolvers: { Query: QueryResolvers; Collection: CollectionResolvers } = {
  Query: {
    collections: async (_: unknown, args: CollectionsArgs, ctx: GatewayContext) => {
      const page = pageOf(args);
      const storefront = !readsAll(ctx);
      const text = textArg(args.query, 'query')?.trim() || null;
      const listing = { storefront, text, sortKey: args.sortKey ?? 'ID', reverse: args.reverse ?? false };
      const { rows, cursorOf } = await listCollections(ctx.db, listing, page, ctx.columns('Collection'));
      return connectionOf(rows, page, cursorOf, () => countCollections(ctx.db, storefront, text));
    },
    collection: (_: unknown, args: { id?: string | null; handle?: string | null }, ctx: GatewayContext) =>
      findCollection(ctx, idArg(args.id, 'Collection', 'id'), textArg(args.handle, 'handle')),
    collectionByHandle: (_: unknown, args: { handle: string }, ctx: GatewayContext) =>
      findCollection(ctx, null, textArg(args.handle, 'handle')),
  },
  Collection: {
    id: (row: CollectionRow) => encodeGlobalId('Collection', row.id),
    publishedAt: (row: CollectionRow) => row.published_at,
    createdAt: (row: CollectionRow) => row.created_at,
    updatedAt: (row: CollectionRow) => row.updated_at,
    products: (
      row: CollectionRow,
      args: ProductListArgs & { filter?: ProductFilterArg | null; filters?: ProductFilterArg[] | null },
      ctx: GatewayContext,
    ) =>
      collectionProductConnection(
        ctx,
        row.id,
        { ...productSearch(ctx, null, args.filter, args.filters), collectionId: null },
        args,
      ),
  },
};
