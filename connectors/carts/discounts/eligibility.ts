import { percentRate, toMinor } from '../../../src/sdk/money';
import type { DiscountInput } from '../pricing/calculate';

export type DiscountKind = 'PERCENTAGE' | 'FIXED_AMOUNT' | 'FREE_SHIPPING';

/** A discount as the tenant set it up (numbers as text, as Postgres gives them). */
export interface DiscountRow {
  id: string;
  code: string | null;
  title: string;
  kind: DiscountKind;
  value: string;
  product_ids: string[] | null;
  collection_ids: string[] | null;
  min_subtotal: string | null;
  min_quantity: number | null;
  starts_at: Date;
  ends_at: Date | null;
  usage_limit: number | null;
  usage_count: number;
  once_per_customer: boolean;
  combines: boolean;
  active: boolean;
}

/** What eligibility looks at in a cart. */
export interface DiscountCart {
  now: Date;
  subtotal: bigint;
  quantity: number;
  productIds: ReadonlySet<string>;
  collectionIds: ReadonlySet<string>;
  currency: string;
  /** The once-per-customer discounts (ids) the cart's buyer already used; empty for an unknown buyer. */
  usedByBuyer: ReadonlySet<string>;
}

/** Why a discount does not apply to a cart (CartDiscountCodeReason). */
export type IneligibleReason =
  | 'NOT_FOUND'
  | 'NOT_ACTIVE'
  | 'USAGE_LIMIT_REACHED'
  | 'ALREADY_USED'
  | 'MINIMUM_NOT_MET'
  | 'NO_ENTITLED_LINES'
  | 'NOT_COMBINABLE';

const entitledIn = (d: DiscountRow, cart: DiscountCart) =>
  d.product_ids === null && d.collection_ids === null
    ? true
    : (d.product_ids ?? []).some((id) => cart.productIds.has(id)) ||
      (d.collection_ids ?? []).some((id) => cart.collectionIds.has(id));

/**
 * Why a discount may not apply to this cart, or null when it may: active and in its window, under its
 * limit, not yet used by this buyer when once per customer, its minimums met, an entitled line present.
 */
export function ineligibility(d: DiscountRow, cart: DiscountCart): IneligibleReason | null {
  if (!d.active || d.starts_at > cart.now || (d.ends_at !== null && cart.now >= d.ends_at)) return 'NOT_ACTIVE';
  if (d.usage_limit !== null && d.usage_count >= d.usage_limit) return 'USAGE_LIMIT_REACHED';
  if (d.once_per_customer && cart.usedByBuyer.has(d.id)) return 'ALREADY_USED';
  if (d.min_subtotal !== null && cart.subtotal < toMinor(d.min_subtotal, cart.currency)) return 'MINIMUM_NOT_MET';
  if (d.min_quantity !== null && cart.quantity < d.min_quantity) return 'MINIMUM_NOT_MET';
  if (!entitledIn(d, cart)) return 'NO_ENTITLED_LINES';
  return null;
}

export const eligible = (d: DiscountRow, cart: DiscountCart): boolean => ineligibility(d, cart) === null;

export function discountInput(d: DiscountRow, currency: string): DiscountInput {
  return {
    id: d.id,
    code: d.code,
    title: d.title,
    value:
      d.kind === 'PERCENTAGE'
        ? { kind: 'PERCENTAGE', rate: percentRate(d.value) }
        : d.kind === 'FIXED_AMOUNT'
          ? { kind: 'FIXED_AMOUNT', amount: toMinor(d.value, currency) }
          : { kind: 'FREE_SHIPPING' },
    entitled:
      d.product_ids === null && d.collection_ids === null
        ? null
        : { productIds: d.product_ids ?? [], collectionIds: d.collection_ids ?? [] },
  };
}

/** A code the cart holds, whether it applies, and why not. */
export interface CodeState {
  code: string;
  applicable: boolean;
  reason: IneligibleReason | null;
}

/**
 * The discounts that apply, in order: automatic ones (oldest first), then codes as entered. Each is
 * taken if eligible and it combines with every one taken before (a discount that does not combine
 * applies only alone). Codes that match nothing, are ineligible or do not combine are not applicable.
 */
export function chooseDiscounts(
  discounts: readonly DiscountRow[],
  codes: readonly string[],
  cart: DiscountCart,
): { applied: DiscountRow[]; codes: CodeState[] } {
  const applied: DiscountRow[] = [];
  const take = (d: DiscountRow): IneligibleReason | null => {
    const reason = ineligibility(d, cart);
    if (reason) return reason;
    if (applied.length > 0 && !(d.combines && applied.every((a) => a.combines))) return 'NOT_COMBINABLE';
    applied.push(d);
    return null;
  };
  for (const d of discounts.filter((x) => x.code === null)) take(d);
  const byCode = new Map(discounts.filter((d) => d.code !== null).map((d) => [d.code!.toUpperCase(), d]));
  const states = codes.map((code): CodeState => {
    const d = byCode.get(code.toUpperCase());
    const reason = d === undefined ? 'NOT_FOUND' : applied.includes(d) ? 'NOT_COMBINABLE' : take(d);
    return { code, applicable: reason === null, reason };
  });
  return { applied, codes: states };
}
