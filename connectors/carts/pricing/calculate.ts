import { allocate, applyRate, includedPart, minMinor, sumMinor, addRates, type Rate } from '../../../src/sdk/money';

/**
 * The price of a cart, as one pure function of its inputs: the same cart always prices the same way.
 * Order of work (Shopify's): line subtotals; discounts on chosen products, then on the order, each
 * computed on what is left of its lines and split over them by largest remainder; free shipping;
 * then tax per line on the discounted line amount (and on shipping where the rate says so), rounded
 * per line. Amounts are minor units.
 */
export interface PriceLine {
  id: string;
  productId: string;
  collectionIds: readonly string[];
  quantity: number;
  unitPrice: bigint;
  /** False for a tax-exempt product or customer. */
  taxable: boolean;
}

export interface TaxRateInput {
  title: string;
  /** Percentage as written ('19', '7.25'), shown on tax lines. */
  percent: string;
  rate: Rate;
  /** Whether shipping is taxed at this rate too. */
  shipping: boolean;
}

export type DiscountValue =
  { kind: 'PERCENTAGE'; rate: Rate } | { kind: 'FIXED_AMOUNT'; amount: bigint } | { kind: 'FREE_SHIPPING' };

export interface DiscountInput {
  id: string;
  code: string | null;
  title: string;
  value: DiscountValue;
  /** null: the whole order; otherwise the products and collections whose lines it discounts. */
  entitled: { productIds: readonly string[]; collectionIds: readonly string[] } | null;
}

export interface PriceInput {
  lines: readonly PriceLine[];
  shipping: bigint | null;
  taxesIncluded: boolean;
  taxRates: readonly TaxRateInput[];
  /** Discounts that apply, already checked for eligibility and combinability, in application order. */
  discounts: readonly DiscountInput[];
}

export interface Allocation {
  discountId: string;
  amount: bigint;
}
export interface TaxLine {
  title: string;
  percent: string;
  amount: bigint;
}
export interface LinePrice {
  id: string;
  subtotal: bigint;
  allocations: Allocation[];
  discount: bigint;
  taxLines: TaxLine[];
  tax: bigint;
  /** What the line costs after its discounts, with its tax added when prices exclude tax. */
  total: bigint;
}
export interface CartPrice {
  lines: LinePrice[];
  subtotal: bigint;
  shipping: bigint;
  shippingDiscount: bigint;
  shippingTaxLines: TaxLine[];
  /** Each applied discount's whole amount, lines and shipping together. */
  applications: Allocation[];
  totalDiscount: bigint;
  totalTax: bigint;
  taxesIncluded: boolean;
  /** subtotal − totalDiscount + shipping (+ totalTax when prices exclude tax). */
  total: bigint;
}

const entitles = (d: DiscountInput, line: PriceLine) =>
  d.entitled === null ||
  d.entitled.productIds.includes(line.productId) ||
  line.collectionIds.some((c) => d.entitled!.collectionIds.includes(c));

/** Splits one discount over the lines it is entitled to, in proportion to what each has left. */
function discountLines(d: DiscountInput, lines: readonly PriceLine[], left: bigint[]): bigint[] {
  const weights = lines.map((line, i) => (entitles(d, line) ? left[i] : 0n));
  const base = sumMinor(weights);
  const amount =
    d.value.kind === 'PERCENTAGE'
      ? applyRate(base, d.value.rate)
      : d.value.kind === 'FIXED_AMOUNT'
        ? d.value.amount
        : 0n;
  return allocate(minMinor(amount, base), weights);
}

function taxOf(base: bigint, rates: readonly TaxRateInput[], included: boolean): TaxLine[] {
  if (base <= 0n || rates.length === 0) return [];
  const combined = rates.map((r) => r.rate).reduce(addRates);
  return rates.map((r) => ({
    title: r.title,
    percent: r.percent,
    amount: included ? includedPart(base, r.rate, combined) : applyRate(base, r.rate),
  }));
}

const ordered = (discounts: readonly DiscountInput[]) => [
  ...discounts.filter((d) => d.value.kind !== 'FREE_SHIPPING' && d.entitled !== null),
  ...discounts.filter((d) => d.value.kind !== 'FREE_SHIPPING' && d.entitled === null),
  ...discounts.filter((d) => d.value.kind === 'FREE_SHIPPING'),
];

export function priceCart(input: PriceInput): CartPrice {
  const { lines, taxesIncluded } = input;
  const subtotals = lines.map((l) => l.unitPrice * BigInt(l.quantity));
  const left = [...subtotals];
  const perLine: Allocation[][] = lines.map(() => []);
  const applications: Allocation[] = [];
  const shipping = input.shipping ?? 0n;
  let shippingDiscount = 0n;
  for (const d of ordered(input.discounts)) {
    if (d.value.kind === 'FREE_SHIPPING') {
      const amount = shipping - shippingDiscount;
      shippingDiscount += amount;
      applications.push({ discountId: d.id, amount });
      continue;
    }
    const parts = discountLines(d, lines, left);
    parts.forEach((amount, i) => {
      if (amount === 0n) return;
      left[i] -= amount;
      perLine[i].push({ discountId: d.id, amount });
    });
    applications.push({ discountId: d.id, amount: sumMinor(parts) });
  }
  const linePrices = lines.map((line, i): LinePrice => {
    const taxLines = line.taxable ? taxOf(left[i], input.taxRates, taxesIncluded) : [];
    const tax = sumMinor(taxLines.map((t) => t.amount));
    const discount = subtotals[i] - left[i];
    return {
      id: line.id,
      subtotal: subtotals[i],
      allocations: perLine[i],
      discount,
      taxLines,
      tax,
      total: left[i] + (taxesIncluded ? 0n : tax),
    };
  });
  const shippingTaxLines = taxOf(
    shipping - shippingDiscount,
    input.taxRates.filter((r) => r.shipping),
    taxesIncluded,
  );
  const subtotal = sumMinor(subtotals);
  const totalDiscount = sumMinor(applications.map((a) => a.amount));
  const totalTax = sumMinor([...linePrices.map((l) => l.tax), ...shippingTaxLines.map((t) => t.amount)]);
  return {
    lines: linePrices,
    subtotal,
    shipping,
    shippingDiscount,
    shippingTaxLines,
    applications,
    totalDiscount,
    totalTax,
    taxesIncluded,
    total: subtotal - totalDiscount + shipping + (taxesIncluded ? 0n : totalTax),
  };
}
