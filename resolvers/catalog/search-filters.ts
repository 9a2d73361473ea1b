import type { FacetCounts } from '../../connectors/catalog/search-facets';
import type { ProductFilterArg } from './args';

export interface FilterValueOut {
  id: string;
  label: string;
  count: number;
  input: string;
}

export interface FilterOut {
  id: string;
  label: string;
  type: 'LIST' | 'PRICE_RANGE' | 'BOOLEAN';
  values: FilterValueOut[];
}

const slug = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-');

function value(facet: string, label: string, count: number, input: ProductFilterArg): FilterValueOut {
  return { id: `${facet}.${slug(label)}`, label, count, input: JSON.stringify(input) };
}

function listFilter(id: string, label: string, pairs: [string, number][], input: (v: string) => ProductFilterArg) {
  return {
    id,
    label,
    type: 'LIST' as const,
    values: pairs.map(([v, n]) => value(id, v, n, input(v))),
  };
}

/** Shopify-shaped facets (ids like filter.p.vendor) from the counts of one statement. */
export function filtersOf(facets: FacetCounts): FilterOut[] {
  const { available, price } = facets;
  const out: FilterOut[] = [
    {
      id: 'filter.v.availability',
      label: 'Availability',
      type: 'LIST',
      values: [
        value('filter.v.availability', 'In stock', available.inStock, { availableForSale: true }),
        value('filter.v.availability', 'Out of stock', available.outOfStock, { availableForSale: false }),
      ],
    },
    {
      id: 'filter.v.price',
      label: 'Price',
      type: 'PRICE_RANGE',
      values: [
        {
          id: 'filter.v.price',
          label: 'Price',
          count: price.count,
          input: JSON.stringify({ price: { min: price.min, max: price.max } }),
        },
      ],
    },
    listFilter('filter.p.vendor', 'Vendor', facets.vendors, (vendor) => ({ vendor })),
    listFilter('filter.p.product_type', 'Product type', facets.productTypes, (productType) => ({ productType })),
    listFilter('filter.p.tag', 'Tag', facets.tags, (tag) => ({ tag })),
  ];
  const options = new Map<string, [string, number][]>();
  for (const [name, v, n] of facets.options) options.set(name, [...(options.get(name) ?? []), [v, n]]);
  for (const [name, pairs] of options) {
    out.push(listFilter(`filter.v.option.${slug(name)}`, name, pairs, (v) => ({ variantOption: { name, value: v } })));
  }
  return out;
}
