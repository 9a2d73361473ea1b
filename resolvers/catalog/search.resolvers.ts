import { connectionOf, GatewayError, pageOf, type GatewayContext, type PageArgs } from '../../src/sdk';
import { listProducts } from '../../connectors/catalog/product-list';
import type { ProductSearch } from '../../connectors/catalog/product-filters';
import { facetCounts, type FacetCounts } from '../../connectors/catalog/search-facets';
import { searchPageAndFacets } from '../../connectors/catalog/search-page';
import { parseSearchQuery, SearchQueryError, type Clause } from '../../connectors/catalog/search-query';
import { productSearch, type ProductFilterArg } from './args';
import { predictiveSearch } from './predictive-search';
import { filtersOf } from './search-filters';
import type { ProductSearchConnectionResolvers, QueryResolvers } from '../generated/resolvers-types';
import type { SearchConnection } from '../../connectors/catalog/tables';

interface SearchArgs extends PageArgs {
  query: string;
  productFilters?: ProductFilterArg[] | null;
  sortKey?: 'RELEVANCE' | 'PRICE' | null;
  reverse?: boolean | null;
}

/** The parsed query; a query over the limits is the caller's mistake. */
export function clausesOf(query: string): Clause[] {
  try {
    return parseSearchQuery(query);
  } catch (error) {
    if (error instanceof SearchQueryError)
      throw new GatewayError('BAD_USER_INPUT', error.message, { argument: 'query' });
    throw error;
  }
}

/** Whether the operation asks a search for its total or its facets (read with the page when it does). */
const selectsCounts = (ctx: GatewayContext) =>
  ctx.selects('ProductSearchConnection', 'totalCount') || ctx.selects('ProductSearchConnection', 'productFilters');

/**
 * One page of matches, and the total and the facets when selected: for a page ranked by relevance, read
 * with the page in one statement (search-page.ts); otherwise from one more statement.
 */
async function search(ctx: GatewayContext, args: SearchArgs) {
  const page = pageOf(args);
  const base = productSearch(ctx, null, null, args.productFilters);
  const search: ProductSearch = { ...base, clauses: clausesOf(args.query) };
  const listing = { search, sortKey: args.sortKey ?? 'RELEVANCE', reverse: args.reverse ?? false };
  const columns = ctx.columns('Product');
  const both = selectsCounts(ctx) ? await searchPageAndFacets(ctx.db, listing, page, columns) : null;
  const { rows, cursorOf } = both ?? (await listProducts(ctx.db, listing, page, columns));
  for (const row of rows) ctx.loaders.productById.prime(row.id, row);
  let facets: Promise<FacetCounts> | undefined = both ? Promise.resolve(both.facets) : undefined;
  const counted = () => (facets ??= facetCounts(ctx.db, search));
  return Object.assign(
    connectionOf(rows, page, cursorOf, () => counted().then((f) => f.total)),
    { productFilters: () => counted().then(filtersOf) },
  );
}

export const searchResolvers: {
  Query: QueryResolvers;
  ProductSearchConnection: ProductSearchConnectionResolvers;
} = {
  Query: {
    search: (_: unknown, args: SearchArgs, ctx: GatewayContext) => search(ctx, args),
    predictiveSearch: (_: unknown, args: { query: string; limit?: number | null }, ctx: GatewayContext) =>
      predictiveSearch(ctx, clausesOf(args.query), args.limit ?? 10),
  },
  // Lists are not resolved from a function-valued property: run the shared facet statement here.
  ProductSearchConnection: { productFilters: (parent: SearchConnection) => parent.productFilters() },
};
