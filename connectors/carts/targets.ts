import type { Kysely } from 'kysely';
import { merchandiseByIds } from './merchandise';
import { listSizeErrors, MAX_LINE_QUANTITY, type UserError } from './validation';

/** A requested change to one variant's line, and the input path to blame if it cannot be made. */
export interface LineTarget {
  variantId: string;
  quantity: number;
  field: string[];
  merchandiseField?: string[];
}

/**
 * Checks the cart's lines as they would be after a change: every variant exists in this tenant and
 * is for sale, no line exceeds the maximum or the stock, the cart stays within its line limit.
 */
export async function targetErrors<DB>(
  conn: Kysely<DB>,
  tenantId: string,
  targets: readonly LineTarget[],
  lineCountAfter: number,
  listField: string[],
): Promise<UserError[]> {
  const merchandise = await merchandiseByIds(conn, tenantId, [...new Set(targets.map((t) => t.variantId))]);
  const errors: UserError[] = [];
  for (const target of targets) {
    const found = merchandise.get(target.variantId);
    if (!found || !found.forSale) {
      errors.push({
        field: target.merchandiseField ?? target.field,
        code: 'NOT_FOUND',
        message: 'The merchandise does not exist or is not for sale',
      });
    } else if (target.quantity > MAX_LINE_QUANTITY) {
      errors.push({ field: target.field, code: 'MAXIMUM_EXCEEDED', message: `At most ${MAX_LINE_QUANTITY} per line` });
    } else if (found.available !== null && target.quantity > found.available) {
      errors.push({
        field: target.field,
        code: 'NOT_ENOUGH_STOCK',
        message: `Only ${found.available} in stock`,
      });
    }
  }
  return [...errors, ...listSizeErrors(lineCountAfter, listField)];
}
