import type { FakeStore } from './store';

const gid = (type: string, n: number) => `gid://shopify/${type}/${n}`;
/** Timestamps one hour apart from a fixed origin, so "updated after" filters are easy to aim. */
export const hour = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 3600_000).toISOString();

export interface SeedCounts {
  products?: number;
  variantsPerProduct?: number;
  collections?: number;
  locations?: number;
  customers?: number;
  orders?: number;
}

/**
 * Fills a store with a small, deterministic catalogue: product n was updated at hour(n), each
 * variant has an inventory level at every location, each order has two line items.
 */
export function seedStore(store: FakeStore, counts: SeedCounts = {}): FakeStore {
  const { products = 3, variantsPerProduct = 2, collections = 2, locations = 2, customers = 3, orders = 2 } = counts;
  for (let c = 1; c <= collections; c++) {
    store.collections.push({
      id: gid('Collection', c),
      title: `Collection ${c}`,
      handle: `collection-${c}`,
      updatedAt: hour(c),
    });
  }
  for (let l = 1; l <= locations; l++) {
    store.locations.push({
      id: gid('Location', l),
      name: `Store ${l}`,
      isActive: true,
      address: { address1: `${l} Main St`, city: 'Berlin', provinceCode: null, countryCode: 'DE', zip: '10115' },
      createdAt: hour(0),
      updatedAt: hour(l),
    });
  }
  for (let p = 1; p <= products; p++) {
    const variants = Array.from({ length: variantsPerProduct }, (_, i) => {
      const v = p * 100 + i + 1;
      return {
        id: gid('ProductVariant', v),
        title: `Size ${i + 1}`,
        sku: `SKU-${v}`,
        barcode: null,
        price: `${10 + i}.00`,
        compareAtPrice: null,
        position: i + 1,
        inventoryQuantity: 5,
        selectedOptions: [{ name: 'Size', value: String(i + 1) }],
        inventoryItemId: gid('InventoryItem', v),
        createdAt: hour(0),
        updatedAt: hour(p),
      };
    });
    store.products.push({
      id: gid('Product', p),
      title: `Product ${p}`,
      handle: `product-${p}`,
      status: 'ACTIVE',
      vendor: 'Acme',
      productType: 'Shirt',
      tags: ['seed'],
      descriptionHtml: `<p>Product ${p}</p>`,
      createdAt: hour(0),
      updatedAt: hour(p),
      variants,
      collectionIds: store.collections.length ? [store.collections[(p - 1) % store.collections.length].id] : [],
    });
    for (const v of variants) {
      for (const loc of store.locations) {
        store.inventoryLevels.push({
          id: `gid://shopify/InventoryLevel/${loc.id.split('/').pop()}?inventory_item_id=${v.inventoryItemId.split('/').pop()}`,
          inventoryItemId: v.inventoryItemId,
          locationId: loc.id,
          quantities: { available: 5, on_hand: 6, committed: 1 },
          updatedAt: hour(p),
        });
      }
    }
  }
  for (let c = 1; c <= customers; c++) {
    store.customers.push({
      id: gid('Customer', c),
      firstName: `Ada${c}`,
      lastName: 'Lovelace',
      email: `ada${c}@example.com`,
      phone: null,
      state: 'ENABLED',
      tags: [],
      numberOfOrders: '1',
      amountSpent: { amount: '20.00', currencyCode: 'EUR' },
      createdAt: hour(0),
      updatedAt: hour(c),
    });
  }
  for (let o = 1; o <= orders; o++) {
    const product = store.products[(o - 1) % Math.max(1, store.products.length)];
    store.orders.push({
      id: gid('Order', o),
      name: `#${1000 + o}`,
      email: `ada${o}@example.com`,
      createdAt: hour(o),
      updatedAt: hour(o),
      processedAt: hour(o),
      cancelledAt: null,
      displayFinancialStatus: 'PAID',
      displayFulfillmentStatus: 'UNFULFILLED',
      currencyCode: 'EUR',
      totalPrice: '21.00',
      customerId: store.customers[0]?.id ?? null,
      lineItems: [1, 2].map((i) => ({
        id: gid('LineItem', o * 10 + i),
        title: product?.title ?? 'Item',
        sku: product?.variants[0]?.sku ?? null,
        quantity: i,
        variantId: product?.variants[0]?.id ?? null,
        productId: product?.id ?? null,
        unitPrice: '10.50',
      })),
    });
  }
  return store;
}
