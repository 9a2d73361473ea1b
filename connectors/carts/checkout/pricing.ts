import { sql, type Kysely } from 'kysely';
import { formatMinor } from '../../../src/sdk/money';
import { collectionsOfProducts, discountsUsedBy } from '../discounts/store';
import { inLineOrder } from '../loaders';
import { pricingFacts, quoteCart, type CartQuote } from '../pricing/quote';
import type { CartRow, PricedLine } from '../tables';
import { tableTaxCalculator } from '../taxes/calculator';
import { loadBuyerFacts } from '../pricing/buyer-facts';
import { loadPricingSetup } from '../pricing/setup';
import type { UserError } from '../validation';
import { orderPricingColumns, type OrderPricingRow } from './order-pricing';

/**
 * The cart with its `lines` (read by the checkout, priced now) priced inside the checkout's transaction,
 * with the same calculation the storefront shows.
 */
export async function quoteForCheckout(
  trx: Kysely<unknown>,
  tenantId: string,
  cart: CartRow,
  checkoutLines: readonly PricedLine[],
  email: string | null,
  currency: string,
  taxesIncluded: boolean,
): Promise<CartQuote> {
  const lines = inLineOrder(checkoutLines);
  const [{ zones, rates, automatic }, { coded, exempt }] = await Promise.all([
    loadPricingSetup(trx, tenantId),
    loadBuyerFacts(trx, tenantId, cart.discount_codes, email ? [email] : []),
  ]);
  const discounts = [...automatic, ...coded];
  const pairs = discounts.some((d) => d.collection_ids !== null)
    ? await collectionsOfProducts(trx, tenantId, [...new Set(lines.map((l) => l.product_id))])
    : [];
  // The buyer's email as checkout knows it (the cart's, or the one given): their earlier uses.
  const used =
    email && discounts.some((d) => d.once_per_customer) ? await discountsUsedBy(trx, tenantId, [email]) : null;
  const collectionsByProduct = new Map<string, string[]>();
  for (const p of pairs)
    collectionsByProduct.set(p.product_id, [...(collectionsByProduct.get(p.product_id) ?? []), p.collection_id]);
  return quoteCart(lines, {
    ...pricingFacts(cart, currency, taxesIncluded, zones, tableTaxCalculator(rates)),
    customerExempt: email !== null && exempt.has(email),
    discounts,
    usedByBuyer: (email && used?.get(email)) || new Set<string>(),
    collectionsByProduct,
  });
}

/** A cart that needs shipping must have an address and an option still offered. */
export function deliveryErrors(cart: CartRow, quote: CartQuote): UserError[] {
  if (!quote.requiresShipping || quote.selected) return [];
  const field = cart.delivery_address ? 'deliveryOptionHandle' : 'deliveryAddress';
  return [{ field: [field], code: 'DELIVERY_REQUIRED', message: 'Choose a delivery address and a delivery option' }];
}

/**
 * A code on the cart that does not apply refuses the checkout: the buyer expects its price, so they
 * remove it (or learn the limit was reached) rather than pay more than they saw.
 */
export function codeErrors(quote: CartQuote): UserError[] {
  return quote.codes.flatMap((c, i) =>
    c.applicable
      ? []
      : [
          {
            field: ['discountCodes', String(i)],
            code: 'DISCOUNT_NOT_APPLICABLE' as const,
            message:
              c.reason === 'ALREADY_USED' ? `${c.code} was already used by this customer` : `${c.code} does not apply`,
          },
        ],
  );
}

/**
 * Counts one use of each applied discount. The conditional update takes the discount's row lock, so
 * concurrent checkouts queue on it and the one that would pass the limit updates nothing; the
 * customer's use is a unique row. Either refusal rolls the whole checkout back.
 */
export async function claimDiscounts(
  trx: Kysely<unknown>,
  tenantId: string,
  orderId: string,
  email: string | null,
  quote: CartQuote,
): Promise<UserError[]> {
  for (const discount of [...quote.applied.values()].sort((a, b) => Number(a.id) - Number(b.id))) {
    const counted = await sql`update discounts set usage_count = usage_count + 1
       where tenant_id = ${tenantId} and id = ${discount.id} and active
         and (usage_limit is null or usage_count < usage_limit)
       returning id`.execute(trx);
    const refused: UserError[] = [
      { field: ['discountCodes'], code: 'DISCOUNT_NOT_APPLICABLE', message: `${discount.title} no longer applies` },
    ];
    if (counted.rows.length === 0) return refused;
    if (discount.once_per_customer && !email) return refused;
    const used = await sql`insert into discount_usages (tenant_id, discount_id, order_id, email)
      values (${tenantId}, ${discount.id}, ${orderId}, ${discount.once_per_customer ? email : null})
      on conflict do nothing returning id`.execute(trx);
    if (used.rows.length === 0) return refused;
  }
  return [];
}

/** Writes what checkout priced beside the order; returns the snapshot as the order's pricing loader reads it. */
export async function snapshotPricing(
  trx: Kysely<unknown>,
  tenantId: string,
  orderId: string,
  cart: CartRow,
  quote: CartQuote,
  currency: string,
): Promise<OrderPricingRow> {
  const m = (minor: bigint) => formatMinor(minor, currency);
  const { price, selected } = quote;
  const taxLines = new Map<string, { title: string; rate: string; amount: bigint }>();
  for (const t of [...price.lines.flatMap((l) => l.taxLines), ...price.shippingTaxLines]) {
    const key = `${t.title}|${t.percent}`;
    const sum = taxLines.get(key);
    taxLines.set(key, { title: t.title, rate: t.percent, amount: (sum?.amount ?? 0n) + t.amount });
  }
  const shippingLines = selected
    ? [
        {
          handle: selected.handle,
          title: selected.title,
          price: m(price.shipping),
          discountedPrice: m(price.shipping - price.shippingDiscount),
          tax: m(price.shippingTaxLines.reduce((s, t) => s + t.amount, 0n)),
        },
      ]
    : [];
  const applications = price.applications.map((a) => {
    const d = quote.applied.get(a.discountId)!;
    return { title: d.title, code: d.code, kind: d.kind, value: d.value, amount: m(a.amount) };
  });
  const { rows } =
    await sql<OrderPricingRow>`insert into order_pricing (order_id, tenant_id, shipping_address, shipping_lines, tax_lines,
      discount_applications, subtotal, total_shipping, total_tax, total_discounts, total, taxes_included)
    values (${orderId}, ${tenantId}, ${cart.delivery_address ? JSON.stringify(cart.delivery_address) : null}::jsonb,
      ${JSON.stringify(shippingLines)}::jsonb,
      ${JSON.stringify([...taxLines.values()].map((t) => ({ title: t.title, rate: t.rate, amount: m(t.amount) })))}::jsonb,
      ${JSON.stringify(applications)}::jsonb, ${m(price.subtotal)}::numeric, ${m(price.shipping)}::numeric,
      ${m(price.totalTax)}::numeric, ${m(price.totalDiscount)}::numeric, ${m(price.total)}::numeric, ${price.taxesIncluded})
    returning ${orderPricingColumns}`.execute(trx);
  return rows[0];
}
