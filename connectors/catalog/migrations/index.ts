import * as products from './0001_products';
import * as merchandising from './0002_merchandising';
import * as search from './0003_search';
import * as variantShipping from './0004_variant_shipping';
import * as exactVariantPrices from './0005_exact_variant_prices';
import * as searchFacets from './0006_search_facets';
import * as searchMatches from './0007_search_matches';
import * as searchFacetIds from './0008_search_facet_ids';

export const migrations = {
  '0001_products': products,
  '0002_merchandising': merchandising,
  '0003_search': search,
  '0004_variant_shipping': variantShipping,
  '0005_exact_variant_prices': exactVariantPrices,
  '0006_search_facets': searchFacets,
  '0007_search_matches': searchMatches,
  '0008_search_facet_ids': searchFacetIds,
};
