import { sumMinor, toMinor } from '../../../src/sdk/money';
import type { StoredAddress } from '../delivery/address';
import { deliveryOptions, type DeliveryOption, type ZoneWithRates } from '../delivery/options';
import { chooseDiscounts, discountInput, type CodeState, type DiscountRow } from '../discounts/eligibility';
import type { CartRow, PricedLine } from '../tables';
import type { TaxCalculator } from '../taxes/calculator';
import { priceCart, type CartPrice, type TaxRateInput } from './calculate';

/** What a cart's delivery and price depend on besides its lines. */
export interface QuoteFacts {
  address: StoredAddress | null;
  optionHandle: string | null;
  currency: string;
  zones: readonly ZoneWithRates[];
  taxesIncluded: boolean;
  /** The rates of the cart's destination. */
  taxRates: readonly TaxRateInput[];
  /** Whether the buyer is exempt from tax (variants' exemption is on their lines). */
  customerExempt: boolean;
  collectionsByProduct: ReadonlyMap<string, readonly string[]>;
  /** The automatic discounts and those of the cart's codes. */
  discounts: readonly DiscountRow[];
  /** The once-per-customer discounts (ids) the buyer already used. */
  usedByBuyer: ReadonlySet<string>;
  codes: readonly string[];
  now: Date;
}

/** A cart's delivery options, its valid choice among them, its discount codes' state and its price. */
export interface CartQuote {
  requiresShipping: boolean;
  options: DeliveryOption[];
  selected: DeliveryOption | null;
  codes: CodeState[];
  /** The discounts applied, by id (titles and codes of the allocations). */
  applied: ReadonlyMap<string, DiscountRow>;
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
    usedByBuyer: new Set(),
    codes: cart.discount_codes,
    now: new Date(),
  };
}

/**
 * The lines at their prices, before discounts: the quote's `price.subtotal` (priceCart sums unit price
 * times quantity the same way), which needs neither the shop's pricing setup nor the cart's choices.
 */
export const linesSubtotal = (lines: readonly PricedLine[], currency: string) =>
  sumMinor(lines.map((l) => toMinor(l.price, currency) * BigInt(l.quantity)));

export function quoteCart(lines: readonly PricedLine[], facts: QuoteFacts): CartQuote {
  const { currency } = facts;
  const shipped = lines.filter((l) => l.requires_shipping);
  // A shop without shipping zones does not deliver (pick-up, digital goods): its carts need no delivery.
  const requiresShipping = shipped.length > 0 && facts.zones.length > 0;
  const subtotal = lines.reduce((sum, l) => sum + toMinor(l.line_total, currency), 0n);
  const weightGrams = shipped.reduce((sum, l) => sum + l.weight_grams, 0);
  const options = requiresShipping
    ? deliveryOptions(facts.zones, facts.address, { subtotal, weightGrams }, currency)
    : [];
  // A choice the address or cart no longer offers is no choice.
  const selected = options.find((o) => o.handle === facts.optionHandle) ?? null;
  const collectionsOf = (productId: string) => facts.collectionsByProduct.get(productId) ?? [];
  const chosen = chooseDiscounts(facts.discounts, facts.codes, {
    now: facts.now,
    subtotal,
    quantity: lines.reduce((sum, l) => sum + l.quantity, 0),
    productIds: new Set(lines.map((l) => l.product_id)),
    collectionIds: new Set(lines.flatMap((l) => collectionsOf(l.product_id))),
    currency,
    usedByBuyer: facts.usedByBuyer,
  });
  const price = priceCart({
    lines: lines.map((l) => ({
      id: l.id,
      productId: l.product_id,
      collectionIds: collectionsOf(l.product_id),
      quantity: l.quantity,
      unitPrice: toMinor(l.price, currency),
      taxable: !facts.customerExempt && l.taxable,
    })),
    shipping: selected?.amount ?? null,
    taxesIncluded: facts.taxesIncluded,
    taxRates: facts.customerExempt ? [] : facts.taxRates,
    discounts: chosen.applied.map((d) => discountInput(d, currency)),
  });
  return {
    requiresShipping,
    options,
    selected,
    codes: chosen.codes,
    applied: new Map(chosen.applied.map((d) => [d.id, d])),
    price,
  };
}
