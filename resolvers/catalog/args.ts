import { GatewayError, localIdOf, type GatewayContext } from '../../src/sdk';
import type { ProductSearch } from '../../connectors/catalog/product-filters';
import { filterGroups, type ProductFilterArg } from './filter-args';
import { readsAll } from './visibility';

export type { ProductFilterArg };

const MAX_TEXT = 255;

/** A text argument safe to send to Postgres (no NUL byte), bounded; null when absent. */
export function textArg(value: string | null | undefined, argument: string): string | null {
  if (value == null) return null;
  if (value.length > MAX_TEXT || value.includes('\0')) {
    throw new GatewayError('BAD_USER_INPUT', `${argument} must be at most ${MAX_TEXT} characters, without NUL`, {
      argument,
    });
  }
  return value;
}

/** A global id argument of the given type; malformed or of another type is BAD_USER_INPUT. */
export function idArg(value: string | null | undefined, type: string, argument: string): string | null {
  if (value == null) return null;
  const id = localIdOf(value, type);
  if (!id) throw new GatewayError('BAD_USER_INPUT', `${argument} is not a ${type} id`, { argument });
  return id;
}

/** The validated search of `products(query, filter)`: never wider than the caller may see. */
export function productSearch(
  ctx: GatewayContext,
  query: string | null | undefined,
  filter: ProductFilterArg | null | undefined,
  filters?: readonly ProductFilterArg[] | null,
): ProductSearch {
  const f = filter ?? {};
  const text = textArg(query, 'query')?.trim() || null;
  return {
    storefront: !readsAll(ctx),
    text,
    collectionId: idArg(f.collectionId, 'Collection', 'filter.collectionId'),
    productType: textArg(f.productType, 'filter.productType'),
    vendor: textArg(f.vendor, 'filter.vendor'),
    tag: textArg(f.tag, 'filter.tag'),
    minPrice: f.price?.min ?? null,
    maxPrice: f.price?.max ?? null,
    availableForSale: f.availableForSale ?? null,
    status: f.status ?? null,
    groups: filterGroups([...(filters ?? []), ...(f.variantOption ? [{ variantOption: f.variantOption }] : [])]),
  };
}
