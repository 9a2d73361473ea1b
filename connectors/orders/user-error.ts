import type { UserErrorCode } from '../../src/sdk';

/** An expected failure, reported in a mutation payload's userErrors (codes as orders extend the enum). */
export interface UserError {
  field: string[];
  code: UserErrorCode | 'ALREADY_CANCELLED' | 'ALREADY_FULFILLED';
  message: string;
}

export type OrderResult<T> = { order: T | null; userErrors: UserError[] };

export function failure<T>(field: string[], code: UserError['code'], message: string): OrderResult<T> {
  return { order: null, userErrors: [{ field, code, message }] };
}
