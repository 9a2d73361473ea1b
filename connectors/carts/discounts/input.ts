import { localIdOf } from '../../../src/sdk';
import type { UserError } from '../validation';
import type { DiscountKind } from './eligibility';

export interface DiscountInput {
  code?: string | null;
  title?: string | null;
  kind?: DiscountKind | null;
  value?: string | null;
  productIds?: string[] | null;
  collectionIds?: string[] | null;
  minimumSubtotal?: string | null;
  minimumQuantity?: number | null;
  startsAt?: Date | string | null;
  endsAt?: Date | string | null;
  usageLimit?: number | null;
  oncePerCustomer?: boolean | null;
  combinesWithOthers?: boolean | null;
}

const CODE = /^[A-Za-z0-9_-]{1,64}$/;
const AMOUNT = /^\d{1,10}(\.\d{1,4})?$/;
const MAX_ENTITLED = 250;

/** The columns an input sets, or its problems at their paths (`input.value`). */
export function discountColumns(
  input: DiscountInput,
  creating: boolean,
): { columns: Record<string, unknown> } | { errors: UserError[] } {
  const errors: UserError[] = [];
  const at = (name: string) => ['input', name];
  const columns: Record<string, unknown> = {};
  if (input.code != null) {
    if (!creating) errors.push({ field: at('code'), code: 'INVALID', message: 'A code is set on create only' });
    else if (!CODE.test(input.code)) {
      errors.push({ field: at('code'), code: 'INVALID', message: 'code: letters, digits, - and _' });
    } else columns.code = input.code;
  }
  if (creating || input.title != null) {
    const title = input.title?.trim() || input.code;
    if (!title || title.length > 255) errors.push({ field: at('title'), code: 'BLANK', message: 'title is required' });
    else columns.title = title;
  }
  if (creating && !input.kind) errors.push({ field: at('kind'), code: 'BLANK', message: 'kind is required' });
  if (input.kind) columns.kind = input.kind;
  if (input.value != null) {
    if (!AMOUNT.test(input.value) || (input.kind === 'PERCENTAGE' && Number(input.value) > 100)) {
      errors.push({ field: at('value'), code: 'INVALID', message: 'value: a percentage up to 100, or an amount' });
    } else columns.value = input.value;
  } else if (creating && input.kind !== 'FREE_SHIPPING') {
    errors.push({ field: at('value'), code: 'BLANK', message: 'value is required' });
  }
  for (const [name, type, column] of [
    ['productIds', 'Product', 'product_ids'],
    ['collectionIds', 'Collection', 'collection_ids'],
  ] as const) {
    const ids = input[name];
    if (ids == null) continue;
    if (ids.length > MAX_ENTITLED)
      errors.push({ field: at(name), code: 'INVALID', message: `At most ${MAX_ENTITLED}` });
    const local = ids.map((id) => localIdOf(id, type));
    local.forEach((id, i) => {
      if (!id) errors.push({ field: [...at(name), String(i)], code: 'INVALID', message: `Not a ${type} ID` });
    });
    columns[column] = ids.length === 0 ? null : local;
  }
  if (input.minimumSubtotal !== undefined) {
    if (input.minimumSubtotal !== null && !AMOUNT.test(input.minimumSubtotal)) {
      errors.push({ field: at('minimumSubtotal'), code: 'INVALID', message: 'minimumSubtotal: an amount' });
    } else columns.min_subtotal = input.minimumSubtotal;
  }
  for (const [name, column] of [
    ['minimumQuantity', 'min_quantity'],
    ['usageLimit', 'usage_limit'],
  ] as const) {
    const n = input[name];
    if (n === undefined) continue;
    if (n !== null && (n < 1 || n > 1_000_000_000)) {
      errors.push({ field: at(name), code: 'INVALID', message: `${name} must be at least 1` });
    } else columns[column] = n;
  }
  if (input.startsAt != null) columns.starts_at = new Date(input.startsAt);
  if (input.endsAt !== undefined) columns.ends_at = input.endsAt === null ? null : new Date(input.endsAt);
  if (input.startsAt != null && input.endsAt != null && new Date(input.endsAt) <= new Date(input.startsAt)) {
    errors.push({ field: at('endsAt'), code: 'INVALID', message: 'endsAt must be after startsAt' });
  }
  if (input.oncePerCustomer != null) columns.once_per_customer = input.oncePerCustomer;
  if (input.combinesWithOthers != null) columns.combines = input.combinesWithOthers;
  return errors.length > 0 ? { errors } : { columns };
}
