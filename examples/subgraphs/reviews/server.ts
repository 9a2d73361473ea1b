import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { JWTPayload } from 'jose';
import { serveGraphQL, type RunningService, type ServiceOptions } from '../http-server';

interface Review {
  id: string;
  productId: string;
  rating: number;
  body: string;
  author: string;
}

/** Reviews per tenant: the tenant comes only from the verified token's claim. */
export class ReviewStore {
  private readonly byTenant = new Map<string, Review[]>();
  /** Per tenant, whether each product can be bought, as the shop's product feed last reported it. */
  private readonly feed = new Map<string, Map<string, boolean>>();
  private next = 1;

  reportAvailability(tenant: string, productId: string, availableForSale: boolean): void {
    const products = this.feed.get(tenant) ?? new Map<string, boolean>();
    this.feed.set(tenant, products.set(productId, availableForSale));
  }

  /** A product the feed has not reported is not offered as buyable beside its reviews. */
  availableForSale(tenant: string, productId: string): boolean {
    return this.feed.get(tenant)?.get(productId) ?? false;
  }

  list(tenant: string): Review[] {
    return this.byTenant.get(tenant) ?? [];
  }

  add(tenant: string, review: Omit<Review, 'id'>): Review {
    const created = { ...review, id: `review-${this.next++}` };
    this.byTenant.set(tenant, [created, ...this.list(tenant)]);
    return created;
  }
}

const tenantOf = (claims: JWTPayload) => {
  if (typeof claims.tenant !== 'string' || !claims.tenant) throw new Error('no tenant in the token');
  return claims.tenant;
};

/** The lowest price from which shipping is free, in minor units of any currency (50.00). */
const FREE_SHIPPING_MINOR = 5000n;

/** A decimal amount in minor units, exactly (two decimals, as the gateway's prices are). */
function minorUnits(amount: string): bigint {
  const match = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new Error('not a decimal amount');
  const minor = BigInt(match[2]) * 100n + BigInt((match[3] ?? '').padEnd(2, '0') || '0');
  return match[1] ? -minor : minor;
}

interface RequiredProduct {
  id: string;
  title?: string;
  priceRange?: { minVariantPrice: { amount: string; currencyCode: string } };
}

function resolvers(store: ReviewStore) {
  const ofProduct = (claims: JWTPayload, id: string) => store.list(tenantOf(claims)).filter((r) => r.productId === id);
  return {
    Product: {
      __resolveReference: (ref: { id: string }) => ref,
      rating: (p: { id: string }, _: unknown, claims: JWTPayload) => {
        const reviews = ofProduct(claims, p.id);
        return reviews.length
          ? Math.round((reviews.reduce((s, r) => s + r.rating, 0) / reviews.length) * 100) / 100
          : null;
      },
      reviewSummary: (p: RequiredProduct, _: unknown, claims: JWTPayload) => {
        if (p.title === undefined) throw new Error('title is required');
        const reviews = ofProduct(claims, p.id);
        return `${p.title}: ${reviews.length} review${reviews.length === 1 ? '' : 's'}`;
      },
      shippingEstimate: (p: RequiredProduct) => {
        const price = p.priceRange?.minVariantPrice;
        if (!price) throw new Error('priceRange is required');
        return minorUnits(price.amount) >= FREE_SHIPPING_MINOR
          ? 'Free shipping'
          : `Free shipping from 50.00 ${price.currencyCode}`;
      },
      reviews: (p: { id: string }, args: { first: number }, claims: JWTPayload) => {
        const all = ofProduct(claims, p.id);
        return { nodes: all.slice(0, Math.min(Math.max(args.first, 0), 50)), totalCount: all.length };
      },
    },
    Review: {
      // A reference to the gateway's product, with the field this service provides (@provides).
      product: (r: Review, _: unknown, claims: JWTPayload) => ({
        id: r.productId,
        availableForSale: store.availableForSale(tenantOf(claims), r.productId),
      }),
    },
    Query: {
      latestReviews: (_: unknown, args: { first: number }, claims: JWTPayload) =>
        store.list(tenantOf(claims)).slice(0, Math.min(Math.max(args.first, 0), 50)),
    },
    Mutation: {
      reviewCreate: (
        _: unknown,
        { input }: { input: { productId: string; rating: number; body: string } },
        claims: JWTPayload,
      ) => {
        if (!Number.isInteger(input.rating) || input.rating < 1 || input.rating > 5)
          return {
            review: null,
            userErrors: [{ field: ['input', 'rating'], code: 'INVALID', message: 'Rating is 1 to 5' }],
          };
        const author = typeof claims.principal_kind === 'string' ? claims.principal_kind : 'anonymous';
        return { review: store.add(tenantOf(claims), { ...input, author }), userErrors: [] };
      },
    },
  };
}

/** The reviews service: an Apollo Federation v2 subgraph extending Product with rating and reviews. */
export const REVIEWS_SDL = readFileSync(join(__dirname, 'schema.graphql'), 'utf8');

/** `sdl` and `extraResolvers` let a test serve a changed schema (a field added or removed). */
export async function startReviews(
  options: Omit<ServiceOptions, 'audience'>,
  store = new ReviewStore(),
  sdl = REVIEWS_SDL,
  extraResolvers: Record<string, Record<string, unknown>> = {},
): Promise<RunningService & { store: ReviewStore }> {
  const base = resolvers(store) as Record<string, Record<string, unknown>>;
  const merged = { ...base };
  for (const [type, fields] of Object.entries(extraResolvers)) merged[type] = { ...base[type], ...fields };
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers: merged as never }]);
  return { ...(await serveGraphQL(schema, { ...options, audience: 'reviews' })), store };
}
