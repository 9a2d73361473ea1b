import DataLoader from 'dataloader';
import { pluginSettings, type GatewayContext, type LoaderContext } from '../../../src/sdk';
import type { ZoneWithRates } from '../delivery/options';
import { loadZones } from '../delivery/zones';
import type { CartRow } from '../tables';
import { exemptCustomers, exemptEmails, loadTaxRates } from '../taxes/store';
import { tableTaxCalculator, type TaxRateRow } from '../taxes/calculator';
import { pricingFacts, quoteCart, type CartQuote } from './quote';

/** The carts plugin's settings in a tenant file (`settings.carts`). */
export interface CartSettings {
  /** Prices include tax (EU-style gross prices); otherwise tax is added at checkout (US-style). */
  taxesIncluded?: boolean;
}

declare module '../../../src/sdk' {
  interface Loaders {
    /** All the tenant's shipping zones (key: 'all'). */
    shippingZones: DataLoader<'all', ZoneWithRates[]>;
    /** All the tenant's tax rates (key: 'all'). */
    taxRates: DataLoader<'all', TaxRateRow[]>;
    /** Whether a customer (by id) is exempt from tax. */
    taxExemptCustomer: DataLoader<string, boolean>;
    /** Whether the customer of an email is exempt from tax. */
    taxExemptEmail: DataLoader<string, boolean>;
    /** A cart's delivery options and price; keyed by the cart row (its pricing columns), cached by id. */
    cartQuote: DataLoader<CartRow, CartQuote, string>;
  }
}

export const taxesIncluded = (ctx: Pick<GatewayContext, 'tenant'>) =>
  pluginSettings<CartSettings>(ctx.tenant, 'carts')?.taxesIncluded ?? false;

/** Quotes read the cart's lines and the tenant's pricing setup through their own loaders: no SQL of their own. */
export function createPricingLoaders(
  ctx: LoaderContext,
  loaders: () => Pick<GatewayContext['loaders'], 'pricedLinesByCart' | 'shippingZones' | 'taxRates' | 'taxExemptEmail'>,
) {
  const { db, guardBatch, tenant } = ctx;
  return {
    shippingZones: new DataLoader<'all', ZoneWithRates[]>(
      guardBatch(async (keys) => {
        const zones = await loadZones(await db.get<unknown>(), db.tenantId);
        return keys.map(() => zones);
      }),
    ),
    taxRates: new DataLoader<'all', TaxRateRow[]>(
      guardBatch(async (keys) => {
        const rates = await loadTaxRates(await db.get<unknown>(), db.tenantId);
        return keys.map(() => rates);
      }),
    ),
    taxExemptCustomer: new DataLoader<string, boolean>(
      guardBatch(async (ids) => {
        const exempt = await exemptCustomers(await db.get<unknown>(), db.tenantId, ids);
        return ids.map((id) => exempt.has(id));
      }),
    ),
    taxExemptEmail: new DataLoader<string, boolean>(
      guardBatch(async (emails) => {
        const exempt = await exemptEmails(await db.get<unknown>(), db.tenantId, emails);
        return emails.map((e) => exempt.has(e));
      }),
    ),
    cartQuote: new DataLoader<CartRow, CartQuote, string>(
      async (carts) => {
        const l = loaders();
        const [zones, rates, lineLists, exempt] = await Promise.all([
          l.shippingZones.load('all'),
          l.taxRates.load('all'),
          l.pricedLinesByCart.loadMany(carts.map((c) => c.id)),
          Promise.all(carts.map((c) => (c.email ? l.taxExemptEmail.load(c.email) : Promise.resolve(false)))),
        ]);
        const taxes = tableTaxCalculator(rates);
        return carts.map((cart, i) => {
          const lines = lineLists[i];
          if (lines instanceof Error) return lines;
          return quoteCart(lines, {
            ...pricingFacts(cart, tenant.currency, taxesIncluded(ctx), zones, taxes),
            customerExempt: exempt[i],
          });
        });
      },
      { cacheKeyFn: (cart) => cart.id },
    ),
  };
}
