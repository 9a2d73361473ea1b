/** The pages the benchmark times: the GraphQL each client sends, and who sends it. */
export type ScenarioName = 'storefront' | 'rated' | 'product' | 'orders' | 'adjust' | 'search' | 'predictive';

/** Scenarios without a hand-written baseline (search): the gateway's figures are reported alone. */
export const GATEWAY_ONLY: readonly ScenarioName[] = ['search', 'predictive'];

export interface Scenario {
  name: ScenarioName;
  label: string;
  caller: 'storefront' | 'admin';
  query: string;
  variables: Record<string, unknown>;
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

const SEARCH = `query Search($query: String!) {
  search(query: $query, first: 24) {
    totalCount
    nodes { id handle title vendor priceRange { minVariantPrice ${money} } }
    productFilters { id label type values { label count input } }
  }
}`;

const PREDICTIVE = `query Predictive($query: String!) {
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
}

export function scenarios(ids: BenchIds): Scenario[] {
  return [
    {
      name: 'storefront',
      label: '(a) storefront listing',
      caller: 'storefront',
      query: STOREFRONT_LISTING,
      variables: { first: 50 },
    },
    {
      name: 'rated',
      label: '(g) listing + subgraph rating',
      caller: 'storefront',
      query: RATED_LISTING,
      variables: { first: 50 },
    },
    {
      name: 'product',
      label: '(b) product by handle',
      caller: 'storefront',
      query: PRODUCT_PAGE,
      variables: { handle: 'bench-product-123' },
    },
    { name: 'orders', label: '(c) admin orders page', caller: 'admin', query: ORDERS_PAGE, variables: { first: 50 } },
    {
      name: 'adjust',
      label: '(d) inventory adjustment',
      caller: 'admin',
      query: INVENTORY_ADJUST,
      variables: { input: { ...ids, delta: 1, reason: 'correction' } },
    },
    // A word every tenth product has in its title, with all facets and 24 results.
    {
      name: 'search',
      label: '(e) search with facets',
      caller: 'storefront',
      query: SEARCH,
      variables: { query: 'jacket' },
    },
    {
      name: 'predictive',
      label: '(f) predictive, 3 letters',
      caller: 'storefront',
      query: PREDICTIVE,
      variables: { query: 'bac' },
    },
  ];
}
