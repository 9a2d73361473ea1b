import DataLoader from 'dataloader';
import { pluginSettings, type GatewayContext, type LoaderContext } from '../../../src/sdk';
import type { ZoneWithRates } from '../delivery/options';
import type { CartRow } from '../tables';
import type { DiscountRow } from '../discounts/eligibility';
import { collectionsOfProducts, discountsUsedBy } from '../discounts/store';
import { exemptCustomers } from '../taxes/store';
import { tableTaxCalculator, type TaxRateRow } from '../taxes/calculator';
import { loadBuyerFacts, type BuyerFacts } from './buyer-facts';
import { pricingFacts, quoteCart, type CartQuote } from './quote';
import { loadPricingSetup, type PricingSetup } from './setup';

/** The carts plugin's settings in a tenant file (`settings.carts`). */
export interface CartSettings {
  /** Prices include tax (EU-style gross prices); otherwise tax is added at checkout (US-style). */
  taxesIncluded?: boolean;
  checkout?: CheckoutLimits;
}

/** Per-tenant limits of a storefront checkout (`settings.carts.checkout`); absent limits do not apply. */
export interface CheckoutLimits {
  maxLineQuantity?: number;
  maxCartLines?: number;
  maxCartQuantity?: number;
}

export const checkoutLimits = (ctx: Pick<GatewayContext, 'tenant'>): CheckoutLimits =>
  pluginSettings<CartSettings>(ctx.tenant, 'carts')?.checkout ?? {};

declare module '../../../src/sdk' {
  interface Loaders {
    /** The tenant's zones, tax rates and automatic discounts, read together (key: 'all'). */
    pricingSetup: DataLoader<'all', PricingSetup>;
    /** All the tenant's shipping zones (key: 'all'). */
    shippingZones: DataLoader<'all', ZoneWithRates[]>;
    /** All the tenant's tax rates (key: 'all'). */
    taxRates: DataLoader<'all', TaxRateRow[]>;
    /** Whether a customer (by id) is exempt from tax. */
    taxExemptCustomer: DataLoader<string, boolean>;
    /** The active automatic discounts (key: 'all'). */
    automaticDiscounts: DataLoader<'all', DiscountRow[]>;
    /** The discounts of some codes and which of some buyers' emails are exempt from tax, read together. */
    buyerFacts: DataLoader<BuyerKey, BuyerFacts, string>;
    /** The once-per-customer discounts (ids) a buyer's email already used. */
    discountsUsedBy: DataLoader<string, ReadonlySet<string>>;
    /** The collections a product is in. */
    collectionsOfProduct: DataLoader<string, string[]>;
    /** A cart's delivery options and price; keyed by the cart row (its pricing columns), cached by id. */
    cartQuote: DataLoader<CartRow, CartQuote, string>;
  }
}

/** The codes (upper-cased) and buyers' emails a quote asks about, each sorted. */
export interface BuyerKey {
  codes: string[];
  emails: string[];
}

export const taxesIncluded = (ctx: Pick<GatewayContext, 'tenant'>) =>
  pluginSettings<CartSettings>(ctx.tenant, 'carts')?.taxesIncluded ?? false;

