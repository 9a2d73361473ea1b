import DataLoader from 'dataloader';
import type { LoaderContext, TenantDb } from '../../src/sdk';
import {
  collectionProductCountLoader,
  collectionProductsLoader,
  type CollectionCountKey,
  type CollectionPageKey,
} from './collection-product-loaders';
import { groupBy, rowsById, rowsByParent } from '../postgres/batch-loaders';
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
  db: TenantDb,
  table: 'product_variants' | 'product_options' | 'product_images',
) {
  return rowsByParent<R>(db, table, 'product_id', ['position', 'id']);
}

function collectionsByProduct(db: TenantDb) {
  return new DataLoader<string, CollectionRow[]>(async (productIds) => {
    const conn = await db.get<CatalogTables>();
    const rows = await conn
      .selectFrom('collection_products as cp')
      .innerJoin('collections as c', 'c.id', 'cp.collection_id')
      .selectAll('c')
      .select('cp.product_id')
      .where('cp.tenant_id', '=', db.tenantId)
      .where('cp.product_id', '=', (eb) => eb.fn.any(eb.val([...productIds])))
      .orderBy('c.id')
      .execute();
    const groups = groupBy(rows, (row) => row.product_id);
    return productIds.map((id) => (groups.get(id) ?? []).map(({ product_id: _p, ...c }) => c));
  });
}

export function createCatalogLoaders({ db }: LoaderContext) {
  return {
    productById: rowsById<ProductRow>(db, 'products'),
    variantById: rowsById<VariantRow>(db, 'product_variants'),
    optionById: rowsById<OptionRow>(db, 'product_options'),
    imageById: rowsById<ImageRow>(db, 'product_images'),
    collectionById: rowsById<CollectionRow>(db, 'collections'),
    variantsByProduct: byProduct<VariantRow>(db, 'product_variants'),
    optionsByProduct: byProduct<OptionRow>(db, 'product_options'),
    imagesByProduct: byProduct<ImageRow>(db, 'product_images'),
    collectionsByProduct: collectionsByProduct(db),
    collectionProducts: collectionProductsLoader(db),
    collectionProductCount: collectionProductCountLoader(db),
  };
}
