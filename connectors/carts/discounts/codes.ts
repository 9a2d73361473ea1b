import type { TenantDb } from '../../../src/sdk';
import { changeCart, type CartRef, type CartResult } from '../cart-changes';
import { mirroring, type MirrorCart } from '../mirror';
import type { UserError } from '../validation';

const MAX_CODES = 10;
const MAX_LENGTH = 64;

/** Replaces the cart's codes (trimmed, duplicates dropped); whether each applies is computed when read. */
export function updateDiscountCodes(
  db: TenantDb,
  cart: CartRef,
  codes: readonly string[],
  mirror?: MirrorCart | null,
): Promise<CartResult> {
  return changeCart(
    db,
    cart,
    async () => {
      const errors: UserError[] = [];
      if (codes.length > MAX_CODES) {
        errors.push({ field: ['discountCodes'], code: 'MAXIMUM_EXCEEDED', message: `At most ${MAX_CODES} codes` });
      }
      codes.forEach((code, i) => {
        if (!code.trim() || code.length > MAX_LENGTH || code.includes('\0')) {
          errors.push({
            field: ['discountCodes', String(i)],
            code: 'INVALID',
            message: `1 to ${MAX_LENGTH} characters`,
          });
        }
      });
      if (errors.length > 0) return errors;
      const seen = new Set<string>();
      const kept = codes.map((c) => c.trim()).filter((c) => !seen.has(c.toUpperCase()) && seen.add(c.toUpperCase()));
      return { set: { discount_codes: kept } };
    },
    { mirror: mirroring(mirror) },
  );
}
