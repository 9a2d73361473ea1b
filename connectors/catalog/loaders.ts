import DataLoader from 'dataloader';
import type { LoaderContext } from '../../src/sdk';
import {
  collectionProductCountLoader,
  collectionProductsLoader,
  type CollectionCountKey,
  type CollectionPageKey,
} from './collection-product-loaders';
import { choiceKey, groupBy, rowsById, rowsByParent, runShaped, selectColumns } from '../../src/sdk/db';
import type { ProductPage } from './product-list';
import type { CatalogTables, CollectionRow, ImageRow, OptionRow, ProductRow, VariantRow } from './tables';

declare module '../../src/sdk' {
  interface Loaders {
    productById: DataLoader<string, ProductRow | null>;
    variantById: DataLoader<string, VariantRow | null>;
    optionById: DataLoader<string, OptionRow | null>;
    imageById: DataLoader<string, ImageRow | null>;
    collectionById: DataLoader<string, CollectionRow | null>;
    variantsByProduct: DataLoader<string, VariantRow[]>;
    optionsByProduct: DataLoader<string, OptionRow[]>;
    imagesByProduct: DataLoader<string, ImageRow[]>;
    collectionsByProduct: DataLoader<string, CollectionRow[]>;
    collectionProducts: DataLoader<CollectionPageKey, ProductPage, string>;
    collectionProductCount: DataLoader<CollectionCountKey, number, string>;
  }
}

/** Child rows of many products in one statement, in display position order. */
function byProduct<R extends { product_id: string }>(
  ctx: LoaderContext,
  table: 'product_variants' | 'product_options' | 'product_images',
  type: string,
) {
  return rowsByParent<R>(ctx, table, type, 'product_id', ['position', 'id']);
}

function collectionsByProduct({ db, columns, guardBatch }: LoaderContext) {
  return new DataLoader<string, CollectionRow[]>(
    guardBatch(async (productIds) => {
      const conn = await db.get<CatalogTables>();
      const choice = columns('Collection');
      const key = `collectionsByProduct ${choiceKey(choice)}`;
      const rows = await runShaped(conn, key, [db.tenantId, [...productIds]], (shape: typeof conn, [tenant, ids]) =>
        selectColumns(
          shape.selectFrom('collection_products as cp').innerJoin('collections as c', 'c.id', 'cp.collection_id'),
          choice,
          'c',
        )
          .select('cp.product_id')
          .where('cp.tenant_id', '=', tenant as string)
          .where('cp.product_id', '=', (eb) => eb.fn.any(eb.val(ids as string[])))
          .orderBy('c.id'),
      );
      const groups = groupBy(rows, (row) => row.product_id);
      return productIds.map((id) => choice.guard((groups.get(id) ?? []).map(({ product_id: _p, ...c }) => c)));
    }),
  );
}

export function createCatalogLoaders(ctx: LoaderContext) {
  return {
    productById: rowsById<ProductRow>(ctx, 'products', 'Product'),
    variantById: rowsById<VariantRow>(ctx, 'product_variants', 'ProductVariant'),
    optionById: rowsById<OptionRow>(ctx, 'product_options', 'ProductOption'),
    imageById: rowsById<ImageRow>(ctx, 'product_images', 'Image'),
    collectionById: rowsById<CollectionRow>(ctx, 'collections', 'Collection'),
    variantsByProduct: byProduct<VariantRow>(ctx, 'product_variants', 'ProductVariant'),
    optionsByProduct: byProduct<OptionRow>(ctx, 'product_options', 'ProductOption'),
    imagesByProduct: byProduct<ImageRow>(ctx, 'product_images', 'Image'),
    collectionsByProduct: collectionsByProduct(ctx),
    collectionProducts: collectionProductsLoader(ctx),
    collectionProductCount: collectionProductCountLoader(ctx),
  };
}