/** Quotes read the cart's lines and the tenant's pricing setup through their own loaders: no SQL of their own. */
export function createPricingLoaders(
  ctx: LoaderContext,
  loaders: () => Pick<
    GatewayContext['loaders'],
    | 'pricedLinesByCart'
    | 'pricingSetup'
    | 'shippingZones'
    | 'taxRates'
    | 'automaticDiscounts'
    | 'buyerFacts'
    | 'discountsUsedBy'
    | 'collectionsOfProduct'
  >,
) {
  const { db, guardBatch, tenant } = ctx;
  return {
    pricingSetup: new DataLoader<'all', PricingSetup>(
      guardBatch(async (keys) => {
        const setup = await loadPricingSetup(await db.get<unknown>(), db.tenantId);
        return keys.map(() => setup);
      }),
    ),
    // Zones, rates and automatic discounts are read together: whoever asks for one, the others are at
    // hand for the quote.
    shippingZones: new DataLoader<'all', ZoneWithRates[]>(async (keys) => {
      const { zones } = await loaders().pricingSetup.load('all');
      return keys.map(() => zones);
    }),
    taxRates: new DataLoader<'all', TaxRateRow[]>(async (keys) => {
      const { rates } = await loaders().pricingSetup.load('all');
      return keys.map(() => rates);
    }),
    taxExemptCustomer: new DataLoader<string, boolean>(
      guardBatch(async (ids) => {
        const exempt = await exemptCustomers(await db.get<unknown>(), db.tenantId, ids);
        return ids.map((id) => exempt.has(id));
      }),
    ),
    automaticDiscounts: new DataLoader<'all', DiscountRow[]>(async (keys) => {
      const { automatic } = await loaders().pricingSetup.load('all');
      return keys.map(() => automatic);
    }),
    buyerFacts: new DataLoader<BuyerKey, BuyerFacts, string>(
      guardBatch(async (keys) => {
        const all = await loadBuyerFacts(
          await db.get<unknown>(),
          db.tenantId,
          [...new Set(keys.flatMap((k) => k.codes))],
          [...new Set(keys.flatMap((k) => k.emails))],
        );
        return keys.map((k) => ({
          coded: all.coded.filter((d) => k.codes.includes(d.code!.toUpperCase())),
          exempt: new Set(k.emails.filter((e) => all.exempt.has(e))),
        }));
      }),
      { cacheKeyFn: (key) => JSON.stringify(key) },
    ),
    discountsUsedBy: new DataLoader<string, ReadonlySet<string>>(
      guardBatch(async (emails) => {
        const used = await discountsUsedBy(await db.get<unknown>(), db.tenantId, emails);
        return emails.map((e) => used.get(e) ?? new Set<string>());
      }),
    ),
    collectionsOfProduct: new DataLoader<string, string[]>(
      guardBatch(async (ids) => {
        const rows = await collectionsOfProducts(await db.get<unknown>(), db.tenantId, ids);
        return ids.map((id) => rows.filter((r) => r.product_id === id).map((r) => r.collection_id));
      }),
    ),
    cartQuote: new DataLoader<CartRow, CartQuote, string>(
      async (carts) => {
        const l = loaders();
        const codes = [...new Set(carts.flatMap((c) => c.discount_codes.map((code) => code.toUpperCase())))];
        const buyers = [...new Set(carts.flatMap((c) => (c.email ? [c.email] : [])))];
        const [zones, rates, lineLists, automatic, { coded, exempt }] = await Promise.all([
          l.shippingZones.load('all'),
          l.taxRates.load('all'),
          l.pricedLinesByCart.loadMany(carts.map((c) => c.id)),
          l.automaticDiscounts.load('all'),
          l.buyerFacts.load({ codes: codes.sort(), emails: buyers.sort() }),
        ]);
        const discounts = [...automatic, ...coded];
        // Collections matter only to discounts on collections: read them only then.
        const byCollection = discounts.some((d) => d.collection_ids !== null);
        const productIds = [
          ...new Set(lineLists.flatMap((ls) => (ls instanceof Error ? [] : ls.map((x) => x.product_id)))),
        ];
        // A buyer's earlier uses matter only to once-per-customer discounts, and only for a known buyer.
        const oncePer = discounts.some((d) => d.once_per_customer);
        const emails = oncePer ? buyers : [];
        const [collections, usedLists] = await Promise.all([
          byCollection ? l.collectionsOfProduct.loadMany(productIds) : [],
          l.discountsUsedBy.loadMany(emails),
        ]);
        const usedByEmail = new Map(emails.map((e, i) => [e, usedLists[i]] as const));
        const collectionsByProduct = new Map(
          collections.map((c, i) => [productIds[i], c instanceof Error ? [] : c] as const),
        );
        const taxes = tableTaxCalculator(rates);
        return carts.map((cart, i) => {
          const lines = lineLists[i];
          if (lines instanceof Error) return lines;
          return quoteCart(lines, {
            ...pricingFacts(cart, tenant.currency, taxesIncluded(ctx), zones, taxes),
            customerExempt: cart.email !== null && exempt.has(cart.email),
            discounts,
            usedByBuyer: (() => {
              const used = cart.email ? usedByEmail.get(cart.email) : undefined;
              return used && !(used instanceof Error) ? used : new Set<string>();
            })(),
            collectionsByProduct,
          });
        });
      },
      { cacheKeyFn: (cart) => cart.id },
    ),
  };
}
