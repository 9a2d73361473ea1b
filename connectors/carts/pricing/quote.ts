import { toMinor } from '../../../src/sdk/money';
import type { StoredAddress } from '../delivery/address';
import { deliveryOptions, type DeliveryOption, type ZoneWithRates } from '../delivery/options';
import type { PricedLine } from '../loaders';
import type { CartRow } from '../tables';
import type { TaxCalculator } from '../taxes/calculator';
import { priceCart, type CartPrice, type DiscountInput, type TaxRateInput } from './calculate';

/** What a cart's delivery and price depend on besides its lines. */
export interface QuoteFacts {
  address: StoredAddress | null;
  optionHandle: string | null;
  currency: string;
  zones: readonly ZoneWithRates[];
  taxesIncluded: boolean;
  /** The rates of the address's region (none without an address). */
  taxRates: readonly TaxRateInput[];
  /** Whether the buyer is exempt from tax (variants' exemption is on their lines). */
  customerExempt: boolean;
  collectionsByProduct: ReadonlyMap<string, readonly string[]>;
  discounts: readonly DiscountInput[];
}

/** A cart's delivery options, its valid choice among them, and its price. */
export interface CartQuote {
  requiresShipping: boolean;
  options: DeliveryOption[];
  selected: DeliveryOption | null;
  price: CartPrice;
}

/**
 * The facts of a cart row and the tenant's setup; tax goes by the delivery address, else the buyer's
 * country. Discounts and exemptions default to none.
 */
export function pricingFacts(
  cart: CartRow,
  currency: string,
  taxesIncluded: boolean,
  zones: readonly ZoneWithRates[],
  taxes: TaxCalculator,
): QuoteFacts {
  const address = cart.delivery_address;
  const destination = address
    ? { countryCode: address.countryCode, provinceCode: address.provinceCode }
    : cart.country_code
      ? { countryCode: cart.country_code, provinceCode: null }
      : null;
  return {
    address,
    optionHandle: cart.delivery_option_handle,
    currency,
    zones,
    taxesIncluded,
    taxRates: taxes.ratesFor(destination),
    customerExempt: false,
    collectionsByProduct: new Map(),
    discounts: [],
  };
}

export function quoteCart(lines: readonly PricedLine[], facts: QuoteFacts): CartQuote {
  const { currency } = facts;
  const shipped = lines.filter((l) => l.requires_shipping);
  const requiresShipping = shipped.length > 0;
  const subtotal = lines.reduce((sum, l) => sum + toMinor(l.line_total, currency), 0n);
  const weightGrams = shipped.reduce((sum, l) => sum + l.weight_grams, 0);
  const options = requiresShipping
    ? deliveryOptions(facts.zones, facts.address, { subtotal, weightGrams }, currency)
    : [];
  // A choice the address or cart no longer offers is no choice.
  const selected = options.find((o) => o.handle === facts.optionHandle) ?? null;
  const price = priceCart({
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      collectionIds: facts.collectionsByProduct.get(l.product_id) ?? [],
      quantity: l.quantity,
      unitPrice: toMinor(l.price, currency),
      taxable: !facts.customerExempt && l.taxable,
    })),
    shipping: selected?.amount ?? null,
    taxesIncluded: facts.taxesIncluded,
    taxRates: facts.customerExempt ? [] : facts.taxRates,
    discounts: facts.discounts,
  });
  return { requiresShipping, options, selected, price };
}
