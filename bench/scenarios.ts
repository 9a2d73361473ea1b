/** The pages the benchmark times: the GraphQL each client sends, and who sends it. */
import { CHECKOUT_STEPS } from './checkout-steps';

export type ScenarioName =
  | 'storefront'
  | 'rated'
  | 'product'
  | 'orders'
  | 'adjust'
  | 'search'
  | 'predictive'
  | 'typename'
  | 'checkout'
  | 'tenants';

/** Scenarios without a hand-written baseline (predictive search): the gateway's figures are reported alone. */
export const GATEWAY_ONLY: readonly ScenarioName[] = ['predictive'];

export interface Scenario {
  name: ScenarioName;
  label: string;
  caller: 'storefront' | 'admin';
  query: string;
  variables: Record<string, unknown>;
  /** The letter BENCH_SCENARIOS picks it by (a to j). */
  letter: string;
}

const money = '{ amount currencyCode }';

const STOREFRONT_LISTING = `query StorefrontListing($first: Int!) {
  products(first: $first) {
    nodes {
      id handle title vendor availableForSale
      priceRange { minVariantPrice ${money} maxVariantPrice ${money} }
      variants(first: 3) { nodes { id title sku availableForSale quantityAvailable price ${money} } }
    }
  }
}`;

/** The storefront listing with each product's rating from the reviews subgraph (one `_entities` call). */
export const RATED_LISTING = STOREFRONT_LISTING.replace('StorefrontListing', 'RatedListing').replace(
  'availableForSale\n',
  'availableForSale rating\n',
);

const PRODUCT_PAGE = `query ProductPage($handle: String!) {
  product(handle: $handle) {
    id handle title description vendor productType tags
    priceRange { minVariantPrice ${money} maxVariantPrice ${money} }
    variants(first: 10) { nodes { id title sku price ${money} selectedOptions { name value } } }
    collections(first: 10) { nodes { id handle title } }
  }
}`;

const ORDERS_PAGE = `query OrdersPage($first: Int!) {
  orders(first: $first) {
    nodes {
      id name createdAt financialStatus fulfillmentStatus totalPrice ${money}
      customer { id email firstName lastName }
      lineItems(first: 5) {
        nodes {
          id title quantity originalUnitPrice ${money}
          variant { id title sku }
          product { id handle title }
        }
      }
    }
  }
}`;

const INVENTORY_ADJUST = `mutation InventoryAdjust($input: InventoryAdjustInput!) {
  inventoryAdjust(input: $input) {
    inventoryLevel { available }
    adjustment { delta reason quantityAfter }
    userErrors { field code message }
  }
}`;

export const SEARCH = `query Search($query: String!) {
  search(query: $query, first: 24) {
    totalCount
    nodes { id handle title vendor priceRange { minVariantPrice ${money} } }
    productFilters { id label type values { label count input } }
  }
}`;

/** The fixed price of a request: no resolver, no SQL, only the HTTP edge, authentication and Apollo. */
const TYPENAME = '{ __typename }';

export const PREDICTIVE = `query Predictive($query: String!) {
  predictiveSearch(query: $query, limit: 6) {
    products { id handle title }
    collections { id handle title }
    queries { text styledText }
  }
}`;

/** Ids the write scenario needs (the first variant and location of the bench tenant). */
export interface BenchIds {
  variantId: string;
  locationId: string;
  /** The three variants a checkout (i) buys, one of each. */
  checkoutVariantIds: string[];
}

export function scenarios(ids: BenchIds): Scenario[] {
  return [
    {
      name: 'storefront',
      letter: 'a',
      label: '(a) storefront listing',
      caller: 'storefront',
      query: STOREFRONT_LISTING,
      variables: { first: 50 },
    },
    {
      name: 'rated',
      letter: 'g',
      label: '(g) listing + subgraph rating',
      caller: 'storefront',
      query: RATED_LISTING,
      variables: { first: 50 },
    },
    {
      name: 'product',
      letter: 'b',
      label: '(b) product by handle',
      caller: 'storefront',
      query: PRODUCT_PAGE,
      variables: { handle: 'bench-product-123' },
    },
    {
      name: 'orders',
      letter: 'c',
      label: '(c) admin orders page',
      caller: 'admin',
      query: ORDERS_PAGE,
      variables: { first: 50 },
    },
    {
      name: 'adjust',
      letter: 'd',
      label: '(d) inventory adjustment',
      caller: 'admin',
      query: INVENTORY_ADJUST,
      variables: { input: { variantId: ids.variantId, locationId: ids.locationId, delta: 1, reason: 'correction' } },
    },
    // A word every tenth product has in its title, with all facets and 24 results.
    {
      name: 'search',
      letter: 'e',
      label: '(e) search with facets',
      caller: 'storefront',
      query: SEARCH,
      variables: { query: 'jacket' },
    },
    {
      name: 'predictive',
      letter: 'f',
      label: '(f) predictive, 3 letters',
      caller: 'storefront',
      query: PREDICTIVE,
      variables: { query: 'bac' },
    },
    {
      name: 'typename',
      letter: 'h',
      label: '(h) { __typename }',
      caller: 'storefront',
      query: TYPENAME,
      variables: {},
    },
    // One unit is a whole checkout, five requests (bench/checkout-steps.ts); the query is its first step.
    {
      name: 'checkout',
      letter: 'i',
      label: '(i) checkout, 5 requests',
      caller: 'storefront',
      query: CHECKOUT_STEPS[0].query,
      variables: {},
    },
    // The listing over 50 tenants of their own (bench/many-tenants.ts) against one of them alone.
    {
      name: 'tenants',
      letter: 'j',
      label: '(j) listing over 50 tenants',
      caller: 'storefront',
      query: STOREFRONT_LISTING,
      variables: { first: 50 },
    },
  ];
}

/** The scenarios BENCH_SCENARIOS names by letter (`a,c,i`), or all of them. */
export function picked(list: Scenario[], letters = process.env.BENCH_SCENARIOS): Scenario[] {
  if (!letters) return list;
  const wanted = new Set(letters.split(',').map((l) => l.trim().toLowerCase()));
  const found = list.filter((s) => wanted.has(s.letter));
  if (found.length === 0) throw new Error(`BENCH_SCENARIOS=${letters} names no scenario (letters a to j)`);
  return found;
}
