/** Deterministic demo catalog data, so demo shops and tests agree across machines. */
const ADJECTIVES = ['Alpine', 'Coastal', 'Urban', 'Classic', 'Trail', 'Summit', 'Harbor', 'Meadow', 'Canyon', 'Nordic'];
export const NOUNS = ['Jacket', 'Backpack', 'Boot', 'Beanie', 'Tee', 'Hoodie', 'Tent', 'Mug', 'Lamp', 'Blanket'];
const VENDORS = ['Northwind', 'Evergreen Co', 'Blue Ridge', 'Fjord'];
const SIZES = ['S', 'M', 'L'];

export const DEMO_PRODUCTS_PER_TENANT = 200;

export type ProductStatus = 'ACTIVE' | 'DRAFT' | 'ARCHIVED';

/** Every 25th product is a draft and every 50th (offset) archived: hidden from the storefront. */
export function demoStatus(i: number): ProductStatus {
  if (i % 25 === 24) return 'DRAFT';
  if (i % 50 === 37) return 'ARCHIVED';
  return 'ACTIVE';
}

export function demoProduct(i: number) {
  const noun = NOUNS[Math.floor(i / ADJECTIVES.length) % NOUNS.length];
  const title = `${ADJECTIVES[i % ADJECTIVES.length]} ${noun} ${Math.floor(i / 100) + 1}`;
  const handle = title.toLowerCase().replace(/\s+/g, '-');
  const status = demoStatus(i);
  const variantCount = (i % 3) + 1;
  const basePrice = 10 + ((i * 37) % 190);
  // Spread creation over the past days, newest last, so CREATED_AT differs from id order only by design.
  const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000 + ((i * 7) % 5) * 60_000);
  return {
    product: {
      handle,
      title,
      description: `The ${title}, built to last.`,
      vendor: VENDORS[i % VENDORS.length],
      product_type: noun,
      tags: [i % 2 ? 'outdoor' : 'home', i % 5 === 0 ? 'sale' : 'new'],
      status,
      published_at: status === 'ACTIVE' ? createdAt : null,
      created_at: createdAt,
      updated_at: createdAt,
      total_sold: (i * 7919) % 500,
      min_price: basePrice.toFixed(2),
      max_price: (basePrice + (variantCount - 1) * 5).toFixed(2),
    },
    sizes: variantCount > 1 ? SIZES.slice(0, variantCount) : [],
    variants: Array.from({ length: variantCount }, (_, v) => ({
      title: variantCount === 1 ? 'Default Title' : SIZES[v],
      sku: `${handle}-${v + 1}`.toUpperCase(),
      price: (basePrice + v * 5).toFixed(2),
      compare_at_price: i % 5 === 0 ? (basePrice + v * 5 + 10).toFixed(2) : null,
      option_values: variantCount === 1 ? [] : [SIZES[v]],
      position: v + 1,
    })),
    images: Array.from({ length: (i % 2) + 1 }, (_, k) => ({
      url: `https://cdn.example.com/demo/${handle}-${k + 1}.jpg`,
      alt_text: `${title}, view ${k + 1}`,
      position: k + 1,
    })),
  };
}

/** One collection per product type, a Sale collection by tag, and one unpublished collection. */
export const DEMO_COLLECTIONS = [
  ...NOUNS.map((noun) => ({ handle: `${noun.toLowerCase()}s`, title: `${noun}s`, productType: noun, tag: null })),
  { handle: 'sale', title: 'Sale', productType: null, tag: 'sale' },
  { handle: 'staff-picks', title: 'Staff picks', productType: 'Tent', tag: null, unpublished: true },
];
