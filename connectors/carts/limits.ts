import type { CheckoutLimits } from './pricing/loaders';
import type { LineTarget } from './targets';
import type { UserError } from './validation';

const sum = (quantities: Iterable<number>) => [...quantities].reduce((s, q) => s + q, 0);
const count = (quantities: Iterable<number>) => [...quantities].filter((q) => q > 0).length;

/**
 * The shop's checkout limits (`settings.carts.checkout`) a change of the cart's lines would break, with
 * the code checkout gives (MAXIMUM_EXCEEDED): a changed line's units at its quantity field, the number
 * of lines and the units in all at the input's list. `before` and `after` map each variant to its
 * line's quantity (0 or absent: no line). Only growth over a limit is refused, so a cart filled before
 * a limit was lowered can still be reduced; checkout holds it to the limit.
 */
export function cartLimitErrors(
  targets: readonly LineTarget[],
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  limits: CheckoutLimits,
  listField: string[],
): UserError[] {
  const { maxLineQuantity, maxCartLines, maxCartQuantity } = limits;
  const errors: UserError[] = [];
  const over = (limit: number | undefined, now: number, was: number) => limit !== undefined && now > limit && now > was;
  for (const target of targets) {
    if (over(maxLineQuantity, target.quantity, before.get(target.variantId) ?? 0)) {
      errors.push({
        field: target.field,
        code: 'MAXIMUM_EXCEEDED',
        message: `At most ${maxLineQuantity} of an item per checkout`,
      });
    }
  }
  if (over(maxCartLines, count(after.values()), count(before.values()))) {
    errors.push({ field: listField, code: 'MAXIMUM_EXCEEDED', message: `At most ${maxCartLines} lines per checkout` });
  }
  if (over(maxCartQuantity, sum(after.values()), sum(before.values()))) {
    errors.push({
      field: listField,
      code: 'MAXIMUM_EXCEEDED',
      message: `At most ${maxCartQuantity} items per checkout`,
    });
  }
  return errors;
}
