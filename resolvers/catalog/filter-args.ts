import { GatewayError, localIdOf } from '../../src/sdk';
import { emptyGroups, type FilterGroups } from '../../connectors/catalog/filter-groups';
import type { ProductStatus } from '../../connectors/catalog/tables';

export interface ProductFilterArg {
  collectionId?: string | null;
  productType?: string | null;
  vendor?: string | null;
  tag?: string | null;
  price?: { min?: string | null; max?: string | null } | null;
  availableForSale?: boolean | null;
  status?: ProductStatus | null;
  variantOption?: { name: string; value: string } | null;
}

function collectionId(value: string): string {
  const id = localIdOf(value, 'Collection');
  if (!id)
    throw new GatewayError('BAD_USER_INPUT', 'filters.collectionId is not a Collection id', { argument: 'filters' });
  return id;
}

/** More filters than any facet list offers is a mistake or an attack. */
const MAX_FILTERS = 50;
const MAX_TEXT = 255;

function text(value: string, argument: string): string {
  if (value.length > MAX_TEXT || value.includes('\0')) {
    throw new GatewayError('BAD_USER_INPUT', `${argument} must be at most ${MAX_TEXT} characters, without NUL`, {
      argument,
    });
  }
  return value;
}

/**
 * The list form of filters grouped by kind (Shopify's `filters` / `productFilters`): each element names
 * one value; values of one kind are alternatives, kinds all apply.
 */
export function filterGroups(filters: readonly ProductFilterArg[]): FilterGroups | null {
  if (filters.length === 0) return null;
  if (filters.length > MAX_FILTERS) {
    throw new GatewayError('BAD_USER_INPUT', `at most ${MAX_FILTERS} filters`, { argument: 'filters' });
  }
  const groups = emptyGroups();
  for (const f of filters) {
    if (f.collectionId != null) groups.collections.push(collectionId(f.collectionId));
    if (f.status != null) groups.statuses.push(f.status);
    if (f.vendor != null) groups.vendors.push(text(f.vendor, 'filters.vendor'));
    if (f.productType != null) groups.productTypes.push(text(f.productType, 'filters.productType'));
    if (f.tag != null) groups.tags.push(text(f.tag, 'filters.tag'));
    if (f.availableForSale != null) groups.available.push(f.availableForSale);
    if (f.price) groups.prices.push({ min: f.price.min ?? null, max: f.price.max ?? null });
    if (f.variantOption) {
      const name = text(f.variantOption.name, 'filters.variantOption.name');
      const values = Object.hasOwn(groups.options, name) ? groups.options[name] : [];
      groups.options[name] = [...values, text(f.variantOption.value, 'filters.variantOption.value')];
    }
  }
  return groups;
}
