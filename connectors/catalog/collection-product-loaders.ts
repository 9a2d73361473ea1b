import DataLoader from 'dataloader';
import type { LoaderContext, Page } from '../../src/sdk';
import type { ProductSearch } from './product-filters';
import {
  countProductsInCollections,
  listProductsInCollections,
  type ListedProduct,
  type ProductListing,
  type ProductPage,
} from './product-list';

/** One collection's page: the collection, and the listing and page every sibling shares. */
export interface CollectionPageKey {
  collectionId: string;
  listing: ProductListing;
  page: Page;
}

export interface CollectionCountKey {
  collectionId: string;
  search: ProductSearch;
}

/** Groups keys that differ only by collection, preserving the order of first appearance. */
function groupByRest<K extends { collectionId: string }>(keys: readonly K[]): Map<string, K[]> {
  const groups = new Map<string, K[]>();
  for (const key of keys) {
    const { collectionId: _c, ...rest } = key;
    const group = JSON.stringify(rest);
    groups.set(group, [...(groups.get(group) ?? []), key]);
  }
  return groups;
}

const cacheKeyFn = (key: object) => JSON.stringify(key);

/** Products of many collections: one statement per distinct listing (siblings share one). */
export function collectionProductsLoader({ db, columns, guardBatch }: LoaderContext) {
  return new DataLoader<CollectionPageKey, ProductPage, string>(
    guardBatch(async (keys) => {
      const results = new Map<CollectionPageKey, ProductPage>();
      for (const group of groupByRest(keys).values()) {
        const ids = group.map((k) => k.collectionId);
        const { pages, cursorOf } = await listProductsInCollections(
          db,
          group[0].listing,
          group[0].page,
          ids,
          columns('Product'),
        );
        for (const key of group)
          results.set(key, { rows: pages.get(key.collectionId) ?? ([] as ListedProduct[]), cursorOf });
      }
      return keys.map((key) => results.get(key)!);
    }),
    { cacheKeyFn },
  );
}

export function collectionProductCountLoader({ db, guardBatch }: LoaderContext) {
  return new DataLoader<CollectionCountKey, number, string>(
    guardBatch(async (keys) => {
      const results = new Map<CollectionCountKey, number>();
      for (const group of groupByRest(keys).values()) {
        const counts = await countProductsInCollections(
          db,
          group[0].search,
          group.map((k) => k.collectionId),
        );
        for (const key of group) results.set(key, counts.get(key.collectionId) ?? 0);
      }
      return keys.map((key) => results.get(key)!);
    }),
    { cacheKeyFn },
  );
}
